#include "protocol_command.h"

#include <iomanip>
#include <string>

#include "common_flags.h"
#include "json.h"
#include "litmus/go_map/protocol.h"
#include "parallel.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags = kJobsFlag | kJsonFlag;

constexpr const char* kUsage =
    "usage: mapcheck protocol [CASE...] [--jobs N] [--json]\n"
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
    "options:\n";

}  // namespace

int ProtocolCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommonFlags flags;
  std::vector<std::string> names;
  if (const auto stop = ParseCommandLine("protocol", kFlags, kUsage + CommonFlagsHelp(kFlags), args,
                                         flags, out, err, CollectWords(args, names))) {
    return *stop;
  }
  std::vector<const litmus::go_map::ProtocolCase*> cases;
  for (const std::string& name : names) {
    const auto* c = litmus::go_map::FindProtocolCase(name);
    if (c == nullptr) {
      err << "mapcheck protocol: no protocol case named '" << name
          << "' (mapcheck protocol --help; the cases are in litmus/go_map/protocol.cc)\n";
      return 2;
    }
    cases.push_back(c);
  }
  if (cases.empty()) {
    for (const auto& c : litmus::go_map::ProtocolCases()) cases.push_back(&c);
  }
  std::vector<std::string> json;
  RunInOrder<litmus::go_map::ProtocolResult>(
      cases.size(), flags.jobs,
      [&](size_t i) { return litmus::go_map::RunProtocolCase(*cases[i]); },
      [&](size_t i, litmus::go_map::ProtocolResult& r) {
        const auto& c = *cases[i];
        const char* model = c.sc_interleavings ? "SC" : "RC11";
        if (flags.json) {
          std::vector<std::string> classes;
          for (const auto& [cls, n] : r.classes) {
            classes.push_back(JsonObject()
                                  .Add("class", cls)
                                  .Add("executions", n)
                                  .Add("witness", r.Witness(cls))
                                  .ToString());
          }
          json.push_back(JsonObject()
                             .Add("case", c.name)
                             .Add("model", model)
                             .Add("cells", c.cells)
                             .Add("setup", c.setup)
                             .Add("threads", c.threads)
                             .Add("explored", r.Explored())
                             .Add("executions", r.report.executions)
                             .Add("runs", r.report.runs)
                             .Add("states", r.report.states)
                             .Add("state_bytes", r.report.state_bytes)
                             .Raw("classes", JsonArray(classes, false))
                             .ToString());
          return;
        }
        out << (i == 0 ? "" : "\n") << c.name << " (" << model << ", " << c.cells
            << " cells per bucket): " << r.Explored() << " in " << r.Spent() << "\n  " << c.setup
            << "; " << c.threads << "\n";
        for (const auto& [cls, n] : r.classes) {
          out << "  " << std::left << std::setw(60) << cls << " " << n << "\n";
        }
      });
  if (flags.json) out << JsonObject().Raw("cases", JsonArray(json, true)).ToString() << "\n";
  return 0;
}

}  // namespace mapcheck
