// mapcheck: the command line. Subcommands live in their own files; this only dispatches.
#include <iostream>
#include <string>
#include <vector>

#include "check_command.h"
#include "claims_command.h"
#include "fuzz_command.h"
#include "list_command.h"
#include "litmus_command.h"
#include "merge_command.h"
#include "protocol_command.h"
#include "replay_command.h"
#include "verify_command.h"
#include "user_error.h"

namespace {

constexpr const char* kUsage =
    "usage: mapcheck <command> [arguments]\n"
    "\n"
    "mapcheck settles concurrent hash-map questions with model-checked evidence.\n"
    "\n"
    "commands:\n"
    "  check [FILTER]   model-check the litmus tests and print a verdict table\n"
    "  list             list the litmus tests, maps, mutants and fuzz targets\n"
    "  litmus FILE...   run herd7 C litmus files under the checker\n"
    "  replay T@TOKEN   re-run one execution and print its counterexample\n"
    "  fuzz [FILTER]    run the nightly fuzzing campaign (libFuzzer targets, crash triage)\n"
    "  claims           decide the incident write-up's claims and print the ledger\n"
    "  verify           prove the fixes over the map scenarios and kill the mutants\n"
    "  protocol [CASE]  classify every execution of the bare GoMap's protocol cases\n"
    "  merge FILE...    add up the reports of the shards of a search (protocol --shard)\n"
    "\n"
    "`mapcheck <command> --help` describes each command.\n";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "check") return mapcheck::CheckCommand(rest, std::cout, std::cerr);
  if (args[0] == "list") return mapcheck::ListCommand(rest, std::cout, std::cerr);
  if (args[0] == "litmus") return mapcheck::LitmusCommand(rest, std::cout, std::cerr);
  if (args[0] == "replay") return mapcheck::ReplayCommand(rest, std::cout, std::cerr);
  if (args[0] == "fuzz") return mapcheck::FuzzCommand(rest, std::cout, std::cerr);
  if (args[0] == "claims") return mapcheck::ClaimsCommand(rest, std::cout, std::cerr);
  if (args[0] == "verify") return mapcheck::VerifyCommand(rest, std::cout, std::cerr);
  if (args[0] == "protocol") return mapcheck::ProtocolCommand(rest, std::cout, std::cerr);
  if (args[0] == "merge") return mapcheck::MergeCommand(rest, std::cout, std::cerr);
  mapcheck::Refuse(std::cerr, "", args[0], "unknown command");
  std::cerr << "\n" << kUsage;
  return mapcheck::kUsageExit;
}
