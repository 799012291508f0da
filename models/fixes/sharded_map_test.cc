// ShardedMap: FNV-1a shard choice, map behaviour on real threads, and under the checker: keys in
// different shards never interact, keys in one shard serialise on its mutex.
#include "models/fixes/sharded_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "mc/check_testing.h"
#include "models/backend/model_backend.h"
#include "models/backend/real_backend.h"
#include "models/testing/map_testing.h"
#include "models/testing/model_map_testing.h"

namespace models {
namespace {

TEST(ShardedMap, Fnv1aMatchesTheReferenceVectors) {
  EXPECT_EQ(Fnv1a32("", 0), 0x811c9dc5U);
  EXPECT_EQ(Fnv1a32("a", 1), 0xe40c292cU);
  EXPECT_EQ(Fnv1a32("foobar", 6), 0xbf9cf968U);
}

TEST(ShardedMap, RealThreadsStoreEveryKey) {
  ShardedMap<RealBackend, int64_t, int64_t, 16> m;
  testing::StoreFromThreads(m, 4, 2000);
  EXPECT_EQ(m.Len(), 8000);
  int64_t seen = 0;
  m.Range([&](int64_t, int64_t) {
    ++seen;
    return true;
  });
  EXPECT_EQ(seen, 8000);
}

// Two keys in different shards of a 2-shard map, and two in the same shard.
int64_t KeyInShard(size_t shard, int64_t after) {
  for (int64_t k = after + 1;; ++k) {
    if (ShardedMap<ModelBackend, int64_t, int64_t, 2>::ShardOf(k) == shard) return k;
  }
}

mc::Report TwoWriters(int64_t k1, int64_t k2) {
  return testing::CheckTwoWriters(
      [] { return std::make_unique<ShardedMap<ModelBackend, int64_t, int64_t, 2>>(); }, k1, k2);
}

TEST(ShardedMap, WritersOfDifferentShardsNeverInteract) {
  // Each writer touches only its own shard (mutex, hmap, buckets): no two events conflict, so
  // there is exactly one execution.
  const int64_t k1 = KeyInShard(0, 0), k2 = KeyInShard(1, 0);
  EXPECT_TRUE(mc::testing::ExecutionsAre(TwoWriters(k1, k2), 1));
}

TEST(ShardedMap, WritersOfOneShardSerialiseOnItsMutex) {
  // As LockedMap: the two lock orders, 2 executions.
  const int64_t k1 = KeyInShard(0, 0), k2 = KeyInShard(0, k1);
  EXPECT_TRUE(mc::testing::ExecutionsAre(TwoWriters(k1, k2), 2));
}

}  // namespace
}  // namespace models
