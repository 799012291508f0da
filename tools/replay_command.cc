#include "replay_command.h"

#include <fstream>
#include <optional>

#include "common_flags.h"
#include "html_report.h"
#include "replay_target.h"
#include "report_json.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags = kJsonFlag | kHtmlFlag;

std::string Usage() {
  return "usage: mapcheck replay TEST@TOKEN [--json] [--html FILE] [--why-not sc|tso]\n"
         "       mapcheck replay TEST TOKEN [--json] [--html FILE] [--why-not sc|tso]\n"
         "\n"
         "Re-runs the one execution a replay token names and prints it in full: every thread's\n"
         "events in order with values, memory orders, reads-from sources, modification-order\n"
         "positions and source lines. Every report of mapcheck prints tokens as TEST@TOKEN;\n"
         "TEST is a litmus test (mapcheck list), MAP/SCENARIO (a map or mutant and a map\n"
         "scenario, as in docs/verification.md), protocol/CASE (a case of the bare GoMap's\n"
         "protocol, whose witnesses docs/verification.md lists) or a herd .litmus file.\n"
         "\n"
         "--why-not sc|tso says why the execution cannot happen under sequential consistency\n"
         "or on x86 (x86-TSO): the shortest cycle of the order the model requires to be\n"
         "acyclic, one edge a line, named as herd7 names them (po, rfe, rfi, mo, fr, po-loc,\n"
         "spawn, join), each event with its source line; or that it can.\n"
         "\n"
         "Exit status: 0 when the execution was replayed (whatever it shows), 1 when the token\n"
         "does not fit the test (the program changed since the token was printed), 2 for bad\n"
         "arguments, a malformed token among them.\n"
         "\n"
         "options:\n" +
         CommonFlagsHelp(kFlags);
}

}  // namespace

int ReplayCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommonFlags flags;
  std::vector<std::string> words;
  std::optional<mc::Model> why_not;
  const auto collect = CollectWords(args, words);
  if (const auto stop = ParseCommandLine(
          "replay", kFlags, Usage(), args, flags, out, err, [&](size_t& i) {
            if (args[i] != "--why-not") return collect(i);
            const std::string value = i + 1 < args.size() ? args[i + 1] : "";
            const mc::ModelInfo* m = mc::FindModel(value);
            if (m == nullptr || (m->model != mc::Model::kSC && m->model != mc::Model::kTSO)) {
              Refuse(err, "replay", "--why-not '" + value + "'", "expected sc or tso");
              return FlagResult::kError;
            }
            why_not = m->model;
            ++i;
            return FlagResult::kTaken;
          })) {
    return *stop;
  }
  std::string test;
  std::string token;
  if (words.size() == 1) {
    const auto at = words[0].rfind('@');
    if (at == std::string::npos) {
      return Refuse(err, "replay", words[0],
                    "does not name its test: give TEST@TOKEN, as mapcheck's reports print it");
    }
    test = words[0].substr(0, at);
    token = words[0].substr(at + 1);
  } else if (words.size() == 2) {
    test = words[0];
    token = words[1];
  } else {
    Refuse(err, "replay", "", "expected TEST@TOKEN (or TEST TOKEN)");
    err << Usage();
    return kUsageExit;
  }
  std::string error;
  const auto target = FindReplayTarget(test, error);
  if (!target) {
    return Refuse(err, "replay", "", error);
  }
  if (const auto malformed = mc::ReplayTokenError(token)) {
    return Refuse(err, "replay", "replay token " + token, *malformed);
  }
  mc::Options options = target->options;
  options.why_not = why_not;
  const mc::Report r = mc::replay(target->body, token, options);
  const std::string why = target->explain ? target->explain() : "";
  // A token the checker cannot decode, or one that leads elsewhere in this program.
  const bool fits =
      r.verdict != mc::Verdict::kNondeterministic && r.verdict != mc::Verdict::kUsageError;
  const std::string qualified = QualifiedToken(test, token);
  if (!flags.html_file.empty()) {
    std::ofstream html(flags.html_file, std::ios::binary | std::ios::trunc);
    html << CounterexampleHtml(test + ": " + target->program + (why.empty() ? "" : "\n" + why),
                               qualified, r);
    if (!html) {
      return Refuse(err, "replay", "--html '" + flags.html_file + "'", "cannot write the file");
    }
  }
  if (flags.json) {
    out << JsonObject()
               .Add("command", "replay")
               .Add("test", test)
               .Add("program", target->program)
               .Add("why", why)
               .Add("why_not", r.why_not)
               .Raw("report", ReportJson(r, qualified))
               .ToString()
        << "\n";
  } else {
    out << "replaying " << test << ": " << target->program << "\n";
    if (!why.empty()) out << why << "\n";
    out << r.ToString();
    if (!r.why_not.empty()) out << "\n" << r.why_not;
  }
  if (!fits) {
    // Not a usage error (the token is well formed): a result, with its own exit status.
    err << "mapcheck replay: " << qualified << ": does not replay on this test: " << r.message
        << "\n";
    return 1;
  }
  return 0;
}

}  // namespace mapcheck
