// Every fix proven over bounded configurations: each scenario of FixScenarios (2 and 3 threads,
// 1 to 3 operations each, keys 1 to 3, every API call) explored exhaustively under RC11, with
// no race, no assertion, no deadlock, no Go fatal, and every history linearizable (per key; Range
// and Len against their documented weaker guarantees), in one run of the test per execution
// (the optimal search, which takes mutexes and rwlocks too). The execution counts are printed and
// tabulated in docs/verification.md (mapcheck verify --markdown).
#include "models/registry/registry.h"

#include <gtest/gtest.h>

#include <cstdio>
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
class FixScenario : public ::testing::Test {};
using ModelFixes = models::testing::ToTypes<models::CheckedFixes<models::ModelBackend>>::type;
TYPED_TEST_SUITE(FixScenario, ModelFixes, models::testing::MapNames);

TYPED_TEST(FixScenario, EveryScenarioIsLinearizableInEveryExecution) {
  for (const Scenario& s : FixScenarios()) {
    const ScenarioResult r =
        RunScenario(s, [] { return std::make_unique<TypeParam>(); }, {.model = mc::Model::kRC11});
    std::printf("%-16s %-20s %8llu executions  %s\n",
                std::string(models::kMapName<TypeParam>).c_str(), s.name.c_str(),
                static_cast<unsigned long long>(r.report.executions), s.Program().c_str());
    EXPECT_TRUE(mc::testing::VerdictIs(r.report, mc::Verdict::kOk))
        << s.name << ": " << s.Program() << "\n"
        << r.failure;
    EXPECT_TRUE(r.report.exhaustive) << s.name;
    EXPECT_GT(r.report.executions, 0U) << s.name;
    // The optimal search, mutexes included: one run per graph, none wasted.
    EXPECT_EQ(r.report.runs, r.report.executions + r.report.blocked) << s.name;
  }
}

}  // namespace
}  // namespace litmus::go_map
