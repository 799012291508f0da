// Spin loops marked with mc::yield(): an iteration that observes nothing new is not explored
// again, so a spin loop has a fixed cost whatever its bound, and one that can never make
// progress is a livelock.
#include <gtest/gtest.h>

#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::ExecutionsAre;
using mc::testing::Forbidden;
using mc::testing::VerdictIs;

// Message passing with a spinning reader; bound < 0 spins without bound.
void SpinningMessagePassing(int bound) {
  mc::var<int> data{0};
  mc::atomic<int> flag{0};
  mc::thread writer([&] {
    data.store(42);
    flag.store(1, mc::release);
  });
  mc::thread reader([&] {
    for (int i = 0; bound < 0 || i < bound; ++i) {
      if (flag.load(mc::acquire) == 1) {
        MC_ASSERT(data.load() == 42);
        break;
      }
      mc::yield();
    }
  });
  writer.join();
  reader.join();
}

TEST(Spin, MessagePassingCountDoesNotGrowWithTheLoopBound) {
  // The reader sees the flag in its first iteration, or in its second after seeing 0 once: 2
  // executions. Seeing 0 twice observes nothing new: that execution is blocked (1), whatever the
  // bound (from 2 on; with no bound at all too).
  for (int bound : {2, 3, 10, 100, -1}) {
    const mc::Report r = mc::check([bound] { SpinningMessagePassing(bound); });
    EXPECT_TRUE(ExecutionsAre(r, 2)) << "bound " << bound;
    EXPECT_EQ(r.blocked, 1u) << "bound " << bound;
    EXPECT_EQ(r.runs, 3u) << "bound " << bound;  // the optimal search: one run per graph
  }
}

TEST(Spin, LoopThatCanNeverProgressIsALivelock) {
  const mc::Report r = mc::check([] {
    mc::atomic<int> flag{0};
    mc::thread waiter([&] {
      while (flag.load(mc::acquire) == 0) mc::yield();
    });
    waiter.join();  // nobody ever sets the flag
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kLivelock));
  EXPECT_NE(r.message.find("thread 1 spins at spin_test.cc:" + std::to_string(__LINE__ - 5)),
            std::string::npos)
      << r.message;
  ASSERT_TRUE(r.counterexample.has_value());
  int stops = 0;
  for (const auto& e : r.counterexample->events) stops += e.kind == "stop";
  EXPECT_EQ(stops, 2);  // the spinner, and the main thread waiting to join it
}

// Two threads increment a plain counter under a test-and-test-and-set spinlock: spin reading
// until free, then take it with an exchange of the given order.
mc::Report SpinlockedIncrements(mc::memory_order take) {
  return mc::check([take] {
    mc::atomic<int> lock{0};
    mc::var<int> counter{0};
    auto critical = [&] {
      for (;;) {
        while (lock.load(mc::relaxed) != 0) mc::yield();
        if (lock.exchange(1, take) == 0) break;
      }
      counter = counter + 1;
      lock.store(0, mc::release);
    };
    mc::thread a(critical);
    mc::thread b(critical);
    a.join();
    b.join();
    mc::observe("counter", counter.load());
  });
}

TEST(Spin, TestAndTestAndSetLockProtectsACounter) {
  const mc::Report r = SpinlockedIncrements(mc::acquire);
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kOk));
  EXPECT_TRUE(r.exhaustive);
  EXPECT_TRUE(Forbidden(r, "counter=1"));
  EXPECT_GT(r.blocked, 0u);  // spinning that saw nothing new was cut short
}

TEST(Spin, BrokenLockWithoutAcquireRaces) {
  // The bug: the exchange that takes the lock is relaxed, so nothing orders the critical sections.
  EXPECT_TRUE(VerdictIs(SpinlockedIncrements(mc::relaxed), mc::Verdict::kDataRace));
}

}  // namespace
