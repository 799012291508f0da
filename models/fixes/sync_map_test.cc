// SyncMap (Go's pre-1.24 sync.Map): map behaviour, the lock-free paths, promotion, and under the
// checker two writers never trip Go's map detection.
#include "models/fixes/sync_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <unordered_map>
#include <vector>

#include "mc/check_testing.h"
#include "models/backend/model_backend.h"
#include "models/backend/real_backend.h"
#include "models/testing/map_testing.h"
#include "models/testing/model_map_testing.h"

namespace models {
namespace {

using Real = SyncMap<RealBackend, int64_t, int64_t>;

TEST(SyncMap, BehavesLikeAMapOverRandomOperations) {
  std::mt19937_64 rng(5);
  Real m;
  std::unordered_map<int64_t, int64_t> want;
  for (int step = 0; step < 20000; ++step) {
    const auto key = static_cast<int64_t>(rng() % 64);
    const auto value = static_cast<int64_t>(rng() % 1000);
    int64_t got = -1;
    switch (rng() % 8) {
      case 0:
      case 1:
        m.Store(key, value);
        want[key] = value;
        break;
      case 2: {
        const bool loaded = m.LoadOrStore(key, value, &got);
        ASSERT_EQ(loaded, want.count(key) == 1);
        if (!loaded) want[key] = value;
        ASSERT_EQ(got, want[key]);
        break;
      }
      case 3: {
        const bool loaded = m.LoadAndDelete(key, &got);
        ASSERT_EQ(loaded, want.count(key) == 1);
        if (loaded) {
          ASSERT_EQ(got, want[key]);
        }
        want.erase(key);
        break;
      }
      case 4: {
        const bool swapped = m.CompareAndSwap(key, value % 4, value);
        const bool expect = want.count(key) == 1 && want[key] == value % 4;
        ASSERT_EQ(swapped, expect);
        if (swapped) want[key] = value;
        break;
      }
      case 5: {
        const bool deleted = m.CompareAndDelete(key, value % 4);
        const bool expect = want.count(key) == 1 && want[key] == value % 4;
        ASSERT_EQ(deleted, expect);
        if (deleted) want.erase(key);
        break;
      }
      case 6: {
        const bool found = m.Load(key, &got);
        ASSERT_EQ(found, want.count(key) == 1) << "step " << step;
        if (found) {
          ASSERT_EQ(got, want[key]);
        }
        break;
      }
      default: {
        std::map<int64_t, int64_t> seen;
        m.Range([&](int64_t k, int64_t v) {
          EXPECT_TRUE(seen.emplace(k, v).second) << "key " << k << " twice";
          return true;
        });
        ASSERT_EQ(seen, (std::map<int64_t, int64_t>(want.begin(), want.end())));
      }
    }
  }
  EXPECT_EQ(m.Len(), static_cast<int64_t>(want.size()));
}

TEST(SyncMap, ReadsAndUpdatesOfPromotedKeysTakeNoLock) {
  Real m;
  for (int64_t k = 0; k < 10; ++k) m.Store(k, k);
  int64_t v = 0;
  for (int i = 0; i < 20; ++i) (void)m.Load(i % 10, &v);  // misses promote dirty to read
  const SyncMapStats before = m.stats();
  for (int i = 0; i < 1000; ++i) {
    (void)m.Load(i % 10, &v);
    m.Store(i % 10, i);  // an existing key of read.m: trySwap, no lock
  }
  EXPECT_EQ(m.stats().locks, before.locks);
  EXPECT_EQ(m.stats().promotions, before.promotions);
  EXPECT_EQ(m.stats().rebuilds, before.rebuilds);
}

TEST(SyncMap, RealThreadsStoreEveryKey) {
  Real m;
  testing::StoreFromThreads(m, 4, 500);
  EXPECT_EQ(m.Len(), 2000);
}

TEST(SyncMap, TwoWritersNeverTripGoMapDetection) {
  // Two threads store new keys: both go through mu (dirtyLocked, the amended read), RC11,
  // exhaustive, races as findings: no race, no fatal, both keys stored in every execution.
  const mc::Report r = testing::CheckTwoWriters(
      [] { return std::make_unique<SyncMap<ModelBackend, int64_t, int64_t>>(); }, 1, 2);
  EXPECT_TRUE(mc::testing::VerdictIs(r, mc::Verdict::kOk));
  EXPECT_TRUE(r.exhaustive);
  std::cout << "SyncMap, two writers: " << r.executions << " executions\n";
}

}  // namespace
}  // namespace models
