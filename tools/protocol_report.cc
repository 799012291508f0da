#include "protocol_report.h"

#include <cctype>
#include <iomanip>
#include <set>
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

void PrintProtocolResultsSideBySide(const std::vector<const litmus::go_map::ProtocolResult*>& rs,
                                    bool first, std::ostream& out) {
  const litmus::go_map::ProtocolCase& c = *rs.front()->config;
  out << (first ? "" : "\n") << c.name << " (" << c.cells << " cells per bucket)\n  " << c.setup
      << "; " << c.threads << "\n";
  std::set<std::string> classes;
  const litmus::go_map::ProtocolResult* of[3] = {nullptr, nullptr, nullptr};  // rc11, tso, sc
  for (const auto* r : rs) {
    out << "  " << std::left << std::setw(5) << ModelOf(*r) << " " << r->Explored() << " in "
        << r->Spent() << "\n";
    for (const auto& [cls, n] : r->classes) classes.insert(cls);
    const int slot = r->report_model == mc::Model::kRC11  ? 0
                     : r->report_model == mc::Model::kTSO ? 1
                                                          : 2;
    of[slot] = r;
  }
  out << "  " << std::left << std::setw(60) << "class";
  for (const auto* r : rs) out << " " << std::right << std::setw(10) << ModelOf(*r);
  out << "\n";
  // Whether `r` shows `cls`, and whether its absence there means anything (a whole search).
  const auto shows = [](const litmus::go_map::ProtocolResult* r, const std::string& cls) {
    const auto it = r->classes.find(cls);
    return it != r->classes.end() && it->second > 0;
  };
  const auto whole = [](const litmus::go_map::ProtocolResult* r) {
    return r != nullptr && r->report.exhaustive && !r->sampled;
  };
  for (const std::string& cls : classes) {
    out << "  " << std::left << std::setw(60) << cls;
    for (const auto* r : rs) {
      const auto it = r->classes.find(cls);
      out << " " << std::right << std::setw(10) << (it == r->classes.end() ? 0 : it->second);
    }
    if (whole(of[0]) && whole(of[1]) && shows(of[0], cls) && !shows(of[1], cls)) {
      out << "  needs weaker ordering than x86 (Arm/POWER, or a compiler reordering)";
    } else if (whole(of[1]) && whole(of[2]) && shows(of[1], cls) && !shows(of[2], cls)) {
      out << "  seen on x86, not under SC";
    }
    out << "\n";
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
