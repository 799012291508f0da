#include "litmus_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include <unistd.h>

#include "common_flags.h"
#include "interrupt.h"
#include "progress.h"
#include "json.h"
#include "herd/herd_parser.h"
#include "herd/herd_run.h"
#include "replay_target.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags = kModelFlag | kStrategyFlags | kBudgetFlag | kJsonFlag | kQuietFlag;

std::string Usage() {
  return "usage: mapcheck litmus [options] FILE.litmus...\n"
         "\n"
         "Runs herd7 C litmus tests: the name line, the init block, threads P0..Pn with\n"
         "atomic_*(_explicit) calls, plain *x accesses, atomic_thread_fence, local ints and\n"
         "if/else, optional 'locations [...]' and 'filter', and an exists / ~exists / forall\n"
         "condition. Every consistent execution is explored under the model; the output is\n"
         "herd's (states, Ok/No, Witnesses, Observation) with each state's execution count\n"
         "and the total number of executions.\n"
         "\n"
         "Exit status: 0 when every file ran, 1 when the checker reported an error for one\n"
         "(a deadlock, a usage error), 2 for a bad flag, an unreadable file or a malformed\n"
         "test (file:line:col: message), 3 when a budget or a sampling strategy left some\n"
         "executions unexplored (the states listed are then those seen).\n"
         "\n"
         "options:\n" +
         CommonFlagsHelp(kFlags);
}

std::string StatesJson(const std::string& file, const herd::Outcome& o) {
  std::vector<std::string> states;
  for (const herd::State& s : o.states) {
    states.push_back(JsonObject()
                         .Add("state", s.text)
                         .Add("executions", s.executions)
                         .Add("satisfies", s.satisfies)
                         .Add("witness", QualifiedToken(file, s.witness))
                         .ToString());
  }
  return JsonArray(states);
}

}  // namespace

int LitmusCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommonFlags flags;
  std::vector<std::string> files;
  if (const auto stop = ParseCommandLine("litmus", kFlags, Usage(), args, flags, out, err,
                                         CollectWords(args, files))) {
    return *stop;
  }
  if (files.empty()) {
    Refuse(err, "litmus", "", "no .litmus file given");
    err << Usage();
    return kUsageExit;
  }
  if (flags.models.empty()) flags.models = {mc::Model::kRC11};
  Progress progress = Progress::OnStderr("litmus", flags.quiet);
  flags.options.max_seconds = flags.budget_seconds;

  int status = 0;
  bool incomplete_runs = false;
  std::vector<std::string> json;
  for (const std::string& file : files) {
    if (Interrupted()) break;  // the files after an interrupt are not run
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
      status = Refuse(err, "litmus", file, "is a directory, not a .litmus file");
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      status = Refuse(err, "litmus", file, "cannot read the file");
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string& bytes = text.str();
    if (std::any_of(bytes.begin(), bytes.end(), [](char c) {
          const auto u = static_cast<unsigned char>(c);
          return u < 0x09 || (u > 0x0d && u < 0x20) || u == 0x7f;
        })) {
      status = Refuse(err, "litmus", file, "is not text (it holds control bytes): not a .litmus file");
      continue;
    }
    auto parsed = herd::Parse(text.str(), file);
    if (const auto* e = std::get_if<herd::ParseError>(&parsed)) {
      status = Refuse(err, "litmus", e->Where(), e->message);
      continue;
    }
    const herd::Program& program = std::get<herd::Program>(parsed);
    for (const mc::Model model : flags.models) {
      mc::Options options = flags.options;
      options.model = model;
      options.stop = &InterruptFlag();
      options.progress = progress.For(file + " " + std::string(mc::ModelName(model)));
      const herd::Outcome o = herd::Explore(program, options);
      progress.Clear();
      // A budget or a sampling strategy leaves the states incomplete: said, and exit 3 (as
      // `mapcheck check` does) unless something worse happened.
      const bool clean = o.report.verdict == mc::Verdict::kOk;
      const bool incomplete = o.report.verdict == mc::Verdict::kBudgetExhausted;
      if (incomplete) {
        incomplete_runs = true;
      } else if (!clean && status == 0) {
        status = 1;
      }
      if (flags.json) {
        json.push_back(JsonObject()
                           .Add("file", file)
                           .Add("test", program.name)
                           .Add("model", mc::ModelName(model))
                           .Add("verdict", mc::VerdictName(o.report.verdict))
                           .Add("kind", o.kind)
                           .Add("ok", o.ok)
                           .Add("positive", o.positive)
                           .Add("negative", o.negative)
                           .Add("observation", o.observation)
                           .Add("condition", program.condition_text)
                           .Add("executions", o.report.executions)
                           .Add("runs", o.report.runs)
                           .Add("seconds", o.report.seconds)
                           .Raw("states", StatesJson(file, o))
                           .Add("message", o.report.message)
                           .Add("replay_token", o.report.replay_token)
                           .ToString());
        continue;
      }
      out << herd::HerdText(program, o, model);
      if (incomplete) {
        out << "Incomplete: " << o.report.message << "\n";
      } else if (!clean) {
        out << "Error " << o.report.ToString();
      }
      out << "\n";
    }
  }
  if (flags.json) {
    out << JsonObject().Add("command", "litmus").Raw("results", JsonArray(json, true)).ToString()
        << "\n";
  }
  if (Interrupted()) {
    err << "mapcheck litmus: interrupted; the run going then is incomplete, the files after it "
           "not run\n";
    return kInterruptedExit;
  }
  if (status == 0 && incomplete_runs) return 3;
  return status;
}

}  // namespace mapcheck
