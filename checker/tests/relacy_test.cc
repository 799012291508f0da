// Three tests written in Relacy's style (rl::test_suite, rl::atomic, rl::var with `$`,
// rl::simulate and its expected-result parameter), run through mc/relacy.h on the exact engine:
// Peterson's lock with seq_cst vs relaxed orders, a single-producer single-consumer ring buffer
// with release vs relaxed publication, and a Chase-Lev work-stealing deque (Lê et al., PPoPP
// 2013) with and without the seq_cst fence in take(). Each suite states its expected result as
// Relacy does; each test also asserts the search was exhaustive (or found the expected bug).
#include "mc/relacy.h"

#include <gtest/gtest.h>

#include <sstream>

namespace {

// Runs suite T exhaustively; true when its result is the expected one. The line simulate
// writes goes to the test log.
template <class T>
rl::test_params Simulate() {
  std::ostringstream out;
  rl::test_params p;
  p.output_stream = &out;
  const bool as_expected = rl::simulate<T>(p);
  EXPECT_TRUE(as_expected) << out.str();
  std::printf("%s", out.str().c_str());
  return p;
}

// ---------------------------------------------------------------------------------------------
// Peterson's lock. With seq_cst it excludes; with relaxed (or release/acquire) orders both
// threads can read the other's flag as 0 (store buffering) and enter together: a data race on
// the protected variable.

template <rl::memory_order Order>
struct peterson_test : rl::test_suite<peterson_test<Order>, 2,
                                      Order == rl::mo_seq_cst ? rl::test_result_success
                                                              : rl::test_result_data_race> {
  rl::atomic<int> flag0, flag1, turn;
  rl::var<int> data;

  void before() {
    flag0($) = 0;
    flag1($) = 0;
    turn($) = 0;
    data($) = 0;
  }
  void thread(unsigned index) {
    rl::atomic<int>& mine = index == 0 ? flag0 : flag1;
    rl::atomic<int>& theirs = index == 0 ? flag1 : flag0;
    const int other = index == 0 ? 1 : 0;
    mine.store(1, Order, $);
    turn.store(other, Order, $);
    while (theirs.load(Order, $) == 1 && turn.load(Order, $) == other) rl::yield(1, $);
    data($) = data($) + 1;  // the critical section
    mine.store(0, Order, $);
  }
  void after() { RL_ASSERT(data($) == 2); }
};

TEST(RelacyStyle, PetersonWithSeqCstExcludes) {
  const rl::test_params p = Simulate<peterson_test<rl::mo_seq_cst>>();
  EXPECT_TRUE(p.report.exhaustive);
  EXPECT_GT(p.stop_iteration, 0U);
}

TEST(RelacyStyle, PetersonWithRelaxedOrdersRaces) { Simulate<peterson_test<rl::mo_relaxed>>(); }

TEST(RelacyStyle, PetersonWithReleaseAcquireStillRaces) {
  // Release stores and acquire loads do not forbid store buffering either (flags as an array,
  // the other common spelling).
  rl::test_params p;
  std::ostringstream out;
  p.output_stream = &out;
  struct suite : rl::test_suite<suite, 2, rl::test_result_data_race> {
    rl::atomic<int> flag[2], turn;
    rl::var<int> data;
    void before() { data($) = 0; }
    void thread(unsigned index) {
      const int other = 1 - static_cast<int>(index);
      flag[index].store(1, rl::mo_release, $);
      turn.store(other, rl::mo_release, $);
      while (flag[other].load(rl::mo_acquire, $) == 1 && turn.load(rl::mo_acquire, $) == other) {
        rl::yield(1, $);
      }
      data($) = data($) + 1;
      flag[index].store(0, rl::mo_release, $);
    }
  };
  EXPECT_TRUE(rl::simulate<suite>(p)) << out.str();
}

// ---------------------------------------------------------------------------------------------
// A single-producer single-consumer ring buffer of capacity 2 carrying 1, 2, 3. The producer
// publishes a slot by storing tail with `Publish`; with release the consumer's acquire load of
// tail orders the slot's write before its read, with relaxed it does not: a data race.

template <rl::memory_order Publish>
struct spsc_test : rl::test_suite<spsc_test<Publish>, 2,
                                  Publish == rl::mo_release ? rl::test_result_success
                                                            : rl::test_result_data_race> {
  static constexpr unsigned kCapacity = 2;
  rl::atomic<unsigned> head, tail;  // next slot to read (consumer), to write (producer)
  rl::var<int> slots[kCapacity];

  void before() {
    head($) = 0;
    tail($) = 0;
  }
  bool push(int value) {
    const unsigned t = tail.load(rl::mo_relaxed, $);
    if (t - head.load(rl::mo_acquire, $) == kCapacity) return false;  // full
    slots[t % kCapacity]($) = value;
    tail.store(t + 1, Publish, $);
    return true;
  }
  bool pop(int& value) {
    const unsigned h = head.load(rl::mo_relaxed, $);
    if (tail.load(rl::mo_acquire, $) == h) return false;  // empty
    value = slots[h % kCapacity]($);
    head.store(h + 1, rl::mo_release, $);
    return true;
  }
  void thread(unsigned index) {
    for (int i = 1; i <= 3; ++i) {
      if (index == 0) {
        while (!push(i)) rl::yield(1, $);
      } else {
        int value = 0;
        while (!pop(value)) rl::yield(1, $);
        RL_ASSERT(value == i);
      }
    }
  }
};

TEST(RelacyStyle, SpscRingBufferWithReleasePublication) {
  const rl::test_params p = Simulate<spsc_test<rl::mo_release>>();
  EXPECT_TRUE(p.report.exhaustive);
}

TEST(RelacyStyle, SpscRingBufferWithRelaxedPublicationRaces) {
  Simulate<spsc_test<rl::mo_relaxed>>();
}

// ---------------------------------------------------------------------------------------------
// The Chase-Lev work-stealing deque in the C11 formulation of Lê, Pop, Cohen and Zappa Nardelli
// (fixed capacity, no resizing). The owner pushes 1 and 2 and takes once; a thief steals twice.
// Every item must be taken at most once. Without the seq_cst fence in take(), the owner's
// bottom store and top load and the thief's top and bottom loads form store buffering: the thief
// steals item 1, the owner reads a stale top and takes item 2 without a CAS, and the thief's
// second steal reads a stale bottom and takes item 2 again.

template <bool TakeFence>
struct deque_test
    : rl::test_suite<deque_test<TakeFence>, 2,
                     TakeFence ? rl::test_result_success : rl::test_result_user_assert_failed> {
  static constexpr long kCapacity = 4;
  static constexpr int kEmpty = -1;
  rl::atomic<long> top, bottom;
  rl::atomic<int> buffer[kCapacity];
  rl::atomic<int> taken[3];  // taken[i]: how often item i was taken

  void before() {
    top($) = 0;
    bottom($) = 0;
    for (auto& t : taken) t($) = 0;
  }
  void push(int item) {
    const long b = bottom.load(rl::mo_relaxed, $);
    buffer[b % kCapacity].store(item, rl::mo_relaxed, $);
    rl::atomic_thread_fence(rl::mo_release, $);
    bottom.store(b + 1, rl::mo_relaxed, $);
  }
  int take() {
    const long b = bottom.load(rl::mo_relaxed, $) - 1;
    bottom.store(b, rl::mo_relaxed, $);
    if (TakeFence) rl::atomic_thread_fence(rl::mo_seq_cst, $);
    long t = top.load(rl::mo_relaxed, $);
    int item = kEmpty;
    if (t <= b) {
      item = buffer[b % kCapacity].load(rl::mo_relaxed, $);
      if (t == b) {  // the last item: race the thieves for it
        if (!top.compare_exchange_strong(t, t + 1, rl::mo_seq_cst, $)) item = kEmpty;
        bottom.store(b + 1, rl::mo_relaxed, $);
      }
    } else {
      bottom.store(b + 1, rl::mo_relaxed, $);
    }
    return item;
  }
  int steal() {
    long t = top.load(rl::mo_acquire, $);
    rl::atomic_thread_fence(rl::mo_seq_cst, $);
    const long b = bottom.load(rl::mo_acquire, $);
    if (t >= b) return kEmpty;
    const int item = buffer[t % kCapacity].load(rl::mo_relaxed, $);
    if (!top.compare_exchange_strong(t, t + 1, rl::mo_seq_cst, $)) return kEmpty;  // lost
    return item;
  }
  void record(int item) {
    if (item != kEmpty) RL_ASSERT(taken[item].fetch_add(1, rl::mo_relaxed, $) == 0);
  }
  void thread(unsigned index) {
    if (index == 0) {
      push(1);
      push(2);
      record(take());
    } else {
      record(steal());
      record(steal());
    }
  }
};

TEST(RelacyStyle, ChaseLevDequeWithTheFenceTakesEachItemOnce) {
  const rl::test_params p = Simulate<deque_test<true>>();
  EXPECT_TRUE(p.report.exhaustive);
}

TEST(RelacyStyle, ChaseLevDequeWithoutTheFenceTakesAnItemTwice) {
  const rl::test_params p = Simulate<deque_test<false>>();
  EXPECT_NE(p.report.message.find("MC_ASSERT"), std::string::npos) << p.report.message;
}

// ---------------------------------------------------------------------------------------------
// The header's mapping itself.

struct unlock_unowned
    : rl::test_suite<unlock_unowned, 1, rl::test_result_unlocking_mutex_wo_ownership> {
  rl::mutex m;
  void thread(unsigned) { m.unlock($); }
};

struct invariant_fails : rl::test_suite<invariant_fails, 1, rl::test_result_user_invariant_failed> {
  rl::var<int> x;
  void before() { x($) = 0; }
  void thread(unsigned) { VAR(x) = 1; }
  void invariant() { RL_ASSERT(VAR(x) == 0); }
};

TEST(RelacyHeader, MapsFindingsOntoTestResults) {
  Simulate<unlock_unowned>();
  Simulate<invariant_fails>();
}

TEST(RelacyHeader, SearchTypesMapOntoStrategies) {
  rl::test_params bounded;
  std::ostringstream out;
  bounded.output_stream = &out;
  bounded.search_type = rl::sched_bound;
  bounded.context_bound = 0;
  // Relaxed Peterson races even with no preemption (store buffering needs none).
  EXPECT_TRUE(rl::simulate<peterson_test<rl::mo_relaxed>>(bounded)) << out.str();
  rl::test_params random;
  random.output_stream = &out;
  random.search_type = rl::sched_random;
  random.iteration_count = 200;
  EXPECT_TRUE(rl::simulate<spsc_test<rl::mo_release>>(random)) << out.str();
  EXPECT_FALSE(random.report.exhaustive);
  EXPECT_EQ(random.report.runs, 200U);
}

}  // namespace
