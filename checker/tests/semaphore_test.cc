// mc::counting_semaphore: a release synchronises with the acquire that takes its permit, an
// acquire waits (no spinning) until a permit is there, a wait no release can end is a deadlock,
// and the optimal search explores semaphores with one run per execution. Counts derived below.
#include <gtest/gtest.h>

#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::ExecutionsAre;
using mc::testing::Forbidden;
using mc::testing::VerdictIs;

TEST(Semaphore, AReleaseHandsItsWritesToTheAcquirer) {
  // b's acquire can only read the count after a's release (the initial 0 has no permit), so a's
  // relaxed store happens before b's load: one execution, in which b reads 1, under both models.
  for (const mc::Model model : mc::testing::AllModels()) {
    const mc::Report r = mc::check(
        [] {
          mc::counting_semaphore<> s(0);
          mc::atomic<int> x{0};
          int seen = -1;
          mc::thread a([&] {
            x.store(1, mc::relaxed);
            s.release();
          });
          mc::thread b([&] {
            s.acquire();
            seen = x.load(mc::relaxed);
          });
          a.join();
          b.join();
          mc::observe("seen", seen);
        },
        {.model = model});
    EXPECT_TRUE(ExecutionsAre(r, 1)) << mc::ModelName(model);
    EXPECT_TRUE(Forbidden(r, "seen=0")) << mc::ModelName(model);
    EXPECT_EQ(r.runs, 1u) << mc::ModelName(model);
  }
}

TEST(Semaphore, PermitsGoToTheAcquirersInEitherOrder) {
  // release(2) then two acquirers: the count's modification order is 0, 2, then the two
  // acquires in either order (each takes the latest count): 2 executions, one run each, as the
  // canonical-order search finds too.
  const auto body = [] {
    mc::counting_semaphore<> s(0);
    int first = -1;
    mc::atomic<int> order{0};
    mc::thread r([&] { s.release(2); });
    mc::thread a([&] {
      s.acquire();
      if (order.fetch_add(1, mc::relaxed) == 0) first = 1;
    });
    mc::thread b([&] {
      s.acquire();
      if (order.fetch_add(1, mc::relaxed) == 0) first = 2;
    });
    r.join();
    a.join();
    b.join();
    mc::observe("first", first);
  };
  const mc::Report optimal = mc::check(body);
  const mc::Report canonical = mc::check(body, {.optimal_search = false});
  // The acquires and the fetch_adds each come in two orders, independently: 4 executions.
  EXPECT_TRUE(ExecutionsAre(optimal, 4));
  EXPECT_EQ(optimal.runs, optimal.executions);
  EXPECT_EQ(optimal.outcomes, canonical.outcomes);
  EXPECT_EQ(optimal.executions, canonical.executions);
}

TEST(Semaphore, AnAcquireNoReleaseCanEndIsADeadlock) {
  // One permit, two acquirers: whichever acquires second waits forever.
  const mc::Report r = mc::check([] {
    mc::counting_semaphore<> s(0);
    mc::thread releaser([&] { s.release(); });
    mc::thread a([&] { s.acquire(); });
    mc::thread b([&] { s.acquire(); });
    releaser.join();
    a.join();
    b.join();
  });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kDeadlock));
  EXPECT_NE(r.message.find("acquire() of the counting_semaphore constructed at"), std::string::npos)
      << r.message;
  EXPECT_NE(r.message.find("no permit left"), std::string::npos) << r.message;
}

TEST(Semaphore, ABinarySemaphoreIsALock) {
  // Starting at 1, acquire ... release around a plain increment: mutual exclusion, so no race
  // and no lost update, in 2 executions (the two orders of the critical sections).
  const mc::Report r = mc::check([] {
    mc::binary_semaphore s(1);
    mc::var<int> counter{0};
    auto increment = [&] {
      s.acquire();
      counter = counter + 1;
      s.release();
    };
    mc::thread a(increment);
    mc::thread b(increment);
    a.join();
    b.join();
    mc::observe("counter", counter.load());
  });
  EXPECT_TRUE(ExecutionsAre(r, 2));
  EXPECT_TRUE(Forbidden(r, "counter=1"));
  EXPECT_EQ(r.runs, 2u);
}

}  // namespace
