// The claims ledger's assertions: every registered claim reaches the verdict we state for it,
// and the details behind C1 and C2 (see writing_flag.h for the configuration).
#include "litmus/claims/claims.h"

#include <gtest/gtest.h>

#include <iostream>
#include <set>
#include <string>

#include "litmus/claims/writing_flag.h"

namespace claims {
namespace {

class ClaimVerdict : public ::testing::TestWithParam<const Claim*> {};

TEST_P(ClaimVerdict, ModelChecksReachTheStatedVerdict) {
  const Claim& c = *GetParam();
  const Decision d = c.decide();
  std::cout << c.id << ": " << d.verdict << " (" << d.evidence << ")\n";
  EXPECT_TRUE(claims::Settled(c, d))
      << c.id << ": got " << d.verdict << ", want " << c.expected << ": " << c.statement << "\n"
      << d.evidence;
}

std::vector<const Claim*> AllClaims() {
  std::vector<const Claim*> out;
  for (const Claim& c : Registry()) out.push_back(&c);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Claims, ClaimVerdict, ::testing::ValuesIn(AllClaims()),
                         [](const ::testing::TestParamInfo<const Claim*>& param) {
                           return param.param->id;
                         });

TEST(C1, ConcurrentMapWritesAreDetectedOnlySometimes) {
  const mc::Report r = TwoWritersOneBucket(false);
  ASSERT_TRUE(r.exhaustive) << r.ToString();
  const WriteClasses c = Classify(r);
  EXPECT_EQ(c.other_findings, 0u);  // the only finding is the runtime's own fatal
  EXPECT_GT(c.fatal, 0u);           // the check does fire...
  EXPECT_GT(c.lost, 0u);            // ...but some executions lose an update with no fatal
  EXPECT_GT(c.correct, 0u);         // and some run correctly by luck
  // Both threads can be the one that dies, at two sites: the entry check (hashWriting already
  // set) and the exit check (the other writer's XOR cleared it).
  std::set<std::string> sites;
  for (const char* thread : {"(thread 1 at ", "(thread 2 at "}) {
    bool seen = false;
    for (const auto& [outcome, count] : r.outcomes) {
      const size_t at = outcome.find(thread);
      if (at == std::string::npos) continue;
      seen = true;
      sites.insert(outcome.substr(at + 13, outcome.find(')', at) - at - 13));
    }
    EXPECT_TRUE(seen) << "no fatal in " << thread;
  }
  EXPECT_EQ(sites.size(), 2u);
  // The races the detection itself is made of: the plain read-modify-write of flags.
  EXPECT_FALSE(r.races.empty());
}

TEST(C2, AnAtomicTestAndSetFlagWouldCatchEveryOverlapOfTwoWriters) {
  const mc::Report r = TwoWritersOneBucket(true);
  ASSERT_TRUE(r.exhaustive) << r.ToString();
  const WriteClasses c = Classify(r);
  EXPECT_EQ(c.other_findings, 0u);
  EXPECT_GT(c.fatal, 0u);
  EXPECT_GT(c.correct, 0u);
  EXPECT_EQ(c.lost, 0u);
  EXPECT_EQ(c.corrupt, 0u);
}

}  // namespace
}  // namespace claims
