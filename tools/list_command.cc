#include "list_command.h"

#include <iomanip>
#include <sstream>

#include "fuzz_targets.h"
#include "json.h"
#include "litmus/litmus.h"
#include "models/registry/registry.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr const char* kListUsage =
    "usage: mapcheck list [--json]\n"
    "\n"
    "Lists the registered litmus tests with their programs and expectations, the maps\n"
    "and the mutants with the bug each carries (models/registry/maps.def), and the fuzz\n"
    "targets generated from them.\n";

auto Mutants() { return models::MutantInfos(models::Mutants<models::RealBackend>{}); }

}  // namespace

int ListCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool json = false;
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      out << kListUsage;
      return 0;
    }
    if (a == "--json") {
      json = true;
    } else {
      Refuse(err, "list", a.starts_with("-") ? a : "'" + a + "'", "unexpected argument");
      err << kListUsage;
      return kUsageExit;
    }
  }
  if (json) {
    std::vector<std::string> tests, maps, mutants, fuzz;
    for (const auto& t : litmus::Registry()) {
      JsonObject test;
      test.Add("name", t.name)
          .Add("file", t.file)
          .Add("family", t.family)
          .Add("program", t.program)
          .Add("condition", t.ConditionText())
          .Add("counts", t.counts);
      for (const mc::ModelInfo& m : mc::kModels) {  // a model the file states nothing for: null
        const litmus::Expectation* e = t.Expected(m.model);
        test.Raw(std::string(m.name),
                 e == nullptr ? "null"
                              : JsonObject()
                                    .Add("allowed", e->allowed)
                                    .Add("executions", e->executions)
                                    .ToString());
      }
      tests.push_back(test.ToString());
    }
    for (const models::MapRow& m : models::kMapRows) {
      if (m.role == models::MapRole::kMutant) continue;
      maps.push_back(JsonObject()
                         .Add("name", m.fuzzed_label)
                         .Add("file", m.file)
                         .Add("summary", m.summary)
                         .ToString());
    }
    for (const models::MutantInfo& m : Mutants()) {
      mutants.push_back(JsonObject()
                            .Add("name", m.name)
                            .Add("fix", m.fix)
                            .Add("bug", m.bug)
                            .Add("file", m.file)
                            .ToString());
    }
    for (const FuzzTarget& f : FuzzTargets()) fuzz.push_back(JsonString(f.name));
    out << JsonObject()
               .Add("command", "list")
               .Raw("litmus", JsonArray(tests, true))
               .Raw("maps", JsonArray(maps, true))
               .Raw("mutants", JsonArray(mutants, true))
               .Raw("fuzz_targets", JsonArray(fuzz, true))
               .ToString()
        << "\n";
    return 0;
  }
  out << "litmus tests:\n";
  for (const auto& t : litmus::Registry()) {
    out << "  " << std::left << std::setw(30) << t.name << t.family << ": " << t.program << "\n";
  }
  out << "\nmaps:\n";
  for (const models::MapRow& m : models::kMapRows) {
    if (m.role == models::MapRole::kMutant) continue;
    out << "  " << std::left << std::setw(34) << m.fuzzed_label << m.summary << "\n";
  }
  out << "\nmutants:\n";
  for (const models::MutantInfo& m : Mutants()) {
    out << "  " << std::left << std::setw(34) << m.name << m.bug << "\n";
  }
  out << "\nfuzz targets (build/fuzz with the fuzz preset; *_replay everywhere):\n";
  for (const FuzzTarget& f : FuzzTargets()) out << "  " << f.name << "\n";
  return 0;
}

}  // namespace mapcheck
