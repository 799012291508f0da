// mc::mutex and mc::shared_mutex: mutual exclusion and synchronisation, misuse findings, and
// deadlocks (a wait-for cycle, and threads blocked forever while others finished).
#include <gtest/gtest.h>

#include <mutex>
#include <shared_mutex>
#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::ExecutionsAre;
using mc::testing::Forbidden;
using mc::testing::VerdictIs;

bool Mentions(const mc::Report& r, const std::string& text) {
  return r.message.find(text) != std::string::npos;
}

int Stops(const mc::Report& r, int thread) {
  int n = 0;
  if (!r.counterexample) return 0;
  for (const auto& e : r.counterexample->events) n += e.kind == "stop" && e.thread == thread;
  return n;
}

TEST(Mutex, ProtectsAPlainCounter) {
  // Two lock orders, and each increment reads the other's write or the initial value as the
  // order dictates: 2 executions, no race, never a lost update.
  const mc::Report r = mc::check([] {
    mc::mutex m;
    mc::var<int> counter{0};
    auto increment = [&] {
      std::lock_guard<mc::mutex> guard(m);
      counter = counter + 1;
    };
    mc::thread a(increment);
    mc::thread b(increment);
    a.join();
    b.join();
    mc::observe("counter", counter.load());
  });
  EXPECT_TRUE(ExecutionsAre(r, 2));
  EXPECT_TRUE(Forbidden(r, "counter=1"));
}

TEST(Mutex, TryLockFailsOnlyWhileHeld) {
  // b's try_lock either comes first (succeeds; a then locks after b unlocks), comes while a
  // holds the mutex (fails), or comes after a unlocked (succeeds): 3 executions.
  const mc::Report r = mc::check([] {
    mc::mutex m;
    int got = -1;
    mc::thread a([&] {
      m.lock();
      m.unlock();
    });
    mc::thread b([&] {
      got = m.try_lock() ? 1 : 0;
      if (got == 1) m.unlock();
    });
    a.join();
    b.join();
    mc::observe("got", got);
  });
  EXPECT_TRUE(ExecutionsAre(r, 3));
  EXPECT_TRUE(mc::testing::Allowed(r, "got=0"));
  EXPECT_TRUE(mc::testing::Allowed(r, "got=1"));
}

TEST(SharedMutex, ReadersAndAWriterDoNotRace) {
  // Executions = orders of the critical sections in the mutex's modification order: the two
  // reader sections interleave in 6 ways (L1U1L2U2, L2U2L1U1 and four overlapping ones); the
  // writer's section fits wherever no reader holds the lock: 3 places in each of the first two,
  // 2 (before or after both) in each overlapping one: 3 + 3 + 4 x 2 = 14. Each read's source is
  // fixed by happens-before.
  const mc::Report r = mc::check([] {
    mc::shared_mutex m;
    mc::var<int> value{0};
    auto reader = [&] {
      std::shared_lock<mc::shared_mutex> lock(m);
      (void)value.load();
    };
    mc::thread r1(reader);
    mc::thread r2(reader);
    mc::thread w([&] {
      std::unique_lock<mc::shared_mutex> lock(m);
      value = 1;
    });
    r1.join();
    r2.join();
    w.join();
  });
  EXPECT_TRUE(ExecutionsAre(r, 14));
}

TEST(SharedMutex, WritingUnderTheReadLockRaces) {
  const mc::Report r = mc::check([] {
    mc::shared_mutex m;
    mc::var<int> value{0};
    auto bad_writer = [&] {
      std::shared_lock<mc::shared_mutex> lock(m);  // the bug: shared, not exclusive
      value = value + 1;
    };
    mc::thread a(bad_writer);
    mc::thread b(bad_writer);
    a.join();
    b.join();
  });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kDataRace));
}

TEST(Deadlock, TwoThreadsLockingInOppositeOrders) {
  const mc::Report r = mc::check([] {
    mc::mutex a, b;
    mc::thread t1([&] {
      std::lock_guard<mc::mutex> first(a);
      std::lock_guard<mc::mutex> second(b);
    });
    mc::thread t2([&] {
      std::lock_guard<mc::mutex> first(b);
      std::lock_guard<mc::mutex> second(a);
    });
    t1.join();
    t2.join();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kDeadlock));
  EXPECT_TRUE(Mentions(r, "wait-for cycle")) << r.message;
  EXPECT_TRUE(Mentions(r, "thread 1 waits")) << r.message;
  EXPECT_TRUE(Mentions(r, "held by thread 2")) << r.message;
  EXPECT_TRUE(Mentions(r, "thread 2 waits")) << r.message;
  EXPECT_TRUE(Mentions(r, "held by thread 1")) << r.message;
  EXPECT_EQ(Stops(r, 1), 1);
  EXPECT_EQ(Stops(r, 2), 1);
}

TEST(Deadlock, ThreeThreadCycle) {
  const mc::Report r = mc::check([] {
    mc::mutex m0, m1, m2;
    auto worker = [](mc::mutex& first, mc::mutex& second) {
      return [&first, &second] {
        std::lock_guard<mc::mutex> g1(first);
        std::lock_guard<mc::mutex> g2(second);
      };
    };
    mc::thread t1(worker(m0, m1));
    mc::thread t2(worker(m1, m2));
    mc::thread t3(worker(m2, m0));
    t1.join();
    t2.join();
    t3.join();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kDeadlock));
  EXPECT_TRUE(Mentions(r, "wait-for cycle")) << r.message;
  for (int t = 1; t <= 3; ++t) {
    EXPECT_TRUE(Mentions(r, "thread " + std::to_string(t) + " waits")) << r.message;
    EXPECT_EQ(Stops(r, t), 1) << "thread " << t;
  }
}

TEST(Deadlock, PartialDeadlockWhenAHolderFinishes) {
  // Thread 1 returns still holding the mutex: thread 2 waits for it forever, and the test's
  // main thread waits forever to join thread 2. No cycle: a blocked set.
  const mc::Report r = mc::check([] {
    mc::mutex m;
    mc::thread t1([&] { m.lock(); });
    t1.join();
    mc::thread t2([&] { m.lock(); });
    t2.join();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kDeadlock));
  EXPECT_TRUE(Mentions(r, "blocked forever")) << r.message;
  EXPECT_TRUE(Mentions(r, "thread 0 waits")) << r.message;
  EXPECT_TRUE(Mentions(r, "thread 2 waits")) << r.message;
  EXPECT_TRUE(Mentions(r, "held by thread 1")) << r.message;
  EXPECT_EQ(Stops(r, 0), 1);
  EXPECT_EQ(Stops(r, 2), 1);
}

TEST(Deadlock, ConsistentLockOrderIsFine) {
  const mc::Report r = mc::check([] {
    mc::mutex a, b;
    auto both = [&] {
      std::scoped_lock<mc::mutex> first(a);
      std::lock_guard<mc::mutex> second(b);
    };
    mc::thread t1(both);
    mc::thread t2(both);
    t1.join();
    t2.join();
  });
  EXPECT_TRUE(ExecutionsAre(r, 2));  // which thread takes a first
}

TEST(MutexMisuse, UnlockOfAnUnlockedMutex) {
  const mc::Report r = mc::check([] {
    mc::mutex m;
    m.unlock();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "it is not locked")) << r.message;
  EXPECT_TRUE(Mentions(r, "mutex_test.cc:" + std::to_string(__LINE__ - 5))) << r.message;
}

TEST(MutexMisuse, UnlockByAThreadThatDoesNotOwnIt) {
  const mc::Report r = mc::check([] {
    mc::mutex m;
    m.lock();
    mc::thread t([&] { m.unlock(); });
    t.join();
    m.unlock();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "held by thread 0")) << r.message;
}

TEST(MutexMisuse, RecursiveLock) {
  const mc::Report r = mc::check([] {
    mc::mutex m;
    m.lock();
    m.lock();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "already holds")) << r.message;
}

TEST(MutexMisuse, DestroyingALockedMutex) {
  const mc::Report r = mc::check([] {
    auto m = std::make_unique<mc::mutex>();
    m->lock();
    m.reset();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "destroyed while thread 0 holds it")) << r.message;
}

}  // namespace
