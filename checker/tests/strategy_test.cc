// Strategies beside exhaustive search, and the replay tokens they share with it.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::ExecutionsAre;
using mc::testing::VerdictIs;

void RelaxedMessagePassing() {
  mc::atomic<int> data{0}, flag{0};
  mc::thread writer([&] {
    data.store(42, mc::relaxed);
    flag.store(1, mc::relaxed);
  });
  mc::thread reader([&] {
    if (flag.load(mc::relaxed) == 1) MC_ASSERT(data.load(mc::relaxed) == 42);
  });
  writer.join();
  reader.join();
}

TEST(RandomWalk, FindsTheRelaxedMessagePassingBugAndItsTokenReplays) {
  // The bug needs 2 of the 4 read choices (flag 1, data 0): a random walk hits it within a few
  // runs; 200 runs make a miss vanishingly unlikely for any seed, and the seed fixes the run.
  const mc::Report r = mc::check(
      RelaxedMessagePassing, {.strategy = mc::Strategy::kRandom, .seed = 7, .max_executions = 200});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kAssertionFailed));
  const mc::Report again = mc::replay(RelaxedMessagePassing, r.replay_token);
  EXPECT_TRUE(VerdictIs(again, mc::Verdict::kAssertionFailed));
  EXPECT_EQ(again.message, r.message);
}

TEST(RandomWalk, NeverClaimsToVerify) {
  const mc::Report r = mc::check(
      [] {
        mc::atomic<int> x{0};
        mc::thread a([&] { x.fetch_add(1, mc::relaxed); });
        mc::thread b([&] { x.fetch_add(1, mc::relaxed); });
        a.join();
        b.join();
        MC_ASSERT(x.load(mc::relaxed) == 2);
      },
      {.strategy = mc::Strategy::kRandom, .max_executions = 50});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kBudgetExhausted));
  EXPECT_FALSE(r.exhaustive);
  EXPECT_EQ(r.executions, 50u);  // every run completes; runs may repeat executions
  EXPECT_NE(r.message.find("nothing is verified"), std::string::npos);
}

TEST(RandomWalk, SameSeedSameRuns) {
  auto run = [](uint64_t seed) {
    return mc::check(
        [] {
          mc::atomic<int> x{0};
          int seen = -1;
          mc::thread a([&] { x.store(1, mc::relaxed); });
          mc::thread b([&] { seen = x.load(mc::relaxed); });
          a.join();
          b.join();
          mc::observe("seen", seen);
        },
        {.strategy = mc::Strategy::kRandom, .seed = seed, .max_executions = 40});
  };
  EXPECT_EQ(run(3).outcomes, run(3).outcomes);
}

// ---------------------------------------------------------------------------------------------
// Bounded (preemption) search.

// T2 sees T1's x and answers with y; T1 then reads T2's y. Building that graph needs one switch
// away from T1 while T1 could go on (after its store, to let T2 read it): one preemption.
void AnswerNeedsOnePreemption() {
  mc::atomic<int> x{0}, y{0};
  int r = 0;
  mc::thread t1([&] {
    x.store(1);
    r = y.load();
  });
  mc::thread t2([&] {
    if (x.load() == 1) y.store(1);
  });
  t1.join();
  t2.join();
  MC_ASSERT(r == 0);
}

TEST(Bounded, ZeroPreemptionsMissTheBugAndSaySo) {
  // With no preemption T1 runs to its end before T2 starts (or T2 first, reading x=0): r stays
  // 0. The search is clean but the bound cut steps, so it must not claim to verify.
  const mc::Report r = mc::check(AnswerNeedsOnePreemption,
                                 {.strategy = mc::Strategy::kBounded, .preemption_bound = 0});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kBudgetExhausted));
  EXPECT_GT(r.cut, 0U);
  EXPECT_FALSE(r.exhaustive);
  EXPECT_NE(r.message.find("at most 0 preemptions"), std::string::npos) << r.message;
}

TEST(Bounded, OnePreemptionFindsItAndTheTokenReplays) {
  const mc::Report r = mc::check(AnswerNeedsOnePreemption,
                                 {.strategy = mc::Strategy::kBounded, .preemption_bound = 1});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kAssertionFailed));
  const mc::Report again = mc::replay(AnswerNeedsOnePreemption, r.replay_token);
  EXPECT_TRUE(VerdictIs(again, mc::Verdict::kAssertionFailed));
}

TEST(Bounded, ABoundThatCutsNothingVerifiesWithTheExhaustiveCount) {
  // Three relaxed increments (3! = 6 orders of the RMWs in mo) and SB with relaxed atomics
  // (4 executions in RC11): with room for every preemption the bound cuts nothing, and each
  // graph is counted once although it is reached with different preemption counts.
  auto three_increments = [] {
    mc::atomic<int> x{0};
    mc::thread a([&] { x.fetch_add(1, mc::relaxed); });
    mc::thread b([&] { x.fetch_add(1, mc::relaxed); });
    mc::thread c([&] { x.fetch_add(1, mc::relaxed); });
    a.join();
    b.join();
    c.join();
  };
  auto sb = [] {
    mc::atomic<int> x{0}, y{0};
    mc::thread a([&] {
      x.store(1, mc::relaxed);
      (void)y.load(mc::relaxed);
    });
    mc::thread b([&] {
      y.store(1, mc::relaxed);
      (void)x.load(mc::relaxed);
    });
    a.join();
    b.join();
  };
  for (const auto& [test, expected] :
       {std::pair<std::function<void()>, uint64_t>{three_increments, 6}, {sb, 4}}) {
    const mc::Report exhaustive = mc::check(test);
    ASSERT_TRUE(ExecutionsAre(exhaustive, expected));
    const mc::Report bounded =
        mc::check(test, {.strategy = mc::Strategy::kBounded, .preemption_bound = 10});
    EXPECT_EQ(bounded.cut, 0U);
    EXPECT_TRUE(ExecutionsAre(bounded, expected));
  }
}

// ---------------------------------------------------------------------------------------------
// PCT.

// A depth-2 bug among 3 threads: T2 must read T1's x (one ordering) and T3 must read T2's y
// (a second). Each thread first does a few steps of its own, so a run has enough steps for the
// schedule to matter.
void DepthTwoBug() {
  mc::atomic<int> x{0}, y{0};
  mc::atomic<int> own1{0}, own2{0}, own3{0};
  auto busy = [](mc::atomic<int>& own) {
    for (int i = 0; i < 3; ++i) own.fetch_add(1, mc::relaxed);
  };
  mc::thread t1([&] {
    busy(own1);
    x.store(1);
  });
  mc::thread t2([&] {
    busy(own2);
    if (x.load() == 1) y.store(1);
  });
  mc::thread t3([&] {
    busy(own3);
    MC_ASSERT(y.load() == 0);
  });
  t1.join();
  t2.join();
  t3.join();
}

TEST(Pct, FindsADepthTwoBugAtLeastAsOftenAsItsBoundPromises) {
  // Over 2,000 runs (classify_findings counts every failing run instead of stopping at the
  // first), the share of runs that hit the bug must reach PCT's guarantee 1/(n k^(d-1)) for
  // n = 3 threads, d = 2 and k the steps of a run (read from a single run's state count, which
  // grows by one per step). Where the measured rate lands is printed for the record.
  const uint64_t runs = 2000;
  const mc::Report probe = mc::check(DepthTwoBug, {.model = mc::Model::kSC,
                                                   .strategy = mc::Strategy::kRandom,
                                                   .max_executions = 1,
                                                   .classify_findings = true});
  const double k = static_cast<double>(probe.states);
  const mc::Report pct = mc::check(DepthTwoBug, {.model = mc::Model::kSC,
                                                 .strategy = mc::Strategy::kPct,
                                                 .seed = 11,
                                                 .pct_depth = 2,
                                                 .max_executions = runs,
                                                 .recheck_findings = false,
                                                 .classify_findings = true});
  const double hits = static_cast<double>(mc::testing::CountMatching(pct, "finding=assertion"));
  const double rate = hits / static_cast<double>(runs);
  const double bound = 1.0 / (3.0 * k);
  // For comparison only: a random walk's rate on the same test.
  const mc::Report walk = mc::check(DepthTwoBug, {.model = mc::Model::kSC,
                                                  .strategy = mc::Strategy::kRandom,
                                                  .seed = 11,
                                                  .max_executions = runs,
                                                  .recheck_findings = false,
                                                  .classify_findings = true});
  const double walk_rate =
      static_cast<double>(mc::testing::CountMatching(walk, "finding=assertion")) /
      static_cast<double>(runs);
  std::printf(
      "PCT depth 2: %.0f of %llu runs hit the bug (rate %.4f; bound 1/(3*%.0f) = %.4f); random "
      "walk rate %.4f\n",
      hits, static_cast<unsigned long long>(runs), rate, k, bound, walk_rate);
  EXPECT_GT(k, 10.0);
  EXPECT_GE(rate, bound);
}

TEST(Pct, SameSeedSameRunsAndTheTokenReplays) {
  const mc::Options options{.model = mc::Model::kSC,
                            .strategy = mc::Strategy::kPct,
                            .seed = 5,
                            .pct_depth = 2,
                            .max_executions = 500};
  const mc::Report a = mc::check(DepthTwoBug, options);
  const mc::Report b = mc::check(DepthTwoBug, options);
  ASSERT_TRUE(VerdictIs(a, mc::Verdict::kAssertionFailed));
  EXPECT_EQ(a.replay_token, b.replay_token);
  EXPECT_TRUE(VerdictIs(mc::replay(DepthTwoBug, a.replay_token), mc::Verdict::kAssertionFailed));
}

TEST(Pct, DepthZeroIsAUsageError) {
  EXPECT_TRUE(VerdictIs(mc::check(DepthTwoBug, {.strategy = mc::Strategy::kPct, .pct_depth = 0}),
                        mc::Verdict::kUsageError));
}

// ---------------------------------------------------------------------------------------------
// How far a search got.

TEST(ExploredFraction, IsOneWhenCompleteAndBetweenWhenABudgetStopsTheSearch) {
  // The canonical-order search estimates the share (the optimal one says how many graphs are
  // still to explore instead: optimal_test.cc).
  const mc::Report full = mc::check(
      DepthTwoBug, {.model = mc::Model::kSC, .classify_findings = true, .optimal_search = false});
  ASSERT_TRUE(full.exhaustive);
  EXPECT_EQ(full.explored_fraction, 1.0);
  const mc::Report part = mc::check(DepthTwoBug, {.model = mc::Model::kSC,
                                                  .max_executions = full.executions / 2,
                                                  .classify_findings = true,
                                                  .optimal_search = false});
  ASSERT_TRUE(VerdictIs(part, mc::Verdict::kBudgetExhausted));
  EXPECT_GT(part.explored_fraction, 0.0);
  EXPECT_LT(part.explored_fraction, 1.0);
  EXPECT_NE(part.message.find("% of the search tree was explored (estimate)"), std::string::npos)
      << part.message;
}

// Guided runs: the bytes are the decisions. Every byte string of length 6 over {0,1,2,3} is
// tried on relaxed store buffering (a decision has at most 3 candidates here, so 4 values per
// byte reach every choice, and the program makes at most 6 decisions): together they must reach
// exactly the 4 outcomes exhaustive search finds, and each string always the same one.
void RelaxedStoreBuffering() {
  mc::atomic<int> x{0}, y{0};
  int r0 = -1, r1 = -1;
  mc::thread a([&] {
    x.store(1, mc::relaxed);
    r0 = y.load(mc::relaxed);
  });
  mc::thread b([&] {
    y.store(1, mc::relaxed);
    r1 = x.load(mc::relaxed);
  });
  a.join();
  b.join();
  mc::observe("r0", r0);
  mc::observe("r1", r1);
}

TEST(Guided, TheBytesReachEveryExecutionAndTheSameBytesTheSameOne) {
  const mc::Report all = mc::check(RelaxedStoreBuffering);
  ASSERT_TRUE(ExecutionsAre(all, 4));
  std::map<std::string, uint64_t> reached;
  for (int code = 0; code < 4096; ++code) {
    std::vector<uint8_t> guide;
    for (int k = 0; k < 6; ++k) guide.push_back(static_cast<uint8_t>((code >> (2 * k)) & 3));
    const mc::Options options{.strategy = mc::Strategy::kGuided, .guide = guide};
    const mc::Report r = mc::check(RelaxedStoreBuffering, options);
    ASSERT_TRUE(VerdictIs(r, mc::Verdict::kBudgetExhausted));  // one clean run verifies nothing
    ASSERT_EQ(r.executions, 1U);
    ASSERT_EQ(r.outcomes.size(), 1U);
    const mc::Report again = mc::check(RelaxedStoreBuffering, options);
    ASSERT_EQ(again.outcomes, r.outcomes) << "guide code " << code;
    ++reached[r.outcomes.begin()->first];
  }
  std::map<std::string, uint64_t> expected;
  for (const auto& [outcome, n] : all.outcomes) expected[outcome] = 0;
  EXPECT_EQ(reached.size(), expected.size());
  for (const auto& [outcome, n] : reached) EXPECT_TRUE(expected.contains(outcome)) << outcome;
}

TEST(Guided, AFindingCarriesATokenThatReplaysIt) {
  // Flag read 1 and data read 0: try guides until one finds it; its token must replay it.
  for (int code = 0; code < 256; ++code) {
    std::vector<uint8_t> guide;
    for (int k = 0; k < 8; ++k) guide.push_back(static_cast<uint8_t>((code >> k) & 1));
    const mc::Report r =
        mc::check(RelaxedMessagePassing, {.strategy = mc::Strategy::kGuided, .guide = guide});
    if (r.verdict == mc::Verdict::kBudgetExhausted) continue;
    ASSERT_TRUE(VerdictIs(r, mc::Verdict::kAssertionFailed));
    const mc::Report again = mc::replay(RelaxedMessagePassing, r.replay_token);
    EXPECT_TRUE(VerdictIs(again, mc::Verdict::kAssertionFailed));
    return;
  }
  FAIL() << "no guide of 8 binary decisions found the relaxed message-passing bug";
}

}  // namespace
