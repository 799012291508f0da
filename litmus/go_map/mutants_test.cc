// Every mutant killed: its kill scenario (MutantKills) model-checked under RC11 must end in the
// stated finding, and the counterexample must pass through the line marked `mutant-site: <name>`
// in the fix's source (for mutants whose bug lives in the fix; the bare GoMap's bug is the
// caller's missing lock and has no such line). docs/mutants.md tabulates the kills.
#include "models/registry/registry.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "litmus/go_map/map_scenarios.h"
#include "mc/check_testing.h"
#include "models/backend/model_backend.h"
#include "models/testing/typed_maps.h"

namespace litmus::go_map {

using map_scenario::RunScenario;
using map_scenario::ScenarioResult;

namespace {

template <class M>
class MutantKill : public ::testing::Test {};
using ModelMutants = models::testing::ToTypes<models::Mutants<models::ModelBackend>>::type;
TYPED_TEST_SUITE(MutantKill, ModelMutants, models::testing::MapNames);

// The line number of the `mutant-site: <name>` marker in `file` (relative to the source tree).
int SiteLine(const std::string& file, const std::string& name) {
  std::ifstream in(std::string(MAPCHECK_SOURCE_DIR) + "/" + file);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.ends_with("mutant-site: " + name)) return n;
  }
  return 0;
}

TYPED_TEST(MutantKill, TheCheckerReportsTheBugAtItsLine) {
  const models::MutantInfo& info = TypeParam::kMutant;
  const Kill* kill = nullptr;
  for (const Kill& k : MutantKills()) {
    if (k.mutant == info.name) kill = &k;
  }
  ASSERT_NE(kill, nullptr) << "no kill scenario for mutant " << info.name;
  const ScenarioResult r = RunScenario(kill->scenario, [] { return std::make_unique<TypeParam>(); },
                                       {.model = mc::Model::kRC11});
  std::printf("%-32s %-18s found in execution %llu  %s\n", std::string(info.name).c_str(),
              std::string(mc::VerdictName(r.report.verdict)).c_str(),
              static_cast<unsigned long long>(r.report.executions + 1),
              kill->scenario.Program().c_str());
  ASSERT_TRUE(mc::testing::VerdictIs(r.report, kill->finding)) << r.failure;
  ASSERT_TRUE(r.report.counterexample.has_value());
  EXPECT_FALSE(r.report.replay_token.empty());
  if (info.file.empty()) return;
  const int line = SiteLine(std::string(info.file), std::string(info.name));
  ASSERT_GT(line, 0) << "no mutant-site marker for " << info.name << " in " << info.file;
  const std::string base = std::string(info.file).substr(std::string(info.file).rfind('/') + 1);
  bool named = false;
  for (const auto& e : r.report.counterexample->events) {
    named = named || (e.file == base && e.line == line);
  }
  EXPECT_TRUE(named) << "the counterexample does not pass " << base << ":" << line << "\n"
                     << r.report.counterexample->ToString();
}

}  // namespace
}  // namespace litmus::go_map
