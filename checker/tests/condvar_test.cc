// mc::condition_variable: notification, spurious wake-ups, notify_one's choice of waiter, lost
// wake-ups reported as deadlocks, and misuse.
#include <gtest/gtest.h>

#include <mutex>
#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::Allowed;
using mc::testing::ExecutionsAre;
using mc::testing::VerdictIs;

bool Mentions(const mc::Report& r, const std::string& text) {
  return r.message.find(text) != std::string::npos;
}

// A consumer waits for `ready` under the mutex; the producer sets it under the mutex and
// notifies (after unlocking). The consumer waits in a loop and asserts what it finds, or waits
// once (`in_a_loop` false) and observes it.
void HandoffWaiting(bool in_a_loop) {
  mc::mutex m;
  mc::condition_variable cv;
  mc::var<int> ready{0};
  mc::thread consumer([&] {
    std::unique_lock<mc::mutex> lock(m);
    if (in_a_loop) {
      while (ready == 0) cv.wait(lock);
      MC_ASSERT(ready == 1);
    } else {
      if (ready == 0) cv.wait(lock);
      mc::observe("ready", ready);
    }
  });
  mc::thread producer([&] {
    {
      std::lock_guard<mc::mutex> guard(m);
      ready = 1;
    }
    cv.notify_one();
  });
  consumer.join();
  producer.join();
}
void Handoff() { HandoffWaiting(true); }
void WaitOnce() { HandoffWaiting(false); }

TEST(Condvar, HandoffWithoutSpuriousWakeUps) {
  // Who locks first decides everything. Producer first: the consumer finds ready=1 and never
  // waits; the notify touches only the condvar, which the consumer never does, so its place
  // makes no other graph: 1 execution. Consumer first: it reads 0 and waits (releasing the
  // mutex), the producer locks, sets, unlocks and notifies the registered consumer, which wakes,
  // re-locks and reads 1: 1 execution. Total 2.
  const mc::Report r = mc::check(Handoff, {.spurious_wakeups = false});
  EXPECT_TRUE(ExecutionsAre(r, 2));
  EXPECT_EQ(r.runs, 2U);  // the optimal search: one run per graph
}

TEST(Condvar, HandoffWithSpuriousWakeUps) {
  // As above, plus, when the consumer waits first, a spurious wake-up before the notify: the
  // consumer re-locks after the producer's unlock, reads 1 and leaves, and the notify finds no
  // waiter (the condvar's mo: wait, spurious wake, empty notify): 3 executions. A spurious
  // wake-up that re-locks before the producer reads 0 again, and its next wait observes nothing
  // new: not explored further (counted blocked, once). The spurious wake-up can only read the
  // state its own wait left (the notify comes after it, or it would be a notified wake), so
  // these are all: 3 executions, 1 blocked, in 4 runs.
  const mc::Report r = mc::check(Handoff);
  EXPECT_TRUE(ExecutionsAre(r, 3));
  EXPECT_EQ(r.blocked, 1U);
  EXPECT_EQ(r.runs, 4U);
  // The canonical-order search takes a spurious wake-up only while another thread can move;
  // nothing deadlocks here, so it finds the same graphs.
  const mc::Report canonical = mc::check(Handoff, {.optimal_search = false});
  EXPECT_TRUE(ExecutionsAre(canonical, 3));
  EXPECT_EQ(canonical.blocked, 1U);
}

TEST(Condvar, WithoutALoopAWaitCanReturnSpuriously) {
  // Producer first: the consumer reads 1 and never waits (1). Consumer first: it waits; the
  // notify wakes it and it reads 1 (1); or it wakes spuriously before the notify (which then
  // finds nobody) and re-locks before the producer's lock, reading 0, or after its unlock,
  // reading 1 (2). 4 executions, one of them ready=0. Without spurious wake-ups, 2, both 1.
  const mc::Report r = mc::check(WaitOnce);
  EXPECT_TRUE(ExecutionsAre(r, 4));
  EXPECT_EQ(r.outcomes.at("ready=0"), 1U);
  EXPECT_EQ(r.runs, 4U);
  const mc::Report never = mc::check(WaitOnce, {.spurious_wakeups = false});
  EXPECT_TRUE(ExecutionsAre(never, 2));
  EXPECT_FALSE(Allowed(never, "ready=0"));
}

TEST(Condvar, LostWakeUpIsADeadlock) {
  // The producer sets the flag without the mutex: between the consumer's check and its wait the
  // flag is set and the notify finds nobody. The consumer then waits forever (only a spurious
  // wake-up could save it), which is reported as a deadlock naming the wait.
  const mc::Report r = mc::check([] {
    mc::mutex m;
    mc::condition_variable cv;
    mc::atomic<int> ready{0};
    mc::thread consumer([&] {
      std::unique_lock<mc::mutex> lock(m);
      while (ready.load() == 0) cv.wait(lock);
    });
    mc::thread producer([&] {
      ready.store(1);
      cv.notify_one();
    });
    consumer.join();
    producer.join();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kDeadlock));
  EXPECT_TRUE(Mentions(r, "condition_variable::wait")) << r.message;
  EXPECT_TRUE(Mentions(r, "condvar_test.cc")) << r.message;
  ASSERT_TRUE(r.counterexample.has_value());
  bool consumer_blocked = false;
  for (const auto& e : r.counterexample->events) {
    consumer_blocked = consumer_blocked || (e.kind == "stop" && e.thread == 1);
  }
  EXPECT_TRUE(consumer_blocked);
}

// Two waiters for one event; the producer wakes one (notify_one) or both (notify_all).
void TwoWaiters(bool notify_all) {
  mc::mutex m;
  mc::condition_variable cv;
  mc::var<int> ready{0};
  auto waiter = [&] {
    std::unique_lock<mc::mutex> lock(m);
    cv.wait(lock, [&] { return ready == 1; });
  };
  mc::thread a(waiter);
  mc::thread b(waiter);
  mc::thread producer([&] {
    {
      std::lock_guard<mc::mutex> guard(m);
      ready = 1;
    }
    if (notify_all) {
      cv.notify_all();
    } else {
      cv.notify_one();
    }
  });
  a.join();
  b.join();
  producer.join();
}

TEST(Condvar, NotifyOneWhereAllAreWaitingLeavesOneBlocked) {
  // When both waiters registered before the notify, notify_one wakes one of them (both choices
  // are explored) and the other waits forever.
  const mc::Report r = mc::check([] { TwoWaiters(false); }, {.spurious_wakeups = false});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kDeadlock));
  EXPECT_TRUE(Mentions(r, "not notified")) << r.message;
}

TEST(Condvar, NotifyAllWakesEveryWaiter) {
  const mc::Report r = mc::check([] { TwoWaiters(true); });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kOk));
  EXPECT_EQ(r.runs, r.executions + r.blocked);
}

TEST(Condvar, NotifyOneChoosesEachWaiter) {
  // Both waiters registered, then one notify_one: which one wakes first is a choice, and each
  // is explored. The woken one records itself; the other is woken by a second notify.
  const mc::Report r = mc::check(
      [] {
        mc::mutex m;
        mc::condition_variable cv;
        mc::var<int> waiting{0};
        mc::var<int> first{0};
        auto waiter = [&](int id) {
          std::unique_lock<mc::mutex> lock(m);
          waiting = waiting + 1;
          cv.wait(lock);
          if (first == 0) first = id;
        };
        mc::thread a([&] { waiter(1); });
        mc::thread b([&] { waiter(2); });
        mc::thread producer([&] {
          std::unique_lock<mc::mutex> lock(m);
          mc::assume(waiting == 2);  // both are waiting
          lock.unlock();
          cv.notify_one();
          cv.notify_one();
        });
        a.join();
        b.join();
        producer.join();
        mc::observe("first", first);
      },
      {.spurious_wakeups = false});
  EXPECT_TRUE(Allowed(r, "first=1"));
  EXPECT_TRUE(Allowed(r, "first=2"));
}

TEST(Condvar, WaitWithoutHoldingTheMutexIsAUsageError) {
  const mc::Report r = mc::check([] {
    mc::mutex m;
    mc::condition_variable cv;
    std::unique_lock<mc::mutex> lock(m, std::defer_lock);
    cv.wait(lock);
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "unique_lock that holds its mutex")) << r.message;
}

}  // namespace
