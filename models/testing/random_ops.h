// One random call of the map API, checked against the sequential specification (ReferenceMap),
// shared by the sequential suite and the real-thread tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>

#include "models/testing/reference_map.h"

namespace models::testing {

// The map's own invariants where it has them (GoMap, LockedMap, RWMap, ShardedMap), else "".
template <class M>
std::string Invariants(M& m) {
  if constexpr (requires { m.CheckInvariants(); }) {
    return m.CheckInvariants();
  } else {
    return "";
  }
}

enum class OpScope {
  kWholeMap,  // the caller owns the whole map: Range, Len, Clear and the invariants are checked
  kOwnKeys,   // other threads use other keys: only per-key calls, each checked exactly
};

// Applies one random call to `m` and `want` with a key in [key_base, key_base + keys) and
// asserts that both return the same. Values are small so CompareAndSwap and CompareAndDelete
// also succeed.
template <class M>
void RandomOp(M& m, ReferenceMap& want, std::mt19937_64& rng, int64_t key_base, int64_t keys,
              OpScope scope) {
  const int64_t k = key_base + static_cast<int64_t>(rng() % static_cast<uint64_t>(keys));
  const auto v = static_cast<int64_t>(rng() % 4);
  const auto v2 = static_cast<int64_t>(rng() % 4);
  int64_t got = -1, expected = -1;
  const int op = static_cast<int>(rng() % (scope == OpScope::kWholeMap ? 100 : 93));
  SCOPED_TRACE("op " + std::to_string(op) + " key " + std::to_string(k));
  if (op < 20) {
    ASSERT_EQ(m.Load(k, &got), want.Load(k, &expected));
    ASSERT_EQ(got, expected);
  } else if (op < 40) {
    m.Store(k, v);
    want.Store(k, v);
  } else if (op < 50) {
    ASSERT_EQ(m.LoadOrStore(k, v, &got), want.LoadOrStore(k, v, &expected));
    ASSERT_EQ(got, expected);
  } else if (op < 58) {
    ASSERT_EQ(m.LoadAndDelete(k, &got), want.LoadAndDelete(k, &expected));
    ASSERT_EQ(got, expected);
  } else if (op < 66) {
    m.Delete(k);
    want.Delete(k);
  } else if (op < 74) {
    ASSERT_EQ(m.Swap(k, v, &got), want.Swap(k, v, &expected));
    ASSERT_EQ(got, expected);
  } else if (op < 82) {
    ASSERT_EQ(m.CompareAndSwap(k, v, v2), want.CompareAndSwap(k, v, v2));
  } else if (op < 90) {
    ASSERT_EQ(m.CompareAndDelete(k, v), want.CompareAndDelete(k, v));
  } else if (op < 93) {
    // Out-parameters may be null.
    int64_t ignored = 0;
    ASSERT_EQ(m.Load(k, nullptr), want.Load(k, &ignored));
    ASSERT_EQ(m.Swap(k, v, nullptr), want.Swap(k, v, &ignored));
  } else if (op < 96) {
    std::map<int64_t, int64_t> seen;
    m.Range([&](int64_t key, int64_t value) {
      EXPECT_TRUE(seen.emplace(key, value).second) << "key " << key << " visited twice";
      return true;
    });
    ASSERT_EQ(seen, want.Sorted());
  } else if (op < 98) {
    // Range stops when f returns false: exactly min(stop, len) calls.
    const int64_t stop = 1 + k % 5;
    int64_t calls = 0;
    m.Range([&](int64_t, int64_t) { return ++calls < stop; });
    ASSERT_EQ(calls, std::min(stop, want.Len()));
  } else if (op < 99 || rng() % 10 != 0) {
    ASSERT_EQ(m.Len(), want.Len());
  } else {
    m.Clear();
    want.Clear();
  }
  if (scope == OpScope::kWholeMap) {
    ASSERT_EQ(m.Len(), want.Len());
    ASSERT_EQ(Invariants(m), "");
  }
}

}  // namespace models::testing
