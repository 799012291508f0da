#include "protocol_command.h"

#include <unistd.h>

#include <exception>
#include <optional>
#include <string>

#include "common_flags.h"
#include "interrupt.h"
#include "progress.h"
#include "json.h"
#include "litmus/go_map/protocol.h"
#include "parallel.h"
#include "protocol_report.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags = kJobsFlag | kJsonFlag | kModelFlag | kQuietFlag | kShardFlag;

constexpr const char* kUsage =
    "usage: mapcheck protocol [CASE...] [--model M] [--jobs N] [--json] [--threads N]\n"
    "                         [--shard I/N] [--exhaustive]\n"
    "\n"
    "Classifies every execution of the bare GoMap's protocol cases (GoMap shared without a lock:\n"
    "two writers, a writer beside a reader or an iterator, clear beside a write, growths;\n"
    "litmus/go_map/protocol.cc states each configuration) and prints, per case, the\n"
    "executions in each class: which fatal fired in which thread, an update lost, a read wrong,\n"
    "a write stranded, the map left corrupt, all without a fatal, or correct. Each class has a\n"
    "witness: `mapcheck replay protocol/CASE@TOKEN` prints that execution (--json lists the\n"
    "tokens). CASE names cases (default: all). Takes about two minutes; go_map_protocol_test\n"
    "asserts what the classes must show. Exits 2 on an unknown case.\n"
    "\n"
    "Each case runs under its own model (RC11; SC for the one searched by SC interleavings)\n"
    "unless --model names one or all: then every case runs under each (the SC-interleavings\n"
    "case under sc only, and under tso too with --exhaustive). With all, each case prints one\n"
    "table, a column per model, and marks a class RC11 shows and x86-TSO does not (\"needs\n"
    "weaker ordering than x86\") and one TSO shows and SC does not (\"seen on x86\"), where\n"
    "both searches were whole. --json gives one\n"
    "object per case and model. --shard splits every case's search but those of the sampled\n"
    "case (unless --exhaustive) and of the SC-interleavings case.\n"
    "\n"
    "options:\n";

constexpr const char* kOwnFlagsHelp =
    "  --threads N        OS threads for each case's search (0: one per core; the default, or 1\n"
    "                     with --jobs): the same counts; which execution is each class's\n"
    "                     witness may differ\n"
    "  --exhaustive       explore every execution of the sampled case too, with the optimal\n"
    "                     search (under RC11 it has more than 1.6 million graphs: Ctrl-C keeps\n"
    "                     what it counted, marked INCOMPLETE), and the SC-interleavings case\n"
    "                     under tso too, by the stateful TSO search (more than an hour)\n";

}  // namespace

int ProtocolCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommonFlags flags;
  std::vector<std::string> names;
  std::optional<unsigned> threads;  // default: every core, or one each when --jobs runs several
  bool exhaustive = false;  // the sampled case too
  const auto words = CollectWords(args, names);
  if (const auto stop = ParseCommandLine(
          "protocol", kFlags, kUsage + CommonFlagsHelp(kFlags) + kOwnFlagsHelp, args, flags, out, err,
          [&](size_t& i) {
            if (args[i] == "--threads") {
              const bool ok = i + 1 < args.size() && !args[i + 1].empty() &&
                              args[i + 1].find_first_not_of("0123456789") == std::string::npos &&
                              args[i + 1].size() <= 4;
              if (!ok) {
                Refuse(err, "protocol",
                       "--threads '" + (i + 1 < args.size() ? args[i + 1] : "") + "'",
                       "expected a number of threads (0: one per core)");
                return FlagResult::kError;
              }
              threads = static_cast<unsigned>(std::stoul(args[++i]));
              return FlagResult::kTaken;
            }
            if (args[i] == "--exhaustive") {
              exhaustive = true;
              return FlagResult::kTaken;
            }
            return words(i);
          })) {
    return *stop;
  }
  std::vector<const litmus::go_map::ProtocolCase*> cases;
  for (const std::string& name : names) {
    const auto* c = litmus::go_map::FindProtocolCase(name);
    if (c == nullptr) {
      return Refuse(err, "protocol", name,
                    "no protocol case of that name (mapcheck protocol --help; the cases are in "
                    "litmus/go_map/protocol.cc)");
    }
    cases.push_back(c);
  }
  if (cases.empty()) {
    for (const auto& c : litmus::go_map::ProtocolCases()) cases.push_back(&c);
  }
  // One run per case and model asked for (each case's own model when none is).
  struct Job {
    const litmus::go_map::ProtocolCase* c;
    std::optional<mc::Model> model;
  };
  std::vector<Job> jobs;
  for (const auto* c : cases) {
    if (flags.models.empty()) jobs.push_back({c, std::nullopt});
    for (const mc::Model m : flags.models) {
      // The stateful case: SC interleavings, and the x86-TSO machine's runs with --exhaustive
      // (a search that does not finish in an hour yet: docs/performance.md).
      if (!c->sc_interleavings || m == mc::Model::kSC || (m == mc::Model::kTSO && exhaustive)) {
        jobs.push_back({c, m});
      }
    }
  }
  const uint32_t shard_index = flags.shard_index;
  const uint32_t shard_count = flags.shard_count;
  if (shard_count > 1) {
    for (const auto* c : cases) {
      if ((c->random_runs != 0 && !exhaustive) || c->sc_interleavings) {
        return Refuse(err, "protocol", c->name,
                      std::string("--shard splits the search of every RC11 execution; this case "
                                  "is ") +
                          (c->random_runs != 0 ? "a sample of random runs"
                                               : "searched by the stateful SC search") +
                          " (leave it out)");
      }
    }
  }
  const std::string shard = flags.Shard();
  Progress progress = Progress::OnStderr("protocol", flags.quiet);
  std::vector<std::string> json;
  // Several models: each case's results are printed side by side once all its models ran.
  const bool side_by_side = flags.models.size() > 1 && !flags.json;
  std::vector<litmus::go_map::ProtocolResult> done;
  size_t printed = 0;
  RunInOrder<litmus::go_map::ProtocolResult>(
      jobs.size(), flags.jobs,
      [&](size_t i) {
        mc::Options options = litmus::go_map::ProtocolOptions(*jobs[i].c);
        if (jobs[i].model) options.model = *jobs[i].model;
        if (jobs[i].c->sc_interleavings && options.model == mc::Model::kTSO) {
          options.strategy = mc::Strategy::kStatefulTSO;
        }
        if (exhaustive && jobs[i].c->random_runs != 0) {
          options.strategy = mc::Strategy::kExhaustive;
          options.max_executions = 0;
        }
        options.progress = progress.For(jobs[i].c->name);
        options.stop = &InterruptFlag();
        options.shard_index = shard_index;
        options.shard_count = shard_count;
        options.threads = threads.value_or(flags.jobs == 1 ? 0U : 1U);
        return litmus::go_map::RunProtocolCase(*jobs[i].c, options);
      },
      [&](size_t i, litmus::go_map::ProtocolResult& r) {
        progress.Clear();
        if (flags.json) {
          json.push_back(ProtocolResultJson(r, shard));
        } else if (!side_by_side) {
          PrintProtocolResult(r, shard, i == 0, out);
        } else {
          done.push_back(std::move(r));
          if (i + 1 < jobs.size() && jobs[i + 1].c == jobs[i].c) return;
          std::vector<const litmus::go_map::ProtocolResult*> same;
          for (const auto& d : done) same.push_back(&d);
          PrintProtocolResultsSideBySide(same, printed++ == 0, out);
          done.clear();
        }
      });
  if (!done.empty()) {  // an interrupted case's models so far
    std::vector<const litmus::go_map::ProtocolResult*> same;
    for (const auto& d : done) same.push_back(&d);
    PrintProtocolResultsSideBySide(same, printed == 0, out);
  }
  if (flags.json) {
    out << JsonObject().Add("command", "protocol").Raw("cases", JsonArray(json, true)).ToString()
        << "\n";
  }
  if (Interrupted()) {
    err << "mapcheck protocol: interrupted; the case running then is INCOMPLETE, the cases "
           "after it counted nothing\n";
    return kInterruptedExit;
  }
  return 0;
}

}  // namespace mapcheck
