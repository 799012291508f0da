// Strategy::kStatefulTSO: the runs of the x86-TSO machine (store_buffers.h), with states merged
// as the stateful SC search merges them. Here: the shapes whose verdicts the machine's store
// buffers decide, counted by hand; its tokens. stateful_test.cc holds it to the search of TSO
// graphs on random programs, and conformance_test.cc on every conformance file.
#include <gtest/gtest.h>

#include <string>

#include "execution.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "replay_token.h"

namespace mc::testing {
namespace {

const Options kStatefulTso{.model = Model::kTSO, .strategy = Strategy::kStatefulTSO};
const Options kStatefulSc{.model = Model::kSC, .strategy = Strategy::kStatefulSC};

TEST(StatefulTSO, NeedsTheTSOModel) {
  const Report r = mc::check([] {}, {.model = Model::kSC, .strategy = Strategy::kStatefulTSO});
  EXPECT_TRUE(VerdictIs(r, Verdict::kUsageError));
  EXPECT_NE(r.message.find("Model::kTSO"), std::string::npos) << r.message;
}

// Store buffering: each thread stores to its own location, then loads the other's. `fenced`
// puts an mfence (a seq_cst fence) between; `xchg` makes the stores seq_cst (XCHG, locked).
std::function<void()> StoreBuffering(bool fenced, bool xchg) {
  return [fenced, xchg] {
    mc::atomic<int> x{0}, y{0};
    int r0 = -1, r1 = -1;
    const memory_order store = xchg ? seq_cst : relaxed;
    mc::thread t1([&] {
      x.store(1, store);
      if (fenced) mc::fence(seq_cst);
      r0 = y.load(relaxed);
    });
    mc::thread t2([&] {
      y.store(1, store);
      if (fenced) mc::fence(seq_cst);
      r1 = x.load(relaxed);
    });
    t1.join();
    t2.join();
    mc::observe("r0", r0);
    mc::observe("r1", r1);
  };
}

TEST(StatefulTSO, LetsALoadPassABufferedStoreUnlessAFenceOrALockedStoreComesBetween) {
  // Both loads may run while both stores wait in their buffers: r0 = r1 = 0, x86's one
  // reordering. Four behaviours (each pair of values once; memory ends x = y = 1 in all), the
  // four TSO graphs of docs/conformance.md's SB. An mfence, or XCHG for the store, drains the
  // buffer before the load: three, as under SC.
  const Report plain = mc::check(StoreBuffering(false, false), kStatefulTso);
  EXPECT_TRUE(ExecutionsAre(plain, 4));
  EXPECT_EQ(plain.outcomes.count("r0=0 r1=0"), 1U) << plain.ToString();
  for (const bool xchg : {false, true}) {
    const Report ordered = mc::check(StoreBuffering(!xchg, xchg), kStatefulTso);
    EXPECT_TRUE(ExecutionsAre(ordered, 3)) << (xchg ? "xchg" : "mfence");
    EXPECT_EQ(ordered.outcomes.count("r0=0 r1=0"), 0U) << ordered.ToString();
  }
}

TEST(StatefulTSO, AThreadReadsItsOwnBufferedStoreBeforeOthersCan) {
  // Each thread stores, reads its own location back (from its buffer), then the other's. Both
  // may see their own store and miss the other's: a = c = 1, b = d = 0, which SC forbids (the
  // two stores would both have to come after both later loads).
  const auto body = [] {
    mc::atomic<int> x{0}, y{0};
    int a = -1, b = -1, c = -1, d = -1;
    mc::thread t1([&] {
      x.store(1, relaxed);
      a = x.load(relaxed);
      b = y.load(relaxed);
    });
    mc::thread t2([&] {
      y.store(1, relaxed);
      c = y.load(relaxed);
      d = x.load(relaxed);
    });
    t1.join();
    t2.join();
    mc::observe("a", a);
    mc::observe("b", b);
    mc::observe("c", c);
    mc::observe("d", d);
  };
  const char* forwarded = "a=1 b=0 c=1 d=0";
  const Report tso = mc::check(body, kStatefulTso);
  ASSERT_TRUE(tso.ok() && tso.exhaustive) << tso.ToString();
  EXPECT_EQ(tso.outcomes.count(forwarded), 1U) << tso.ToString();
  // A thread never misses its own store: a = c = 1 in every behaviour, under both searches.
  for (const auto& [outcome, n] : tso.outcomes) {
    EXPECT_EQ(outcome.rfind("a=1 ", 0), 0U) << outcome;
    EXPECT_NE(outcome.find(" c=1 "), std::string::npos) << outcome;
  }
  EXPECT_TRUE(ExecutionsAre(tso, 4));  // b and d: either value each
  const Report sc = mc::check(body, kStatefulSc);
  EXPECT_TRUE(ExecutionsAre(sc, 3));
  EXPECT_EQ(sc.outcomes.count(forwarded), 0U) << sc.ToString();
}

TEST(StatefulTSO, ItsTokensReplayTheirExecution) {
  const auto body = [] {
    mc::atomic<int> x{0}, y{0};
    int r0 = -1, r1 = -1;
    mc::thread t1([&] {
      x.store(1, relaxed);
      r0 = y.load(relaxed);
    });
    mc::thread t2([&] {
      y.store(1, relaxed);
      r1 = x.load(relaxed);
    });
    t1.join();
    t2.join();
    MC_ASSERT(r0 == 1 || r1 == 1);
  };
  EXPECT_TRUE(mc::check(body, kStatefulSc).ok());
  const Report r = mc::check(body, kStatefulTso);
  ASSERT_TRUE(VerdictIs(r, Verdict::kAssertionFailed));
  EXPECT_TRUE(r.replay_token.starts_with("mc1-tsoi-")) << r.replay_token;
  for (Strategy as : {Strategy::kExhaustive, Strategy::kStatefulTSO}) {
    const Report again = mc::replay(body, r.replay_token, {.strategy = as});
    EXPECT_TRUE(VerdictIs(again, Verdict::kAssertionFailed));
    EXPECT_EQ(again.message, r.message);
    ASSERT_TRUE(again.counterexample.has_value());
    EXPECT_EQ(again.counterexample->ToString(), r.counterexample->ToString());
  }
  // The witness flushes stores (the machine's own steps); a flush asked of a thread with an
  // empty buffer (the main thread, at the start) names no run of the machine.
  std::string error;
  const auto token = internal::DecodeToken(r.replay_token, error);
  ASSERT_TRUE(token.has_value()) << error;
  int flushes = 0;
  for (const internal::TokenStep& s : token->steps) {
    flushes += s.choice == internal::kFlushChoice ? 1 : 0;
  }
  EXPECT_EQ(flushes, 2);  // both stores reach memory after both loads, before the joins
  internal::ReplayToken bad = *token;
  bad.steps.insert(bad.steps.begin(), internal::TokenStep{0, internal::kFlushChoice});
  EXPECT_TRUE(VerdictIs(mc::replay(body, internal::EncodeToken(bad)), Verdict::kUsageError));
}

}  // namespace
}  // namespace mc::testing
