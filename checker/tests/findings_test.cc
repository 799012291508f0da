// For every finding kind of the core checker: a program with the bug that must report it (with
// the shape of its counterexample), and the fixed program that must pass.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::ExecutionsAre;
using mc::testing::VerdictIs;

const mc::TraceEvent* FindHighlighted(const mc::Report& r, const std::string& kind, int n = 0) {
  if (!r.counterexample) return nullptr;
  for (const auto& e : r.counterexample->events) {
    if (e.highlighted && e.kind == kind && n-- == 0) return &e;
  }
  return nullptr;
}

// Message passing through a relaxed flag: the reader can see the flag and stale data.
void MessagePassing(mc::memory_order flag_store, mc::memory_order flag_load) {
  mc::atomic<int> data{0}, flag{0};
  mc::thread writer([&] {
    data.store(42, mc::relaxed);
    flag.store(1, flag_store);
  });
  mc::thread reader([&] {
    if (flag.load(flag_load) == 1) MC_ASSERT(data.load(mc::relaxed) == 42);
  });
  writer.join();
  reader.join();
}

TEST(Findings, AssertionFailureIsFoundWithTheFailingLine) {
  const mc::Report r = mc::check([] { MessagePassing(mc::relaxed, mc::relaxed); });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kAssertionFailed));
  EXPECT_NE(r.message.find("data.load(mc::relaxed) == 42"), std::string::npos) << r.message;
  EXPECT_FALSE(r.replay_token.empty());
  // The trace: thread 2 read the flag as 1 and the data as 0 (the initial value), then stopped.
  ASSERT_TRUE(r.counterexample.has_value());
  const mc::TraceEvent* stop = FindHighlighted(r, "stop");
  ASSERT_NE(stop, nullptr) << r.ToString();
  EXPECT_EQ(stop->thread, 2);
  EXPECT_EQ(stop->file, "findings_test.cc");
  std::vector<const mc::TraceEvent*> reads;
  for (const auto& e : r.counterexample->events) {
    if (e.thread == 2 && e.kind == "read") reads.push_back(&e);
  }
  ASSERT_EQ(reads.size(), 2u) << r.ToString();
  EXPECT_EQ(reads[0]->read_value, 1u);
  EXPECT_EQ(reads[0]->reads_from, "T1.2");  // thread 1's second event after start: flag.store
  EXPECT_EQ(reads[1]->read_value, 0u);
  EXPECT_EQ(reads[1]->reads_from, "init");
}

TEST(Findings, ReleaseAcquireMessagePassingPasses) {
  // Executions: flag read 0 (data's write need not be read: 1) or flag read 1 (data then 42): 2.
  const mc::Report r = mc::check([] { MessagePassing(mc::release, mc::acquire); });
  EXPECT_TRUE(ExecutionsAre(r, 2));
}

TEST(Findings, AssertionReplaysFromItsToken) {
  auto test = [] { MessagePassing(mc::relaxed, mc::relaxed); };
  const mc::Report r = mc::check(test);
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kAssertionFailed));
  const mc::Report again = mc::replay(test, r.replay_token);
  EXPECT_TRUE(VerdictIs(again, mc::Verdict::kAssertionFailed));
  EXPECT_EQ(again.message, r.message);
  ASSERT_TRUE(again.counterexample.has_value());
  EXPECT_EQ(again.counterexample->ToString(), r.counterexample->ToString());
}

TEST(Findings, EveryOutcomeHasAWitnessThatReplaysToIt) {
  // Store buffering under RC11: all four (r1, r2) outcomes, one execution each. A finding that
  // only ends its execution (classify_findings) is an outcome too, and so has a witness.
  auto test = [] {
    mc::atomic<int> x{0}, y{0};
    int r1 = -1, r2 = -1;
    mc::thread a([&] {
      x.store(1, mc::relaxed);
      r1 = y.load(mc::relaxed);
    });
    mc::thread b([&] {
      y.store(1, mc::relaxed);
      r2 = x.load(mc::relaxed);
    });
    a.join();
    b.join();
    mc::observe("r1", r1);
    mc::observe("r2", r2);
    MC_ASSERT(r1 + r2 > 0);
  };
  for (const mc::Strategy strategy : {mc::Strategy::kExhaustive, mc::Strategy::kRandom}) {
    const mc::Report r =
        mc::check(test, {.strategy = strategy,
                         .max_executions = strategy == mc::Strategy::kRandom ? 200U : 0U,
                         .classify_findings = true});
    ASSERT_EQ(r.outcomes.size(), 4u) << r.ToString();
    ASSERT_EQ(r.outcome_tokens.size(), 4u);
    for (const auto& [outcome, token] : r.outcome_tokens) {
      ASSERT_EQ(r.outcomes.count(outcome), 1u) << outcome;
      const mc::Report again = mc::replay(test, token);
      ASSERT_TRUE(again.counterexample.has_value()) << outcome;
      EXPECT_FALSE(again.counterexample->events.empty());
      if (outcome.find("finding=") != std::string::npos) {
        // r1 = r2 = 0: the assertion, after both threads.
        EXPECT_TRUE(VerdictIs(again, mc::Verdict::kAssertionFailed)) << outcome;
        EXPECT_NE(outcome.find("r1=0 r2=0"), std::string::npos) << outcome;
      } else {
        EXPECT_TRUE(again.ok()) << again.ToString();
        EXPECT_EQ(again.executions, 1u);
        ASSERT_EQ(again.outcomes.size(), 1u);
        EXPECT_EQ(again.outcomes.begin()->first, outcome);
        EXPECT_EQ(again.outcome_tokens.at(outcome), token);
      }
    }
  }
}

void PlainMessagePassing(mc::memory_order flag_store, mc::memory_order flag_load) {
  mc::var<int> data{0};
  mc::atomic<int> flag{0};
  mc::thread writer([&] {
    data.store(42);
    flag.store(1, flag_store);
  });
  mc::thread reader([&] {
    if (flag.load(flag_load) == 1) MC_ASSERT(data.load() == 42);
  });
  writer.join();
  reader.join();
}

TEST(Findings, DataRaceNamesBothAccesses) {
  const mc::Report r = mc::check([] { PlainMessagePassing(mc::relaxed, mc::relaxed); });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kDataRace));
  const mc::TraceEvent* first = FindHighlighted(r, "write");
  const mc::TraceEvent* second = FindHighlighted(r, "read");
  ASSERT_NE(first, nullptr) << r.ToString();
  ASSERT_NE(second, nullptr) << r.ToString();
  EXPECT_EQ(first->thread, 1);
  EXPECT_EQ(second->thread, 2);
  EXPECT_NE(r.message.find("findings_test.cc:" + std::to_string(first->line)), std::string::npos);
  EXPECT_NE(r.message.find("findings_test.cc:" + std::to_string(second->line)), std::string::npos);
}

// Objects are named by their construction line; several from one line get "#2", "#3", ...;
// a named variable is called by its name, in the message and in the trace.
TEST(Findings, RacesNameTheirObjectByLineOrdinalOrName) {
  const auto racy = [](bool named) {
    return [named] {
      std::vector<std::unique_ptr<mc::var<int>>> vars;
      for (int i = 0; i < 3; ++i) {
        // `new` here, not std::make_unique: the objects' line must be this one.
        vars.emplace_back(named && i == 2 ? new mc::var<int>(0, "table.size")
                                          : new mc::var<int>(0));
      }
      mc::thread t([&] { vars[2]->store(1); });
      (void)vars[2]->load();
      t.join();
    };
  };
  const mc::Report by_line = mc::check(racy(false));
  ASSERT_TRUE(VerdictIs(by_line, mc::Verdict::kDataRace));
  EXPECT_NE(by_line.message.find("data race on var@findings_test.cc:"), std::string::npos)
      << by_line.message;
  EXPECT_NE(by_line.message.find("#3: "), std::string::npos) << by_line.message;
  const mc::Report by_name = mc::check(racy(true));
  ASSERT_TRUE(VerdictIs(by_name, mc::Verdict::kDataRace));
  EXPECT_NE(by_name.message.find("data race on var table.size: "), std::string::npos)
      << by_name.message;
  ASSERT_TRUE(by_name.counterexample.has_value());
  const mc::TraceEvent* race = FindHighlighted(by_name, "write");
  ASSERT_NE(race, nullptr) << by_name.ToString();
  EXPECT_EQ(race->location, "var table.size");
}

TEST(Findings, DataRaceFixedByReleaseAcquire) {
  const mc::Report r = mc::check([] { PlainMessagePassing(mc::release, mc::acquire); });
  EXPECT_TRUE(ExecutionsAre(r, 2));
}

TEST(Findings, UnsynchronisedPlainWritesRace) {
  const mc::Report r = mc::check([] {
    mc::var<int> counter{0};
    mc::thread a([&] { ++counter; });
    mc::thread b([&] { ++counter; });
    a.join();
    b.join();
  });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kDataRace));
}

TEST(Findings, JoinOrdersPlainAccesses) {
  // Thread a writes; the main thread reads after join: no race, one execution.
  const mc::Report r = mc::check([] {
    mc::var<int> x{0};
    mc::thread a([&] { x = 1; });
    a.join();
    MC_ASSERT(x.load() == 1);
  });
  EXPECT_TRUE(ExecutionsAre(r, 1));
}

TEST(Findings, BudgetExhaustedSaysHowFarItGot) {
  auto eight_increments = [] {
    mc::atomic<int> x{0};
    mc::thread a([&] { x.fetch_add(1, mc::relaxed); });
    mc::thread b([&] { x.fetch_add(1, mc::relaxed); });
    mc::thread c([&] { x.fetch_add(1, mc::relaxed); });
    a.join();
    b.join();
    c.join();
  };
  const mc::Report r = mc::check(eight_increments, {.max_executions = 4});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kBudgetExhausted));
  EXPECT_EQ(r.executions, 4u);
  EXPECT_FALSE(r.exhaustive);
  EXPECT_NE(r.message.find("nothing beyond them is verified"), std::string::npos);
  // The full space: 3! orders of the increments.
  EXPECT_TRUE(ExecutionsAre(mc::check(eight_increments), 6));
}

TEST(Findings, TimeBudgetStopsTheSearch) {
  const mc::Report r = mc::check(
      [] {
        mc::atomic<int> x{0};
        mc::thread a([&] {
          for (int i = 0; i < 6; ++i) x.fetch_add(1, mc::relaxed);
        });
        mc::thread b([&] {
          for (int i = 0; i < 6; ++i) x.fetch_add(1, mc::relaxed);
        });
        a.join();
        b.join();
      },
      {.max_seconds = 1e-9});
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kBudgetExhausted));
  EXPECT_NE(r.message.find("max_seconds"), std::string::npos);
}

TEST(Findings, NondeterministicTestIsReported) {
  // The test changes what it does between executions (a counter outside the checker).
  int runs = 0;
  const mc::Report r = mc::check([&] {
    mc::atomic<int> x{0};
    ++runs;
    mc::thread a([&] { x.store(runs, mc::relaxed); });
    mc::thread b([&] { (void)x.load(mc::relaxed); });
    a.join();
    b.join();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kNondeterministic));
  EXPECT_NE(r.message.find("deterministic"), std::string::npos) << r.message;
}

TEST(Findings, NondeterministicFailureIsCaughtByTheRecheck) {
  // Fails only on the first execution: the re-run from the token does not fail the same way.
  int runs = 0;
  const mc::Report r = mc::check([&] {
    ++runs;
    MC_ASSERT(runs > 1);
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kNondeterministic));
  EXPECT_NE(r.message.find("re-running the failing execution"), std::string::npos) << r.message;
}

}  // namespace
