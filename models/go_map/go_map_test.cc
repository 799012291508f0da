// GoMap under RealBackend, single-threaded: it behaves as a map (differential against
// std::unordered_map with the invariants checked after every operation), and its growth follows
// Go's rules exactly.
#include "models/go_map/go_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <unordered_map>
#include <utility>

#include "models/backend/real_backend.h"

namespace models {
namespace {

using Map = GoMap<RealBackend, int64_t, int64_t>;

// Identity hash: bucket = low bits of the key, tophash = top byte. Lets a test place keys.
uint64_t IdentityHash(uint64_t key, uint32_t /*seed*/) { return key; }

#define EXPECT_INVARIANTS(m) EXPECT_EQ((m).CheckInvariants(), "") << (m).Dump()

// Random stores, deletes, loads and clears over a few hundred keys, checked against
// std::unordered_map after every step, with the map's invariants.
template <int Cells>
void BehavesLikeAMap() {
  std::mt19937_64 rng(42);
  for (int round = 0; round < 4; ++round) {
    GoMap<RealBackend, int64_t, int64_t, Cells> m(GoMapConfig{.hint = round * 20});
    std::unordered_map<int64_t, int64_t> want;
    for (int step = 0; step < 20000; ++step) {
      const int64_t key = static_cast<int64_t>(rng() % 400);
      const int op = static_cast<int>(rng() % 100);
      if (op < 45) {
        const auto value = static_cast<int64_t>(rng());
        m.Store(key, value);
        want[key] = value;
      } else if (op < 75) {
        m.Delete(key);
        want.erase(key);
      } else if (op < 99) {
        int64_t got = 0;
        const bool found = m.Load(key, &got);
        ASSERT_EQ(found, want.count(key) == 1) << "key " << key << " step " << step;
        if (found) {
          ASSERT_EQ(got, want[key]);
        }
      } else {
        m.Clear();
        want.clear();
      }
      ASSERT_EQ(m.Len(), static_cast<int64_t>(want.size()));
      EXPECT_INVARIANTS(m);
    }
    std::map<int64_t, int64_t> seen;
    m.Range([&](int64_t k, int64_t v) {
      EXPECT_TRUE(seen.emplace(k, v).second) << "key " << k << " visited twice";
      return true;
    });
    EXPECT_EQ(seen, (std::map<int64_t, int64_t>(want.begin(), want.end())));
  }
}

TEST(GoMap, BehavesLikeAMapOverLongRandomOperationSequences) { BehavesLikeAMap<8>(); }

// The reduced buckets the protocol tests use (Cells = 2, 4) are still a map with Go's invariants.
TEST(GoMap, SmallerBucketsBehaveLikeAMap) {
  BehavesLikeAMap<2>();
  BehavesLikeAMap<4>();
}

TEST(GoMap, TheLoadFactorTestIsGosAtEightCells) {
  // map.go:1097-1099 verbatim: count > bucketCnt && uintptr(count) >
  // loadFactorNum*(bucketShift(B)/loadFactorDen)
  for (uint8_t b = 0; b < 40; ++b) {
    const int64_t edge = static_cast<int64_t>(13 * (uint64_t{1} << b) / 2);
    for (int64_t count :
         {int64_t{0}, int64_t{7}, int64_t{8}, int64_t{9}, edge - 1, edge, edge + 1, edge + 2}) {
      const bool go = count > 8 && static_cast<uint64_t>(count) > 13 * ((uint64_t{1} << b) / 2);
      EXPECT_EQ(go_map::overLoadFactor(count, b), go) << "count " << count << " B " << int{b};
    }
  }
}

TEST(GoMap, SmallerBucketsGrowAtThirteenSixteenthsOfTheirCells) {
  GoMap<RealBackend, int64_t, int64_t, 2> m;
  for (int64_t n = 1; n <= 200; ++n) {
    const uint8_t before = m.BucketsLog2();
    const bool was_growing = m.Growing();
    m.Store(n, n);
    const bool should_grow =
        !was_growing && n > 2 && static_cast<double>(n) > 2 * 13.0 / 16 * (1 << before);
    EXPECT_EQ(m.BucketsLog2() != before, should_grow)
        << "insert #" << n << " with B=" << int{before};
    EXPECT_INVARIANTS(m);
  }
  EXPECT_EQ(m.BucketsLog2(), 7);  // 200 entries: 1.625 * 2^6 = 104 < 200 <= 1.625 * 2^7
}

TEST(GoMap, BucketsHaveGosLayoutAndSize) {
  // bmap for map[int64]int64 on a 64-bit machine: 8 tophash bytes, 8 keys, 8 elems, overflow.
  static_assert(sizeof(Map::Bucket) == 8 + 8 * 8 + 8 * 8 + 8);
  Map m;
  EXPECT_EQ(m.LiveBytes(), 48U);  // the hmap header; no bucket until the first store
  m.Store(1, 1);
  EXPECT_EQ(m.LiveBytes(), 48U + 144U);
  // The 9th key doubles to B=1; growWork evacuates the single old bucket at once, so the growth
  // is over and only the new array is live.
  for (int64_t k = 2; k <= 9; ++k) m.Store(k, k);
  EXPECT_EQ(m.BucketsLog2(), 1);
  EXPECT_FALSE(m.Growing());
  EXPECT_EQ(m.LiveBytes(), 48U + 2 * 144U);
}

TEST(GoMap, GrowsExactlyWhenANewKeyWouldExceedTheLoadFactor) {
  // map.go: a new key triggers hashGrow when count+1 > 8 and count+1 > 6.5 * 2^B; the doubling
  // completes over the following writes.
  Map m;
  for (int64_t n = 1; n <= 2000; ++n) {
    const uint8_t before = m.BucketsLog2();
    const bool was_growing = m.Growing();
    m.Store(n, n);
    const bool should_grow = !was_growing && n > 8 && static_cast<double>(n) > 6.5 * (1 << before);
    EXPECT_EQ(m.BucketsLog2() != before, should_grow)
        << "insert #" << n << " with B=" << int{before};
    EXPECT_INVARIANTS(m);
    // One thread at a time, every write lands where lookups look (claim C4's sequential half).
    if (n % 50 == 0 || m.Growing()) {
      EXPECT_TRUE(m.StrandedKeys().empty()) << "insert #" << n;
    }
  }
  EXPECT_EQ(m.BucketsLog2(), 9);  // 2000 entries: 6.5 * 2^8 = 1664 < 2000 <= 6.5 * 2^9
}

TEST(GoMap, SizesTheBucketArrayFromTheHint) {
  EXPECT_EQ(Map(GoMapConfig{.hint = 8}).BucketsLog2(), 0);
  EXPECT_EQ(Map(GoMapConfig{.hint = 9}).BucketsLog2(), 1);
  EXPECT_EQ(Map(GoMapConfig{.hint = 13}).BucketsLog2(), 1);
  EXPECT_EQ(Map(GoMapConfig{.hint = 14}).BucketsLog2(), 2);
  EXPECT_EQ(Map(GoMapConfig{.hint = 100}).BucketsLog2(), 4);
}

TEST(GoMap, TooManyOverflowBucketsStartASameSizeGrowth) {
  // B = 4 (hint 100): 16 buckets. Keys k << 8 | bucket land in `bucket` with distinct tophash.
  Map m(GoMapConfig{.hint = 100, .hasher = &IdentityHash});
  ASSERT_EQ(m.BucketsLog2(), 4);
  auto key = [](int64_t i, int64_t bucket) { return (i + 1) << 56 | bucket; };
  // 100 keys in bucket 0: 13 buckets in its chain, 12 of them overflow; then delete them all.
  for (int64_t i = 0; i < 100; ++i) m.Store(key(i, 0), i);
  EXPECT_EQ(m.OverflowBuckets(), 12);
  for (int64_t i = 0; i < 100; ++i) m.Delete(key(i, 0));
  EXPECT_EQ(m.Len(), 0);
  EXPECT_INVARIANTS(m);
  // Bucket 1 gets overflow buckets until there are 2^B = 16 of them; the next new key then
  // finds tooManyOverflowBuckets and starts a growth that keeps B.
  int64_t i = 0;
  while (m.OverflowBuckets() < 16) {
    ASSERT_FALSE(m.Growing());
    m.Store(key(i, 1), i);
    ++i;
  }
  EXPECT_EQ(i, 33);  // the 33rd key of bucket 1 opened its 4th overflow bucket
  m.Store(key(i, 1), i);
  ++i;
  EXPECT_TRUE(m.Growing());
  EXPECT_TRUE(m.SameSizeGrowing());
  EXPECT_EQ(m.BucketsLog2(), 4);
  EXPECT_INVARIANTS(m);
  // Writes finish the growth (two old buckets per write); then overflow chains are compacted.
  for (int n = 0; n < 16 && m.Growing(); ++n) m.Store(key(n, 2), n);
  EXPECT_FALSE(m.Growing());
  EXPECT_FALSE(m.SameSizeGrowing());
  EXPECT_INVARIANTS(m);
  for (int64_t j = 0; j < i; ++j) {
    int64_t v = -1;
    ASSERT_TRUE(m.Load(key(j, 1), &v)) << j;
  }
}

// B = 2 holding 26 keys, 10 of them in bucket 0 (an overflow bucket); the 27th, also in bucket
// 0, starts a doubling whose growWork evacuates old buckets 0 and 1. Old bucket 0 as memory then
// holds it.
Map::RawBucket OldBucketZeroAfterItsEvacuation(GoMapConfig config) {
  config.hint = 26;
  config.hasher = &IdentityHash;
  Map m(config);
  EXPECT_EQ(m.BucketsLog2(), 2);
  auto key = [](int64_t i, int64_t bucket) { return (i + 1) << 56 | bucket; };
  for (int64_t i = 0; i < 10; ++i) m.Store(key(i, 0), i + 1);
  for (int64_t i = 0; i < 16; ++i) m.Store(key(i, 1 + i % 3), i + 1);
  EXPECT_FALSE(m.Growing());
  m.Store(key(20, 0), 1);
  EXPECT_TRUE(m.Growing());
  EXPECT_EQ(m.BucketsLog2(), 3);
  EXPECT_INVARIANTS(m);
  return m.RawMainBucket(/*old=*/true, 0);
}

TEST(GoMap, EvacuationClearsAnOldBucketOnlyWhenItsTypeHoldsPointers) {
  // evacuate: memclrHasPointers of the old main bucket past its tophash (keys, elems, overflow
  // link) when t.Bucket.PtrBytes != 0; a map[int64]int64 bucket is left as it was. The tophash
  // keeps the evacuation marks either way.
  for (const bool pointers : {true, false}) {
    SCOPED_TRACE(pointers ? "map[string]*T" : "map[int64]int64");
    const Map::RawBucket raw = OldBucketZeroAfterItsEvacuation(
        {.keys_hold_pointers = pointers, .elems_hold_pointers = pointers});
    for (size_t j = 0; j < 8; ++j) {
      EXPECT_TRUE(raw.tophash[j] == go_map::evacuatedX || raw.tophash[j] == go_map::evacuatedY)
          << j;
      EXPECT_EQ(raw.keys[j] == 0, pointers) << j;
      EXPECT_EQ(raw.elems[j] == 0, pointers) << j;
    }
    EXPECT_EQ(raw.overflow_linked, !pointers);
  }
  // Pointers in the elems alone are enough to give the bucket type pointers.
  const Map::RawBucket raw =
      OldBucketZeroAfterItsEvacuation({.keys_hold_pointers = false, .elems_hold_pointers = true});
  EXPECT_EQ(raw.keys[0], 0);
  EXPECT_FALSE(raw.overflow_linked);
}

TEST(GoMap, DeleteClearsTheKeyOnlyWhenItHoldsPointers) {
  // mapdelete: "Only clear key if there are pointers in it"; the elem is cleared either way.
  for (const bool pointers : {true, false}) {
    SCOPED_TRACE(pointers ? "string keys" : "int64 keys");
    Map m(GoMapConfig{.hasher = &IdentityHash, .keys_hold_pointers = pointers});
    const int64_t key = int64_t{9} << 56;
    m.Store(key, 7);
    m.Delete(key);
    const Map::RawBucket raw = m.RawMainBucket(/*old=*/false, 0);
    EXPECT_EQ(raw.tophash[0], go_map::emptyRest);
    EXPECT_EQ(raw.keys[0], pointers ? 0 : key);
    EXPECT_EQ(raw.elems[0], 0);
  }
}

TEST(GoMap, IterationDuringGrowthVisitsEveryKeyOnce) {
  // Start a growth, then iterate while writes move buckets under the iterator.
  Map m;
  int64_t n = 0;
  while (!m.Growing()) m.Store(n, n), ++n;
  ASSERT_TRUE(m.Growing());
  const int64_t originals = n;
  std::map<int64_t, int> seen;
  int64_t next = 100000;
  m.Range([&](int64_t k, int64_t v) {
    EXPECT_EQ(k < 100000 ? k : v, v);
    ++seen[k];
    m.Store(next, next);  // each step advances the growth (growWork) under the iterator
    ++next;
    EXPECT_INVARIANTS(m);
    return true;
  });
  for (int64_t k = 0; k < originals; ++k) EXPECT_EQ(seen[k], 1) << "key " << k;
  for (const auto& [k, times] : seen) EXPECT_EQ(times, 1) << "key " << k << " visited twice";
}

TEST(GoMap, IterationSkipsKeysDeletedBeforeTheyAreReached) {
  Map m;
  for (int64_t k = 0; k < 200; ++k) m.Store(k, k);
  std::set<int64_t> seen;
  m.Range([&](int64_t k, int64_t) {
    seen.insert(k);
    for (int64_t d = 0; d < 200; ++d) {
      if (seen.count(d) == 0) m.Delete(d);  // delete everything not yet visited
    }
    return true;
  });
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_EQ(m.Len(), 1);
  EXPECT_INVARIANTS(m);
}

TEST(GoMap, DeleteAllAndReinsert) {
  Map m;
  for (int64_t k = 0; k < 1000; ++k) m.Store(k, k);
  for (int64_t k = 0; k < 1000; ++k) m.Delete(k);
  EXPECT_EQ(m.Len(), 0);
  EXPECT_INVARIANTS(m);
  for (int64_t k = 0; k < 1000; ++k) m.Store(k, -k);
  for (int64_t k = 0; k < 1000; ++k) {
    int64_t v = 0;
    ASSERT_TRUE(m.Load(k, &v));
    EXPECT_EQ(v, -k);
  }
  EXPECT_INVARIANTS(m);
}

TEST(GoMap, DeleteBackFillsEmptyRestAcrossOverflowBuckets) {
  // 20 keys in bucket 0 of a one-bucket map: a chain of 3 buckets. Deleting from the end turns
  // the trailing cells into emptyRest, so lookups stop early; CheckInvariants verifies the runs.
  Map m(GoMapConfig{.hasher = &IdentityHash});
  auto key = [](int64_t i) { return (i + 1) << 56; };
  for (int64_t i = 0; i < 8; ++i) m.Store(key(i), i);
  for (int64_t i = 7; i >= 0; --i) {
    m.Delete(key(i));
    EXPECT_INVARIANTS(m);
  }
}

TEST(GoMap, UnsynchronisedCompoundOperationsKeepMapSemantics) {
  Map m;
  int64_t v = 0;
  EXPECT_FALSE(m.LoadOrStore(1, 10, &v));
  EXPECT_TRUE(m.LoadOrStore(1, 20, &v));
  EXPECT_EQ(v, 10);
  EXPECT_TRUE(m.Swap(1, 30, &v));
  EXPECT_EQ(v, 10);
  EXPECT_FALSE(m.CompareAndSwap(1, 10, 40));
  EXPECT_TRUE(m.CompareAndSwap(1, 30, 40));
  EXPECT_FALSE(m.CompareAndDelete(1, 30));
  EXPECT_TRUE(m.CompareAndDelete(1, 40));
  EXPECT_FALSE(m.LoadAndDelete(1, &v));
  EXPECT_EQ(m.Len(), 0);
}

// Another goroutine acting in the middle of a write, simulated on one thread: the hasher runs
// inside mapassign's flag window while a growth is evacuated, and there it calls the map again.
Map* reentered = nullptr;
int reentry_op = 0;     // 0: read, 1: write, 2: iterate
int calls_to_skip = 0;  // the write's own hash comes before it sets hashWriting

uint64_t ReenteringHash(uint64_t key, uint32_t seed) {
  if (reentered != nullptr && calls_to_skip-- == 0) {
    Map* m = std::exchange(reentered, nullptr);
    int64_t v = 0;
    if (reentry_op == 0) (void)m->Load(1, &v);
    if (reentry_op == 1) m->Store(1, 1);
    if (reentry_op == 2) m->Range([](int64_t, int64_t) { return true; });
  }
  return GoMapConfig::DefaultHash(key, seed);
}

void WriteDuringGrowthAndReenter(int op) {
  Map m(GoMapConfig{.hasher = &ReenteringHash});
  int64_t n = 0;
  while (!m.Growing()) {
    m.Store(n, n);
    ++n;
  }
  reentry_op = op;
  calls_to_skip = 1;
  reentered = &m;
  m.Store(n, n);  // evacuates, calling the hasher with hashWriting set
}

TEST(GoMapDeathTest, ReadDuringAWriteIsFatal) {
  EXPECT_DEATH(WriteDuringGrowthAndReenter(0), "fatal error: concurrent map read and map write");
}

TEST(GoMapDeathTest, WriteDuringAWriteIsFatal) {
  EXPECT_DEATH(WriteDuringGrowthAndReenter(1), "fatal error: concurrent map writes");
}

TEST(GoMapDeathTest, IterationDuringAWriteIsFatal) {
  EXPECT_DEATH(WriteDuringGrowthAndReenter(2),
               "fatal error: concurrent map iteration and map write");
}

}  // namespace
}  // namespace models
