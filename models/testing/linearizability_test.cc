// The linearizability checker itself: histories that are and are not linearizable.
#include "models/testing/linearizability.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace models::testing {
namespace {

Operation Op(int thread, OpKind kind, int64_t key, uint64_t call, uint64_t ret) {
  Operation op;
  op.thread = thread;
  op.kind = kind;
  op.key = key;
  op.call = call;
  op.ret = ret;
  return op;
}
Operation Store(int t, int64_t k, int64_t v, uint64_t call, uint64_t ret) {
  Operation op = Op(t, OpKind::kStore, k, call, ret);
  op.value = v;
  return op;
}
Operation Load(int t, int64_t k, bool found, int64_t v, uint64_t call, uint64_t ret) {
  Operation op = Op(t, OpKind::kLoad, k, call, ret);
  op.ok = found;
  op.out = v;
  return op;
}

TEST(Linearizability, ALoadAfterAStoreReturnsIt) {
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 5, 1, 2), Load(1, 1, true, 5, 3, 4)}), "");
  EXPECT_NE(CheckLinearizable({Store(0, 1, 5, 1, 2), Load(1, 1, false, 0, 3, 4)}), "");
  EXPECT_NE(CheckLinearizable({Store(0, 1, 5, 1, 2), Load(1, 1, true, 6, 3, 4)}), "");
}

TEST(Linearizability, AnOverlappingLoadMaySeeEither) {
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 5, 1, 4), Load(1, 1, true, 5, 2, 3)}), "");
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 5, 1, 4), Load(1, 1, false, 0, 2, 3)}), "");
}

TEST(Linearizability, TwoLoadOrStoresCannotBothStore) {
  Operation a = Op(0, OpKind::kLoadOrStore, 1, 1, 3);
  a.value = 1;
  a.ok = false;
  a.out = 1;
  Operation b = Op(1, OpKind::kLoadOrStore, 1, 2, 4);
  b.value = 2;
  b.ok = false;
  b.out = 2;
  EXPECT_NE(CheckLinearizable({a, b}), "");
  b.ok = true;
  b.out = 1;  // b loaded a's value: fine
  EXPECT_EQ(CheckLinearizable({a, b}), "");
}

TEST(Linearizability, ALostUpdateShowsInAFinalLoad) {
  // Two completed stores to different keys, then a load that misses one of them.
  EXPECT_NE(CheckLinearizable({Store(0, 1, 1, 1, 2), Store(1, 2, 2, 1, 3),
                               Load(2, 1, false, 0, 5, 6), Load(2, 2, true, 2, 7, 8)}),
            "");
}

// The part of a failing history that fails by itself, as the message's last lines list it.
std::string CoreOf(const std::string& why) {
  const size_t at = why.find("\nthese alone have none");
  return at == std::string::npos ? "(none)" : why.substr(why.find('\n', at + 1));
}

TEST(Linearizability, AFailureNamesTheSmallestPartThatFailsAlone) {
  // Lost updates among other operations: the loads of 1 go first (the rest still fails), then
  // the second store of 1 (no read is left that saw a 1); the first store and the final load
  // that misses it are what fails alone.
  const std::string lost =
      CheckLinearizable({Store(0, 1, 1, 1, 2), Load(1, 1, true, 1, 1, 4), Load(1, 1, true, 1, 5, 6),
                         Store(1, 1, 1, 7, 8), Load(2, 1, false, 0, 9, 10)});
  EXPECT_EQ(CoreOf(lost), "\n  " + Store(0, 1, 1, 1, 2).ToString() + "\n  " +
                              Load(2, 1, false, 0, 9, 10).ToString())
      << lost;
  // A stale read: 5 stored, then 6, then a load returns 5. The store of 5 stays (the load saw
  // it), the earlier load of 5 goes.
  const std::string stale = CheckLinearizable({Store(0, 1, 5, 1, 2), Load(1, 1, true, 5, 3, 4),
                                               Store(0, 1, 6, 5, 6), Load(1, 1, true, 5, 7, 8)});
  EXPECT_EQ(CoreOf(stale), "\n  " + Store(0, 1, 5, 1, 2).ToString() + "\n  " +
                               Store(0, 1, 6, 5, 6).ToString() + "\n  " +
                               Load(1, 1, true, 5, 7, 8).ToString())
      << stale;
}

TEST(Linearizability, RangeVisitsEachKeyOnceWithAValueFromItsInterval) {
  Operation range = Op(1, OpKind::kRange, 0, 2, 5);
  range.visited = {{1, 1}};
  // Key 2's store overlaps the Range: absent from the visit is fine; key 1 was stored before.
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 1, 0, 1), Store(0, 2, 2, 3, 4), range}), "");
  range.visited = {{1, 1}, {1, 1}};
  EXPECT_NE(CheckLinearizable({Store(0, 1, 1, 0, 1), range}), "");
  range.visited = {};  // key 1 was present throughout
  EXPECT_NE(CheckLinearizable({Store(0, 1, 1, 0, 1), range}), "");
}

TEST(Linearizability, LenIsBetweenTheKeysSurelyAndPossiblyPresent) {
  Operation len = Op(1, OpKind::kLen, 0, 2, 5);
  len.length = 1;  // key 1 surely present, key 2's store overlaps: 1 or 2
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 1, 0, 1), Store(0, 2, 2, 3, 4), len}), "");
  len.length = 2;
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 1, 0, 1), Store(0, 2, 2, 3, 4), len}), "");
  len.length = 0;
  EXPECT_NE(CheckLinearizable({Store(0, 1, 1, 0, 1), Store(0, 2, 2, 3, 4), len}), "");
  len.length = 3;
  EXPECT_NE(CheckLinearizable({Store(0, 1, 1, 0, 1), Store(0, 2, 2, 3, 4), len}), "");
}

TEST(Linearizability, ClearDeletesEveryKeyInItsInterval) {
  const Operation clear = Op(0, OpKind::kClear, 0, 3, 4);
  EXPECT_EQ(CheckLinearizable({Store(0, 1, 1, 1, 2), clear, Load(1, 1, false, 0, 5, 6)}), "");
  EXPECT_NE(CheckLinearizable({Store(0, 1, 1, 1, 2), clear, Load(1, 1, true, 1, 5, 6)}), "");
}

TEST(Linearizability, InitialContentsCount) {
  EXPECT_EQ(CheckLinearizable({Load(0, 1, true, 7, 1, 2)}, {{1, 7}}), "");
  EXPECT_NE(CheckLinearizable({Load(0, 1, false, 0, 1, 2)}, {{1, 7}}), "");
}

// A history of `threads` threads doing `per_thread` random operations each on key 1, built from
// a sequential run at random linearization points inside random intervals (so it is
// linearizable), with every mark distinct.
std::vector<Operation> LinearizableHistory(std::mt19937_64& rng, int threads, int per_thread) {
  struct Planned {
    Operation op;
    uint64_t at;  // its linearization point
  };
  std::vector<Planned> plan;
  uint64_t clock = 0;
  std::vector<uint64_t> free_at(static_cast<size_t>(threads), 0);
  for (int i = 0; i < threads * per_thread; ++i) {
    const int t = static_cast<int>(rng() % static_cast<uint64_t>(threads));
    Operation op;
    op.thread = t;
    op.key = 1;
    const int kind = static_cast<int>(rng() % 4);
    op.kind = kind == 0   ? OpKind::kStore
              : kind == 1 ? OpKind::kDelete
              : kind == 2 ? OpKind::kSwap
                          : OpKind::kLoad;
    op.value = static_cast<int64_t>(rng() % 3);
    // Each thread's operations one after another, overlapping the other threads' by a few.
    const uint64_t call = std::max(free_at[static_cast<size_t>(t)], clock) + 1 + rng() % 3;
    const uint64_t ret = call + 2 + rng() % 6;
    op.call = 4 * call;
    op.ret = 4 * ret + 1;
    free_at[static_cast<size_t>(t)] = ret + 1;
    clock = call;
    plan.push_back({op, 4 * call + 2 + 4 * (rng() % (ret - call))});
  }
  // By linearization point, ties in plan order: a stable sort, without std::stable_sort, whose
  // libstdc++ 12 temporary buffer clang-19 flags as deprecated (-Werror).
  std::vector<size_t> order(plan.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return plan[a].at != plan[b].at ? plan[a].at < plan[b].at : a < b;
  });
  std::vector<Planned> sorted;
  sorted.reserve(plan.size());
  for (size_t i : order) sorted.push_back(plan[i]);
  plan = std::move(sorted);
  std::optional<int64_t> state;
  std::vector<Operation> history;
  uint64_t tie = 0;
  for (Planned& p : plan) {
    Operation& op = p.op;
    op.ok = state.has_value();
    op.out = state.value_or(0);
    if (op.kind == OpKind::kStore || op.kind == OpKind::kSwap) state = op.value;
    if (op.kind == OpKind::kDelete) state.reset();
    if (op.kind == OpKind::kStore || op.kind == OpKind::kDelete) op.ok = false, op.out = 0;
    // Distinct marks: a thread's marks in its own order, ties between threads broken.
    op.call = op.call * 1024 + (tie % 1024);
    op.ret = op.ret * 1024 + (tie++ % 1024);
    history.push_back(op);
  }
  return history;
}

TEST(Linearizability, SixtyThreeLoadsOfOneKeyAreNoAlarm) {
  // The false alarm of the concurrent fuzzer (63 Load(1) calls: "too many operations on key 1").
  std::vector<Operation> history;
  for (uint64_t i = 0; i < 63; ++i) {
    history.push_back(Load(static_cast<int>(i % 4), 1, false, 0, 2 * i, 2 * i + 3));
  }
  std::string undecided;
  EXPECT_EQ(CheckLinearizable(history, {}, &undecided), "");
  EXPECT_EQ(undecided, "");
  history.push_back(Load(0, 1, true, 5, 500, 501));  // a value never stored
  EXPECT_NE(CheckLinearizable(history), "");
}

TEST(Linearizability, ThousandsOfOperationsOnOneKeyAreDecided) {
  // 4 threads x 1,500 operations on one key, overlapping: linearizable by construction, and
  // decided (not undecided) within the search budget. One result changed makes most such
  // histories non-linearizable; each of those is caught.
  std::mt19937_64 rng(20261203);
  int caught = 0;
  for (int round = 0; round < 4; ++round) {
    std::vector<Operation> history = LinearizableHistory(rng, 4, 1500);
    ASSERT_EQ(history.size(), 6000u);
    std::string undecided;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(CheckLinearizable(history, {}, &undecided), "") << "round " << round;
    EXPECT_EQ(undecided, "") << "round " << round;
    std::cout << "6,000 operations on one key decided in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
              << " s\n";
    for (Operation& op : history) {
      if (op.kind == OpKind::kLoad && op.ok) {
        op.out += 100;  // a value no one stored
        break;
      }
    }
    caught += CheckLinearizable(history).empty() ? 0 : 1;
  }
  EXPECT_EQ(caught, 4);
}

TEST(Linearizability, TheSearchOverStampsAgreesWithTheSearchOverSets) {
  // Two algorithms, one question: on small random histories (some linearizable by construction,
  // some with a result changed), StampSearch and the precedence-test search give one verdict.
  std::mt19937_64 rng(7);
  int yes = 0, no = 0;
  for (int i = 0; i < 2000; ++i) {
    std::vector<Operation> history = LinearizableHistory(rng, 1 + static_cast<int>(rng() % 3), 4);
    if (rng() % 2 == 0) {
      Operation& op = history[rng() % history.size()];
      op.ok = !op.ok;
      op.out = static_cast<int64_t>(rng() % 3);
    }
    const std::string stamps = CheckLinearizable(history);
    const std::string sets = CheckLinearizable(history, {}, ByStamps);
    ASSERT_EQ(stamps.empty(), sets.empty()) << "history #" << i << ": " << stamps << sets;
    (stamps.empty() ? yes : no) += 1;
  }
  EXPECT_GT(yes, 200);
  EXPECT_GT(no, 200);
}

}  // namespace
}  // namespace models::testing
