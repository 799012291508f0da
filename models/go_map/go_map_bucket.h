// The pieces of Go's classic hmap that are not the map itself: constants with Go's names and
// values, the bucket (bmap) layout, and the small helpers of runtime/map.go (Go 1.22).
#pragma once

#include <cstddef>
#include <cstdint>

namespace models::go_map {

// runtime/map.go:63-109 and internal/abi/map.go.
inline constexpr int bucketCntBits = 3;
inline constexpr int bucketCnt = 1 << bucketCntBits;  // 8 slots per bucket
inline constexpr int loadFactorNum = 13;              // load factor 6.5 = 13/2
inline constexpr int loadFactorDen = 2;

// Tophash values below minTopHash are cell states.
inline constexpr uint8_t emptyRest = 0;       // empty, and so is every later cell and bucket
inline constexpr uint8_t emptyOne = 1;        // empty
inline constexpr uint8_t evacuatedX = 2;      // moved to the first half of the larger array
inline constexpr uint8_t evacuatedY = 3;      // moved to the second half
inline constexpr uint8_t evacuatedEmpty = 4;  // empty, bucket evacuated
inline constexpr uint8_t minTopHash = 5;      // smallest tophash of a filled cell

// hmap.flags.
inline constexpr uint8_t iterator = 1;      // there may be an iterator using buckets
inline constexpr uint8_t oldIterator = 2;   // there may be an iterator using oldbuckets
inline constexpr uint8_t hashWriting = 4;   // a goroutine is writing to the map
inline constexpr uint8_t sameSizeGrow = 8;  // the current growth is to a map of the same size

inline constexpr uintptr_t noCheck = ~uintptr_t{0};

inline bool isEmpty(uint8_t x) { return x <= emptyOne; }

// map.go:196-202: the top byte of the hash, shifted clear of the cell states.
inline uint8_t tophash(uint64_t hash) {
  auto top = static_cast<uint8_t>(hash >> 56);
  if (top < minTopHash) top = static_cast<uint8_t>(top + minTopHash);
  return top;
}

inline uintptr_t bucketShift(uint8_t b) { return uintptr_t{1} << (b & 63); }
inline uintptr_t bucketMask(uint8_t b) { return bucketShift(b) - 1; }

// map.go:1097-1099: more than 6.5 entries per bucket on average, that is more than 13/16 of the
// cells. `cells` is 8 in Go; GoMap's Cells parameter makes it smaller for the model checker.
// Written as count·16 > 13·cells·2^b, which for cells = 8 is Go's
// count > 8 && count > 13·(2^b / 2) exactly (b = 0: both say count > 8; b >= 1: both say
// count > 6.5·2^b); go_map_test compares the two.
inline bool overLoadFactor(int64_t count, uint8_t b, int cells = bucketCnt) {
  return count > cells && static_cast<uintptr_t>(count) * 16 > uintptr_t{loadFactorNum} *
                                                                   static_cast<uintptr_t>(cells) *
                                                                   bucketShift(b);
}

// map.go:1104-1114: as many overflow buckets as regular ones (capped at 2^15).
inline bool tooManyOverflowBuckets(uint16_t noverflow, uint8_t b) {
  if (b > 15) b = 15;
  return noverflow >= static_cast<uint16_t>(uintptr_t{1} << (b & 15));
}

// bmap: tophash, then all keys, then all elems, then the overflow pointer (map.go:150-160).
// Every field is a backend Var: plain memory that two goroutines can race on.
// Cells is 8 (bucketCnt) in Go; see GoMap's Cells parameter.
template <class B, class K, class V, int Cells = bucketCnt>
struct Bucket {
  typename B::template Var<uint8_t> tophash[static_cast<size_t>(Cells)];
  typename B::template Var<K> keys[static_cast<size_t>(Cells)];
  typename B::template Var<V> elems[static_cast<size_t>(Cells)];
  typename B::template Var<Bucket*> overflow;
};

// evacuated(b): tophash[0] is one of the evacuation marks (map.go:204-207).
template <class Bk>
bool evacuated(Bk* b) {
  const uint8_t h = b->tophash[0].load();
  return h > emptyOne && h < minTopHash;
}

}  // namespace models::go_map
