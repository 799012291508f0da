// Every row of docs/conformance.md under RC11 and SC: the verdict of the outcome condition and the
// exact number of consistent executions. A count too high means duplicated executions, too low
// means missed ones; a wrong verdict means a wrong memory model.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "litmus/litmus.h"

namespace litmus {
namespace {

struct Param {
  const LitmusTest* test;
  mc::Model model;
};

void PrintTo(const Param& p, std::ostream* os) {
  *os << p.test->name << " under " << mc::ModelName(p.model);
}

class Conformance : public ::testing::TestWithParam<Param> {};

TEST_P(Conformance, VerdictAndExecutionCountMatch) {
  const Param& p = GetParam();
  const Result r = RunLitmus(*p.test, p.model);
  EXPECT_TRUE(r.pass) << p.test->name << " under " << mc::ModelName(p.model) << ": " << r.problem
                      << "\n  program: " << p.test->program << "\n"
                      << r.report.ToString();
}

std::vector<Param> AllParams() {
  std::vector<Param> params;
  for (const LitmusTest& t : Registry()) {
    params.push_back({&t, mc::Model::kRC11});
    params.push_back({&t, mc::Model::kSC});
  }
  return params;
}

std::string ParamName(const ::testing::TestParamInfo<Param>& info) {
  std::string name = info.param.test->name + "_" + std::string(mc::ModelName(info.param.model));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(MemoryModel, Conformance, ::testing::ValuesIn(AllParams()), ParamName);

// The stateful SC search (Strategy::kStatefulSC) on every row: the SC verdict of the outcome
// condition. It counts behaviours, not executions: at most the SC executions, since two
// executions with different values read or a different final memory are different graphs.
TEST(ConformanceTable, TheStatefulSearchGivesEverySCVerdict) {
  const mc::Options stateful{.model = mc::Model::kSC, .strategy = mc::Strategy::kStatefulSC};
  for (const LitmusTest& t : Registry()) {
    const mc::Report r = mc::check(t.body, stateful);
    ASSERT_TRUE(r.ok() && r.exhaustive) << t.name << "\n" << r.ToString();
    bool seen = false;
    for (const auto& [outcome, n] : r.outcomes) seen = seen || Satisfies(t.condition, outcome);
    ASSERT_NE(t.Expected(mc::Model::kSC), nullptr) << t.name;
    EXPECT_EQ(seen, t.Expected(mc::Model::kSC)->allowed) << t.name << "\n" << r.ToString();
    EXPECT_LE(r.executions, t.Expected(mc::Model::kSC)->executions) << t.name;
  }
}

// The registry holds exactly the rows of docs/conformance.md: none lost to a build change.
TEST(ConformanceTable, HasEveryRow) { EXPECT_EQ(Registry().size(), 41u); }

}  // namespace
}  // namespace litmus
