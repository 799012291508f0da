// Every row of CONFORMANCE.md under RC11 and SC: the verdict of the outcome condition and the
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

// The registry holds exactly the rows of CONFORMANCE.md: none lost to a build change.
TEST(ConformanceTable, HasEveryRow) { EXPECT_EQ(Registry().size(), 41u); }

}  // namespace
}  // namespace litmus
