// The operations of GoMap, each following the Go 1.22 function it names (runtime/map.go).
// Included by go_map.h; not a header of its own. The tests' introspection (invariants, dump,
// memory, stranded keys) is in go_map_introspection.h.
#pragma once

#include <cstdint>
#include <set>
#include <sstream>
#include <string>

#include "models/go_map/go_map.h"

namespace models::go_map {

#define MC_GO_MAP_TEMPLATE                               \
  template <GoMapBackend B, class K, class V, int Cells> \
  requires(std::is_integral_v<K> || std::is_pointer_v<K>)

// mapaccess2 (map.go:457-516); with check_flags false it is mapaccessK (519-560), which the
// iterator uses and which does not check hashWriting.
MC_GO_MAP_TEMPLATE
typename GoMap<B, K, V, Cells>::template Var<V>* GoMap<B, K, V, Cells>::Access(K key,
                                                                               bool check_flags,
                                                                               Var<K>** key_slot) {
  if (count_.load() == 0) return nullptr;  // an empty map never checks the flag
  if (check_flags && (ReadFlags() & hashWriting) != 0) {
    B::Fatal("concurrent map read and map write");
  }
  const uint64_t hash = Hash(key);
  uintptr_t m = bucketMask(B_.load());
  Bucket* b = BucketAt(buckets_.load(), hash & m);
  if (Bucket* c = oldbuckets_.load(); c != nullptr) {
    if (!SameSizeGrowing()) m >>= 1;  // there used to be half as many buckets
    Bucket* oldb = BucketAt(c, hash & m);
    if (!evacuated(oldb)) b = oldb;
  }
  const uint8_t top = tophash(hash);
  for (; b != nullptr; b = b->overflow.load()) {
    for (int i = 0; i < bucketCnt; ++i) {
      const uint8_t h = b->tophash[i].load();
      if (h != top) {
        if (h == emptyRest) return nullptr;
        continue;
      }
      if (b->keys[i].load() == key) {
        if (key_slot != nullptr) *key_slot = &b->keys[i];
        return &b->elems[i];
      }
    }
  }
  return nullptr;
}

// mapassign (map.go:579-694).
MC_GO_MAP_TEMPLATE
typename GoMap<B, K, V, Cells>::template Var<V>* GoMap<B, K, V, Cells>::Assign(K key) {
  if (!atomic_flag_ && (flags_.load() & hashWriting) != 0) B::Fatal("concurrent map writes");
  const uint64_t hash = Hash(key);
  // Set hashWriting after calling the hasher, since it may panic (in Go), in which case we have
  // not actually done a write.
  BeginWrite();
  if (buckets_.load() == nullptr) buckets_.store(NewBuckets(0));

  Var<V>* elem = nullptr;
again:
  const uintptr_t bucket = hash & bucketMask(B_.load());
  if (Growing()) GrowWork(bucket);
  Bucket* b = BucketAt(buckets_.load(), bucket);
  const uint8_t top = tophash(hash);
  Var<uint8_t>* inserti = nullptr;
  Var<K>* insertk = nullptr;
  for (;;) {  // bucketloop
    bool found = false;
    bool rest = false;
    for (int i = 0; i < bucketCnt && !found && !rest; ++i) {
      const uint8_t h = b->tophash[i].load();
      if (h != top) {
        if (isEmpty(h) && inserti == nullptr) {
          inserti = &b->tophash[i];
          insertk = &b->keys[i];
          elem = &b->elems[i];
        }
        rest = h == emptyRest;  // break bucketloop
        continue;
      }
      if (b->keys[i].load() != key) continue;
      elem = &b->elems[i];  // already have a mapping for key
      found = true;
    }
    if (found) goto done;
    if (rest) break;
    Bucket* ovf = b->overflow.load();
    if (ovf == nullptr) break;
    b = ovf;
  }

  // Did not find mapping for key. Allocate new cell & add entry. If we hit the max load factor
  // or we have too many overflow buckets, and we're not already in the middle of growing,
  // start growing.
  // (Each field read gets its own statement, in Go's left-to-right order: C++ leaves the order of
  // function arguments unspecified, and the reads are events the checker orders.)
  if (!Growing() && (OverLoadFactorAfterInsert() || TooManyOverflowBuckets())) {
    HashGrow();
    goto again;  // growing the table invalidates everything, so try again
  }
  if (inserti == nullptr) {
    // The current bucket and all the overflow buckets connected to it are full.
    Bucket* newb = NewOverflow(b);
    inserti = &newb->tophash[0];
    insertk = &newb->keys[0];
    elem = &newb->elems[0];
  }
  insertk->store(key);
  inserti->store(top);
  count_.store(count_.load() + 1);

done:
  EndWrite();
  return elem;
}

// The writer side of the hashWriting protocol. Go: check at entry (done by the caller), set
// with a plain XOR, check again at exit, clear with a plain AND-NOT.
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::BeginWrite() {
  if (atomic_flag_) {
    if ((B::AtomicOr8(flags_, hashWriting) & hashWriting) != 0) B::Fatal("concurrent map writes");
    return;
  }
  flags_.store(static_cast<uint8_t>(flags_.load() ^ hashWriting));
}

MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::EndWrite() {
  if (atomic_flag_) {
    const auto clear = static_cast<uint8_t>(~hashWriting);
    if ((B::AtomicAnd8(flags_, clear) & hashWriting) == 0) B::Fatal("concurrent map writes");
    return;
  }
  if ((flags_.load() & hashWriting) == 0) B::Fatal("concurrent map writes");
  flags_.store(static_cast<uint8_t>(flags_.load() & ~hashWriting));
}

// mapdelete (map.go:696-810).
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::Delete(K key) {
  if (count_.load() == 0) return;
  if (!atomic_flag_ && (flags_.load() & hashWriting) != 0) B::Fatal("concurrent map writes");
  const uint64_t hash = Hash(key);
  BeginWrite();
  const uintptr_t bucket = hash & bucketMask(B_.load());
  if (Growing()) GrowWork(bucket);
  Bucket* b = BucketAt(buckets_.load(), bucket);
  Bucket* const bOrig = b;
  const uint8_t top = tophash(hash);
  bool stop = false;
  for (; b != nullptr && !stop; b = stop ? b : b->overflow.load()) {
    for (int i = 0; i < bucketCnt; ++i) {
      const uint8_t h = b->tophash[i].load();
      if (h != top) {
        if (h == emptyRest) {
          stop = true;
          break;
        }
        continue;
      }
      if (b->keys[i].load() != key) continue;
      // Only clear key if there are pointers in it; the elem is cleared either way.
      if (keys_hold_pointers_) b->keys[i].store(K{});
      b->elems[i].store(V{});
      b->tophash[i].store(emptyOne);
      // If the bucket now ends in a bunch of emptyOne states, change those to emptyRest states.
      bool last = false;
      if (i == bucketCnt - 1) {
        Bucket* ovf = b->overflow.load();
        last = ovf == nullptr || ovf->tophash[0].load() == emptyRest;
      } else {
        last = b->tophash[i + 1].load() == emptyRest;
      }
      if (last) {
        int j = i;
        Bucket* c = b;
        for (;;) {
          c->tophash[j].store(emptyRest);
          if (j == 0) {
            if (c == bOrig) break;  // beginning of initial bucket, we're done
            // Find previous bucket, continue at its last entry.
            Bucket* prev = bOrig;
            while (prev->overflow.load() != c) prev = prev->overflow.load();
            c = prev;
            j = bucketCnt - 1;
          } else {
            --j;
          }
          if (c->tophash[j].load() != emptyOne) break;
        }
      }
      count_.store(count_.load() - 1);
      // Reset the hash seed to make it more difficult for attackers to repeatedly trigger hash
      // collisions. See issue 25237.
      if (count_.load() == 0) hash0_.store(NextSeed(hash0_.load()));
      stop = true;
      break;
    }
  }
  EndWrite();
}

// mapclear (map.go:989-1051).
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::Clear() {
  if (count_.load() == 0) return;
  if (!atomic_flag_ && (flags_.load() & hashWriting) != 0) B::Fatal("concurrent map writes");
  BeginWrite();
  // Mark buckets empty, so existing iterators can be terminated, see issue #59411.
  auto mark_empty = [this](Bucket* array, uintptr_t mask) {
    for (uintptr_t i = 0; i <= mask; ++i) {
      for (Bucket* b = BucketAt(array, i); b != nullptr; b = b->overflow.load()) {
        for (int j = 0; j < bucketCnt; ++j) b->tophash[j].store(emptyRest);
      }
    }
  };
  Bucket* const buckets = buckets_.load();
  mark_empty(buckets, bucketMask(B_.load()));
  if (Bucket* old = oldbuckets_.load(); old != nullptr) mark_empty(old, OldBucketMask());
  flags_.store(static_cast<uint8_t>(flags_.load() & ~sameSizeGrow));
  oldbuckets_.store(nullptr);
  nevacuate_.store(0);
  noverflow_.store(0);
  count_.store(0);
  hash0_.store(NextSeed(hash0_.load()));
  // makeBucketArray(t, h.B, h.buckets) clears the array for reuse; overflow buckets are dropped.
  Bucket* array = buckets_.load();
  for (uintptr_t i = 0; i < bucketShift(B_.load()); ++i) {
    Bucket* b = BucketAt(array, i);
    for (int j = 0; j < bucketCnt; ++j) {
      b->tophash[j].store(emptyRest);
      b->keys[j].store(K{});
      b->elems[j].store(V{});
    }
    b->overflow.store(nullptr);
  }
  EndWrite();
}

// newoverflow (map.go:247-272) with incrnoverflow (228-244).
MC_GO_MAP_TEMPLATE
typename GoMap<B, K, V, Cells>::Bucket* GoMap<B, K, V, Cells>::NewOverflow(Bucket* b) {
  Bucket* ovf = arena_.template NewArray<Bucket>(1);
  noverflow_.store(static_cast<uint16_t>(noverflow_.load() + 1));
  b->overflow.store(ovf);
  return ovf;
}

// hashGrow (map.go:1053-1094).
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::HashGrow() {
  // If we've hit the load factor, get bigger. Otherwise, there are too many overflow buckets,
  // so keep the same number of buckets and "grow" laterally.
  uint8_t bigger = 1;
  if (!OverLoadFactorAfterInsert()) {
    bigger = 0;
    flags_.store(static_cast<uint8_t>(flags_.load() | sameSizeGrow));
  }
  Bucket* old = buckets_.load();
  Bucket* fresh = NewBuckets(static_cast<uint8_t>(B_.load() + bigger));
  uint8_t flags = static_cast<uint8_t>(flags_.load() & ~(iterator | oldIterator));
  if ((flags_.load() & iterator) != 0) flags = static_cast<uint8_t>(flags | oldIterator);
  // Commit the grow (atomic wrt gc).
  B_.store(static_cast<uint8_t>(B_.load() + bigger));
  flags_.store(flags);
  oldbuckets_.store(old);
  buckets_.store(fresh);
  nevacuate_.store(0);
  noverflow_.store(0);
  // The actual copying of the hash table data is done incrementally by growWork() and
  // evacuate().
}

// growWork (map.go:1145-1154).
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::GrowWork(uintptr_t bucket) {
  // Make sure we evacuate the oldbucket corresponding to the bucket we're about to use.
  Evacuate(bucket & OldBucketMask());
  // Evacuate one more oldbucket to make progress on growing.
  if (Growing()) Evacuate(nevacuate_.load());
}

// evacuate (map.go:1169-1281).
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::Evacuate(uintptr_t oldbucket) {
  Bucket* b = BucketAt(oldbuckets_.load(), oldbucket);
  const uintptr_t newbit = NOldBuckets();
  if (!evacuated(b)) {
    // xy contains the x and y (low and high) evacuation destinations.
    struct EvacDst {
      Bucket* b = nullptr;
      int i = 0;
    } xy[2];
    xy[0].b = BucketAt(buckets_.load(), oldbucket);
    if (!SameSizeGrowing()) xy[1].b = BucketAt(buckets_.load(), oldbucket + newbit);
    for (; b != nullptr; b = b->overflow.load()) {
      for (int i = 0; i < bucketCnt; ++i) {
        const uint8_t top = b->tophash[i].load();
        if (isEmpty(top)) {
          b->tophash[i].store(evacuatedEmpty);
          continue;
        }
        if (top < minTopHash) B::Fatal("bad map state");  // Go: throw
        int useY = 0;
        if (!SameSizeGrowing()) {
          // Compute hash to make our evacuation decision (whether we need to send this
          // key/elem to bucket x or bucket y).
          const uint64_t hash = Hash(b->keys[i].load());
          if ((hash & newbit) != 0) useY = 1;
        }
        b->tophash[i].store(static_cast<uint8_t>(evacuatedX + useY));
        EvacDst& dst = xy[useY];
        // Go reads h.flags again for sameSizeGrow here: a racy read can disagree with the one
        // that left y unset, and Go then writes through y's nil bucket pointer (a SIGSEGV in the
        // runtime). Reported as that crash, not dereferenced.
        if (dst.b == nullptr) B::Fatal(kNilBucket);
        if (dst.i == bucketCnt) {
          dst.b = NewOverflow(dst.b);
          dst.i = 0;
        }
        dst.b->tophash[dst.i].store(top);
        dst.b->keys[dst.i].store(b->keys[i].load());
        dst.b->elems[dst.i].store(b->elems[i].load());
        ++dst.i;
      }
    }
    // Unlink the overflow buckets & clear key/elem to help GC: memclrHasPointers from the old
    // main bucket's keys to its end (keys, elems, the overflow link), only when no old iterator
    // and only when the bucket type holds pointers. The overflow buckets are unlinked, not
    // cleared. Preserve b.tophash because the evacuation state is maintained there.
    if ((flags_.load() & oldIterator) == 0 && bucket_holds_pointers_) {
      Bucket* c = BucketAt(oldbuckets_.load(), oldbucket);
      for (int i = 0; i < bucketCnt; ++i) c->keys[i].store(K{});
      for (int i = 0; i < bucketCnt; ++i) c->elems[i].store(V{});
      c->overflow.store(nullptr);
    }
  }
  if (oldbucket == nevacuate_.load()) AdvanceEvacuationMark(newbit);
}

// advanceEvacuationMark (map.go:1283-1305).
MC_GO_MAP_TEMPLATE
void GoMap<B, K, V, Cells>::AdvanceEvacuationMark(uintptr_t newbit) {
  nevacuate_.store(nevacuate_.load() + 1);
  // Experiments suggest that 1024 is overkill by at least an order of magnitude.
  uintptr_t stop = nevacuate_.load() + 1024;
  if (stop > newbit) stop = newbit;
  while (nevacuate_.load() != stop && BucketEvacuated(nevacuate_.load())) {
    nevacuate_.store(nevacuate_.load() + 1);
  }
  if (nevacuate_.load() == newbit) {  // newbit == # of oldbuckets
    // Growing is all done. Free old main bucket array.
    oldbuckets_.store(nullptr);
    flags_.store(static_cast<uint8_t>(flags_.load() & ~sameSizeGrow));
  }
}

// mapiterinit + mapiternext (map.go:816-987), driving f(key, value) until it returns false.
MC_GO_MAP_TEMPLATE
template <class F>
void GoMap<B, K, V, Cells>::Range(F&& f) {
  if (count_.load() == 0) return;
  // hiter
  const uint8_t itB = B_.load();
  Bucket* const itBuckets = buckets_.load();
  // Decide where to start (Go: a random bucket and a random offset within it).
  const uint64_t r = GoMapConfig::DefaultHash(hash0_.load(), itB);
  const uintptr_t startBucket = r & bucketMask(itB);
  const auto offset = static_cast<int>((r >> itB) & (bucketCnt - 1));
  // Remember we have an iterator; can run concurrently with another mapiterinit().
  if (const uint8_t old = ReadFlags();
      (old & (iterator | oldIterator)) != (iterator | oldIterator)) {
    (void)B::AtomicOr8(flags_, static_cast<uint8_t>(iterator | oldIterator));
  }
  uintptr_t bucket = startBucket;
  bool wrapped = false;
  Bucket* b = nullptr;
  int i = 0;
  uintptr_t checkBucket = noCheck;
  for (;;) {  // one mapiternext per iteration
    if ((ReadFlags() & hashWriting) != 0) B::Fatal("concurrent map iteration and map write");
    bool found = false;
    K key{};
    V value{};
    while (!found) {
      if (b == nullptr) {
        if (bucket == startBucket && wrapped) return;  // end of iteration
        if (Growing() && itB == B_.load()) {
          // Iterator was started in the middle of a grow, and the grow isn't done yet. If the
          // bucket we're looking at hasn't been filled in yet (i.e. the old bucket hasn't been
          // evacuated) then we need to iterate through the old bucket and only return the ones
          // that will be migrated to this bucket.
          const uintptr_t oldbucket = bucket & OldBucketMask();
          b = BucketAt(oldbuckets_.load(), oldbucket);
          if (!evacuated(b)) {
            checkBucket = bucket;
          } else {
            b = BucketAt(itBuckets, bucket);
            checkBucket = noCheck;
          }
        } else {
          b = BucketAt(itBuckets, bucket);
          checkBucket = noCheck;
        }
        ++bucket;
        if (bucket == bucketShift(itB)) {
          bucket = 0;
          wrapped = true;
        }
        i = 0;
      }
      for (; i < bucketCnt && !found; ++i) {
        const int offi = (i + offset) & (bucketCnt - 1);
        const uint8_t h = b->tophash[offi].load();
        if (isEmpty(h) || h == evacuatedEmpty) continue;
        const K k = b->keys[offi].load();
        if (checkBucket != noCheck && !SameSizeGrowing()) {
          // Special case: iterator was started during a grow to a larger size and the grow is
          // not done yet. Skip the entries that will go to the other new bucket.
          if ((Hash(k) & bucketMask(itB)) != checkBucket) continue;
        }
        if (h != evacuatedX && h != evacuatedY) {
          // This is the golden data, we can return it.
          key = k;
          value = b->elems[offi].load();
          found = true;
        } else {
          // The hash table has grown since the iterator was started. The golden data for this
          // key is now somewhere else. Check the current hash table for the data.
          Var<V>* e = Access(k, /*check_flags=*/false);
          if (e == nullptr) continue;  // key has been deleted
          key = k;
          value = e->load();
          found = true;
        }
      }
      if (!found) {
        b = b->overflow.load();
        i = 0;
      }
    }
    if (!f(key, value)) return;
  }
}

}  // namespace models::go_map
