// The linearizability checker itself: histories that are and are not linearizable.
#include "models/testing/linearizability.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace models::testing
