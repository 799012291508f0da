#include "protocol_report.h"

#include <cctype>
#include <iomanip>
#include <string>
#include <vector>

#include "json.h"

namespace mapcheck {
namespace {

// The model the case was checked under, in capitals ("RC11", "SC", "TSO").
std::string ModelOf(const litmus::go_map::ProtocolResult& r) {
  std::string name(mc::ModelName(r.report_model));
  for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return name;
}

}  // namespace

void PrintProtocolResult(const litmus::go_map::ProtocolResult& r, const std::string& shard,
                         bool first, std::ostream& out) {
  const litmus::go_map::ProtocolCase& c = *r.config;
  out << (first ? "" : "\n") << c.name << " (" << ModelOf(r) << ", " << c.cells
      << " cells per bucket" << (shard.empty() ? "" : ", shard " + shard) << "): " << r.Explored()
      << " in " << r.Spent() << "\n  " << c.setup << "; " << c.threads << "\n";
  for (const auto& [cls, n] : r.classes) {
    out << "  " << std::left << std::setw(60) << cls << " " << n << "\n";
  }
}

std::string ProtocolResultJson(const litmus::go_map::ProtocolResult& r, const std::string& shard) {
  const litmus::go_map::ProtocolCase& c = *r.config;
  std::vector<std::string> classes;
  for (const auto& [cls, n] : r.classes) {
    classes.push_back(JsonObject()
                          .Add("class", cls)
                          .Add("executions", n)
                          .Add("witness", r.Witness(cls))
                          .ToString());
  }
  JsonObject o;
  o.Add("case", c.name)
      .Add("model", ModelOf(r))
      .Add("cells", c.cells)
      .Add("setup", c.setup)
      .Add("threads", c.threads)
      .Add("explored", r.Explored())
      .Add("executions", r.report.executions)
      .Add("blocked", r.report.blocked)
      .Add("runs", r.report.runs)
      .Add("states", r.report.states)
      .Add("state_bytes", r.report.state_bytes)
      .Add("exhaustive", r.report.exhaustive)
      .Add("seconds", r.report.seconds);
  if (!shard.empty()) o.Add("shard", shard);
  return o.Raw("classes", JsonArray(classes, false)).ToString();
}

}  // namespace mapcheck
