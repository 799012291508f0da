// GoMap: a faithful C++ model of Go's classic map (runtime/map.go, Go 1.22; the same design runs
// from Go 1.9 to 1.23 and as map_noswiss.go in 1.24), templated on a Backend so that it runs on
// real threads and under the model checker.
//
// Terminology and layout
// ----------------------
// The map (hmap) points to an array of 2^B buckets. A bucket (bmap) holds 8 cells: 8 tophash
// bytes, then the 8 keys, then the 8 elems, then a pointer to an overflow bucket. A key's hash
// picks the bucket (low B bits) and its tophash (top byte, at least minTopHash); cells with a
// smaller tophash are states: emptyRest, emptyOne, evacuatedX/Y, evacuatedEmpty.
//
//   hmap{count, flags, B, noverflow, hash0, buckets, oldbuckets, nevacuate}
//     buckets ──► [b0][b1]...[b(2^B-1)]      each b: tophash[8] keys[8] elems[8] overflow
//                  │                                                          │
//                  └─ overflow chain ──────────────────────────► [ovf] ──► [ovf] ──► nil
//     oldbuckets ► the previous array while a growth is in progress (half the size, or the
//                  same size for a same-size growth); nil otherwise
//
// Invariants (CheckInvariants tests them)
// - In every chain, the cells before the first emptyRest are filled or emptyOne, all later ones
//   are emptyRest, and the last cell before an emptyRest is never emptyOne.
// - count is the number of filled cells in buckets plus in old buckets not yet evacuated.
// - Every key sits in the bucket its hash selects (in the old array while not evacuated).
// - Old buckets below nevacuate are evacuated; an evacuated bucket has only evacuation marks.
// - Between operations, hashWriting is clear.
//
// Operations (Go 1.22 line numbers)
// - Load = mapaccess2 (457): empty map → absent without a flag check; otherwise check
//   hashWriting once at entry ("concurrent map read and map write"), then search the old
//   bucket if it is not evacuated yet, else the new one. Reads never move data.
// - Store = mapassign (579) then the value store: check hashWriting ("concurrent map writes"),
//   hash, flags ^= hashWriting (after hashing: the hasher may panic), allocate the first
//   bucket, growWork if growing, find the key or a free cell, grow (hashGrow, then again) when
//   a new key would overload the map or it has too many overflow buckets, insert, count++, check
//   hashWriting again, flags &^= hashWriting, and only then, as `m[k] = v` compiles to
//   `*mapassign(...) = v`, store the value.
// - Delete = mapdelete (696): the same flag protocol; clear the cell to emptyOne and, if it ends
//   the chain's filled cells, turn the run of emptyOne before it back into emptyRest; count--,
//   and a new hash0 when the map becomes empty.
// - Clear = mapclear (989): the same flag protocol; mark every cell emptyRest (so live iterators
//   stop), drop the growth, reset counters, new hash0.
// - hashGrow (1053) allocates a doubled array (or a same-size one when the trigger was overflow
//   buckets), moves the iterator flag to oldIterator, and commits the growth; no data moves.
// - growWork (1145) evacuates the old bucket the write needs and then old bucket nevacuate.
// - evacuate (1169) copies a chain's entries to the X (same index) or Y (index + old size) half,
//   marking each old cell evacuatedX/Y/Empty; advanceEvacuationMark (1283) moves nevacuate past
//   evacuated buckets and ends the growth when it reaches the old size.
// - Range = mapiterinit + mapiternext (816-987): sets iterator|oldIterator with the only atomic
//   operation on flags (Or8), checks hashWriting on every step ("concurrent map iteration and
//   map write"), and follows a growth in progress: it walks an old bucket that is not evacuated
//   yet, returning only the keys that belong to the new bucket, and re-looks up (mapaccessK)
//   entries that were evacuated after it started.
//
// Reads of flags
// Go's readers and iterators read h.flags plainly while an iterator may atomic.Or8 it. That is
// legal Go (lookups and iterations may share a map), and Go's race detector never sees it: the
// runtime is not instrumented, -race checks map-level reads and writes instead. In C++ a plain
// read beside an atomic write is a data race, so the model's read-only paths (the hashWriting
// checks of lookups and iterators, the sameSizeGrow test) read flags with a relaxed atomic load,
// the same instruction on every CPU Go supports. The writer's plain XOR and AND-NOT still race
// with all of them, as a map write races with a map read in Go.
//
// Differences from Go, none of which touch the concurrency protocol: keys and values are
// integers or pointers (no indirect keys, no NaN keys, no key update); hash0 re-seeding and the
// iterator's random start are derived from hash0 (deterministic, so executions replay);
// makeBucketArray does not preallocate overflow buckets, and noverflow counts exactly at every
// B (Go counts approximately from B = 16 on); memory is never freed before the map (an arena,
// as Go's collector keeps reachable buckets alive).
//
// Memory (GoMap<RealBackend, int64_t, int64_t>): a bucket is 8 + 8·8 + 8·8 + 8 = 144 bytes, as in
// Go (tophash[8] + keys[8] + elems[8] + overflow pointer; a test asserts the sizeof). At the 6.5
// load factor that is 22 bytes per entry at best, 44 just after a doubling. Measured by
// bench/map_memory (LiveBytes, random keys): 27.5 bytes per entry at 100,000 entries (B=14,
// 2,696 overflow buckets), 38.4 at 1,000,000 (B=18, just past a doubling), 31.3 at 10,000;
// Go's layout gives the same numbers wherever the overflow count exceeds the 2^(B-4) buckets
// Go preallocates (the model preallocates none: 37.6 vs 39.2 at 1,000 entries, 38.4 vs 40.1 at
// 1,000,000). While a growth is in progress the old array is live as well (71 bytes per entry
// right after the 1,665th insert).
#pragma once

#include <concepts>
#include <cstdint>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "models/backend/arena.h"
#include "models/backend/backend.h"
#include "models/go_map/go_map_bucket.h"

namespace models::go_map {

// A backend the Go map can run on: plain fields plus Go's atomic.Or8 for the iterator bits.
template <class B>
concept GoMapBackend = Backend<B> && requires(typename B::template Var<uint8_t>& flags) {
  { B::AtomicOr8(flags, uint8_t{1}) } -> std::same_as<uint8_t>;
  { B::AtomicAnd8(flags, uint8_t{1}) } -> std::same_as<uint8_t>;
  { B::AtomicLoad8(flags) } -> std::same_as<uint8_t>;
};

struct GoMapConfig {
  int64_t hint = 0;  // make(map[K]V, hint)
  // t.Hasher(key, h.hash0): injectable so that tests can force collisions and growth.
  uint64_t (*hasher)(uint64_t key, uint32_t seed) = &DefaultHash;
  uint32_t seed = 0x9747b28c;  // the initial hash0 (Go: rand())
  // Not Go: a what-if variant whose writers take hashWriting with an atomic test-and-set
  // (old = atomic.Or8(&flags, hashWriting); fatal if it was set) after hashing, and drop it with
  // an atomic And8 that must find it set, instead of the plain check / XOR / check / AND-NOT.
  // Claim C2 asks whether an atomic flag would catch every overlap of two writers.
  bool atomic_writing_flag = false;
  // Whether the Go key and elem types hold pointers (t.Key.PtrBytes != 0, t.Elem.PtrBytes != 0).
  // The model's keys and elems are words; these say which Go types they stand for, since Go
  // clears memory only for the GC's sake: mapdelete clears a key only if it holds pointers (the
  // elem always), and evacuate clears an old bucket's keys, elems and overflow link only if the
  // bucket type holds pointers. The default is a map[string]*T, a service's usual map; both
  // false is a map[int64]int64, whose evacuated buckets keep their keys and overflow chains.
  bool keys_hold_pointers = true;
  bool elems_hold_pointers = true;

  static uint64_t DefaultHash(uint64_t key, uint32_t seed) {
    uint64_t x = key ^ (uint64_t{seed} * 0x9e3779b97f4a7c15ULL);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
};

// Cells: cells per bucket. Go has 8 (bucketCnt), the default, and every use outside the model
// checker keeps it. The protocol tests of a growth use 2 or 4: every code path of the map stays
// (the same fields, flags, evacuation marks and growth triggers, the load factor still 13/16 of
// the cells), but an evacuation moves fewer cells, and the number of executions of two threads
// racing through one falls from beyond reach to thousands (docs/verification.md).
template <GoMapBackend B, class K, class V, int Cells = bucketCnt>
requires(std::is_integral_v<K> || std::is_pointer_v<K>) class GoMap {
  static_assert(Cells == 2 || Cells == 4 || Cells == 8, "cells per bucket: 2, 4 or Go's 8");

 public:
  using Bucket = go_map::Bucket<B, K, V, Cells>;
  // Shadows go_map::bucketCnt in the member functions, which are written with Go's name.
  static constexpr int bucketCnt = Cells;

  explicit GoMap(GoMapConfig config = {})
      : hasher_(config.hasher),
        atomic_flag_(config.atomic_writing_flag),
        keys_hold_pointers_(config.keys_hold_pointers),
        bucket_holds_pointers_(config.keys_hold_pointers || config.elems_hold_pointers),
        hash0_(config.seed, "hmap.hash0") {
    // makemap (305): the smallest B that holds hint entries; buckets allocated eagerly if B > 0.
    uint8_t b = 0;
    while (go_map::overLoadFactor(config.hint, b, Cells)) ++b;
    B_.store(b);
    if (b != 0) buckets_.store(NewBuckets(b));
  }
  GoMap(const GoMap&) = delete;
  GoMap& operator=(const GoMap&) = delete;

  // v, ok := m[k]
  bool Load(K key, V* value) {
    Var<V>* elem = Access(key, /*check_flags=*/true);
    if (elem == nullptr) return false;
    if (value != nullptr) *value = elem->load();
    return true;
  }
  // m[k] = v: the value is stored after mapassign has cleared hashWriting, as Go compiles it.
  void Store(K key, V value) { Assign(key)->store(value); }
  // delete(m, k)
  void Delete(K key);
  // clear(m)
  void Clear();
  // len(m): reads count directly, with no flag check (as Go's len).
  int64_t Len() const { return count_.load(); }
  // for k, v := range m { if !f(k, v) { break } }
  template <class F>
  void Range(F&& f);

  // What a Go program without synchronisation writes for the rest of the common map API: the
  // reads and writes are separate map operations, so none of these is atomic.
  bool LoadOrStore(K key, V value, V* actual) {
    if (Load(key, actual)) return true;
    Store(key, value);
    if (actual != nullptr) *actual = value;
    return false;
  }
  bool LoadAndDelete(K key, V* value) {
    if (!Load(key, value)) return false;
    Delete(key);
    return true;
  }
  bool Swap(K key, V value, V* previous) {
    const bool loaded = Load(key, previous);
    Store(key, value);
    return loaded;
  }
  bool CompareAndSwap(K key, V old_value, V new_value) {
    V current{};
    if (!Load(key, &current) || current != old_value) return false;
    Store(key, new_value);
    return true;
  }
  bool CompareAndDelete(K key, V old_value) {
    V current{};
    if (!Load(key, &current) || current != old_value) return false;
    Delete(key);
    return true;
  }

  // Introspection for tests: the growth state.
  uint8_t BucketsLog2() const { return B_.load(); }
  bool Growing() const { return oldbuckets_.load() != nullptr; }
  bool SameSizeGrowing() { return (ReadFlags() & go_map::sameSizeGrow) != 0; }
  uint16_t OverflowBuckets() const { return noverflow_.load(); }
  uint8_t Flags() const { return flags_.load(); }

  // Bytes reachable from the map, as Go's collector would keep them: the hmap, the bucket array,
  // the old array while growing, and every overflow bucket chained from either. (The arena
  // holds more: arrays a finished growth left behind, which Go would collect.)
  size_t LiveBytes();

  // Keys in live cells of buckets the map no longer reaches (neither the bucket array and its
  // overflow chains nor, during a growth, the old array's): writes that landed where no lookup
  // will find them (claim C4). Always empty for a map used by one thread at a time.
  std::vector<K> StrandedKeys();

  // The main bucket `i` of the bucket array (or, while growing, of the old one) as memory holds
  // it, evacuated or not: what the GC clears and a racing reader may still find there.
  struct RawBucket {
    std::vector<uint8_t> tophash;
    std::vector<K> keys;
    std::vector<V> elems;
    bool overflow_linked = false;
  };
  RawBucket RawMainBucket(bool old, uintptr_t i);

  // "" when every invariant of the header holds, otherwise the first one violated.
  std::string CheckInvariants();
  std::string Dump();

 private:
  template <class T>
  using Var = typename B::template Var<T>;

  // flags as a read-only operation reads it (see "Reads of flags" above).
  uint8_t ReadFlags() { return B::AtomicLoad8(flags_); }

  uint64_t Hash(K key) const { return hasher_(ToWord(key), hash0_.load()); }
  static uint64_t ToWord(K key) {
    if constexpr (std::is_pointer_v<K>) {
      const uintptr_t address = reinterpret_cast<uintptr_t>(key);
      return address;
    } else {
      return static_cast<uint64_t>(key);
    }
  }
  // Go's fastrand for re-seeding: derived from the old seed so executions are reproducible.
  static uint32_t NextSeed(uint32_t seed) {
    return static_cast<uint32_t>(GoMapConfig::DefaultHash(seed, 0x5bd1e995));
  }

  Bucket* NewBuckets(uint8_t b) { return arena_.NewArray<Bucket>(go_map::bucketShift(b)); }
  // What Go's runtime does when racy reads leave it writing through a nil bucket pointer.
  static constexpr const char* kNilBucket =
      "invalid memory address or nil pointer dereference (model: a racy read left an evacuation "
      "destination unset)";
  // &array[i]. Under the checker a racy read can pair a new B with an old buckets pointer, and
  // Go would then read past the array: that is reported as the Go runtime's crash, whatever the
  // allocator placed after the array.
  Bucket* BucketAt(Bucket* array, uintptr_t i) {
    if constexpr (B::kCheckBounds) {
      if (array == nullptr || (i + 1) * sizeof(Bucket) > arena_.ArrayBytes(array)) {
        B::Fatal("unexpected fault address (model: a racy read indexed past a bucket array)");
      }
    }
    return array + i;
  }
  uintptr_t NOldBuckets() {
    uintptr_t oldB = B_.load();
    if (!SameSizeGrowing()) --oldB;
    return go_map::bucketShift(static_cast<uint8_t>(oldB));
  }
  uintptr_t OldBucketMask() { return NOldBuckets() - 1; }
  // overLoadFactor(h.count+1, h.B) and tooManyOverflowBuckets(h.noverflow, h.B), reading the
  // fields left to right as Go evaluates the arguments.
  bool OverLoadFactorAfterInsert() {
    const int64_t count = count_.load();
    return go_map::overLoadFactor(count + 1, B_.load(), Cells);
  }
  bool TooManyOverflowBuckets() {
    const uint16_t noverflow = noverflow_.load();
    return go_map::tooManyOverflowBuckets(noverflow, B_.load());
  }

  // mapaccess2 / mapaccessK: the elem of `key`, or nullptr.
  Var<V>* Access(K key, bool check_flags, Var<K>** key_slot = nullptr);
  // mapassign: the elem to store the value into.
  Var<V>* Assign(K key);
  Bucket* NewOverflow(Bucket* b);
  void HashGrow();
  void GrowWork(uintptr_t bucket);
  void Evacuate(uintptr_t oldbucket);
  void AdvanceEvacuationMark(uintptr_t newbit);
  bool BucketEvacuated(uintptr_t bucket) {
    return go_map::evacuated(BucketAt(oldbuckets_.load(), bucket));
  }
  std::string CheckChain(Bucket* b, uintptr_t index, uintptr_t mask, int64_t* live);

  // The writer's side of the hashWriting protocol: Go's plain one, or the atomic variant.
  void BeginWrite();
  void EndWrite();

  uint64_t (*hasher_)(uint64_t, uint32_t);
  bool atomic_flag_;
  bool keys_hold_pointers_;
  bool bucket_holds_pointers_;  // t.Bucket.PtrBytes != 0 (the overflow link is then a pointer)
  Arena arena_;
  // hmap (map.go:117-129). All plain fields.
  // Named after hmap's fields, so a counterexample says "data race on var hmap.flags".
  Var<int64_t> count_{0, "hmap.count"};
  Var<uint8_t> flags_{0, "hmap.flags"};
  Var<uint8_t> B_{0, "hmap.B"};
  Var<uint16_t> noverflow_{0, "hmap.noverflow"};
  Var<uint32_t> hash0_;
  Var<Bucket*> buckets_{nullptr, "hmap.buckets"};
  Var<Bucket*> oldbuckets_{nullptr, "hmap.oldbuckets"};
  Var<uintptr_t> nevacuate_{0, "hmap.nevacuate"};
};

}  // namespace models::go_map

namespace models {
using go_map::GoMap;
using go_map::GoMapBackend;
using go_map::GoMapConfig;
}  // namespace models

#include "models/go_map/go_map_impl.h"           // IWYU pragma: export
#include "models/go_map/go_map_introspection.h"  // IWYU pragma: export
