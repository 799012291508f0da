// GoMap's introspection for tests and tools: CheckInvariants (and CheckChain), Dump, LiveBytes
// and StrandedKeys. Included by go_map.h after go_map_impl.h; not a header of its own.
#pragma once

#include <cstdint>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "models/go_map/go_map_impl.h"

namespace models::go_map {

MC_GO_MAP_TEMPLATE
std::string GoMap<B, K, V, Cells>::CheckChain(Bucket* b, uintptr_t index, uintptr_t mask,
                                              int64_t* live) {
  std::ostringstream err;
  bool rest = false;
  uint8_t previous = emptyRest;
  for (int depth = 0; b != nullptr; b = b->overflow.load(), ++depth) {
    for (int i = 0; i < bucketCnt; ++i) {
      const uint8_t h = b->tophash[i].load();
      if (rest && h != emptyRest) {
        err << "bucket " << index << " (overflow " << depth << ") cell " << i << ": tophash "
            << int{h} << " after an emptyRest";
        return err.str();
      }
      if (h == emptyRest && previous == emptyOne) {
        err << "bucket " << index << " (overflow " << depth << ") cell " << i
            << ": emptyRest right after an emptyOne (delete should have back-filled it)";
        return err.str();
      }
      if (h >= evacuatedX && h < minTopHash) {
        err << "bucket " << index << " cell " << i << ": evacuation mark " << int{h}
            << " in a bucket that is not evacuated";
        return err.str();
      }
      if (h >= minTopHash) {
        ++*live;
        const uint64_t hash = Hash(b->keys[i].load());
        if ((hash & mask) != index || tophash(hash) != h) {
          err << "bucket " << index << " cell " << i << ": key " << ToWord(b->keys[i].load())
              << " belongs in bucket " << (hash & mask) << " with tophash " << int{tophash(hash)}
              << ", has tophash " << int{h};
          return err.str();
        }
      }
      rest = rest || h == emptyRest;
      previous = h;
    }
  }
  return "";
}

MC_GO_MAP_TEMPLATE
std::vector<K> GoMap<B, K, V, Cells>::StrandedKeys() {
  std::unordered_set<const Bucket*> reached;
  auto reach = [&](Bucket* array, uintptr_t n) {
    if (array == nullptr) return;
    for (uintptr_t i = 0; i < n; ++i) {
      for (Bucket* c = array + i; c != nullptr; c = c->overflow.load()) reached.insert(c);
    }
  };
  Bucket* const buckets = buckets_.load();
  reach(buckets, bucketShift(B_.load()));
  if (oldbuckets_.load() != nullptr) reach(oldbuckets_.load(), NOldBuckets());
  std::vector<K> stranded;
  arena_.ForEachArray([&](const void* begin, size_t bytes) {
    if (bytes % sizeof(Bucket) != 0) return;  // not a bucket array
    auto* array = static_cast<Bucket*>(const_cast<void*>(begin));
    for (size_t i = 0; i < bytes / sizeof(Bucket); ++i) {
      Bucket* b = array + i;
      if (reached.count(b) != 0) continue;
      for (int j = 0; j < bucketCnt; ++j) {
        if (b->tophash[j].load() >= minTopHash) stranded.push_back(b->keys[j].load());
      }
    }
  });
  return stranded;
}

MC_GO_MAP_TEMPLATE
size_t GoMap<B, K, V, Cells>::LiveBytes() {
  // Go's hmap: count, flags, B, noverflow, hash0, buckets, oldbuckets, nevacuate, extra.
  size_t bytes = 48;
  auto add_array = [&](Bucket* array, uintptr_t n) {
    if (array == nullptr) return;
    bytes += n * sizeof(Bucket);
    for (uintptr_t i = 0; i < n; ++i) {
      for (Bucket* c = array[i].overflow.load(); c != nullptr; c = c->overflow.load()) {
        bytes += sizeof(Bucket);
      }
    }
  };
  Bucket* const buckets = buckets_.load();
  add_array(buckets, bucketShift(B_.load()));
  if (oldbuckets_.load() != nullptr) add_array(oldbuckets_.load(), NOldBuckets());
  return bytes;
}

MC_GO_MAP_TEMPLATE
std::string GoMap<B, K, V, Cells>::CheckInvariants() {
  if ((flags_.load() & hashWriting) != 0) return "hashWriting is set between operations";
  Bucket* buckets = buckets_.load();
  if (buckets == nullptr) {
    return count_.load() == 0 ? "" : "count is not 0 but there are no buckets";
  }
  int64_t live = 0;
  const uintptr_t n = bucketShift(B_.load());
  for (uintptr_t i = 0; i < n; ++i) {
    if (std::string e = CheckChain(BucketAt(buckets, i), i, n - 1, &live); !e.empty()) return e;
  }
  if (Bucket* old = oldbuckets_.load(); old != nullptr) {
    const uintptr_t oldn = NOldBuckets();
    if (nevacuate_.load() > oldn) return "nevacuate is past the old bucket count";
    for (uintptr_t i = 0; i < oldn; ++i) {
      Bucket* b = BucketAt(old, i);
      if (evacuated(b)) {
        for (Bucket* c = b; c != nullptr; c = c->overflow.load()) {
          for (int j = 0; j < bucketCnt; ++j) {
            const uint8_t h = c->tophash[j].load();
            if (h < evacuatedX || h > evacuatedEmpty) {
              return "old bucket " + std::to_string(i) + " is evacuated but cell " +
                     std::to_string(j) + " has tophash " + std::to_string(h);
            }
          }
        }
        continue;
      }
      if (i < nevacuate_.load()) {
        return "old bucket " + std::to_string(i) + " is below nevacuate " +
               std::to_string(nevacuate_.load()) + " but not evacuated";
      }
      if (std::string e = CheckChain(b, i, oldn - 1, &live); !e.empty()) return "old " + e;
    }
  }
  if (live != count_.load()) {
    return "count is " + std::to_string(count_.load()) + " but " + std::to_string(live) +
           " cells are filled";
  }
  return "";
}

MC_GO_MAP_TEMPLATE
typename GoMap<B, K, V, Cells>::RawBucket GoMap<B, K, V, Cells>::RawMainBucket(bool old,
                                                                               uintptr_t i) {
  Bucket* const array = old ? oldbuckets_.load() : buckets_.load();
  const uintptr_t n = old ? NOldBuckets() : bucketShift(B_.load());
  if (array == nullptr || i >= n) throw std::out_of_range("RawMainBucket: no such bucket");
  Bucket* b = BucketAt(array, i);
  RawBucket raw;
  for (int j = 0; j < bucketCnt; ++j) {
    raw.tophash.push_back(b->tophash[j].load());
    raw.keys.push_back(b->keys[j].load());
    raw.elems.push_back(b->elems[j].load());
  }
  raw.overflow_linked = b->overflow.load() != nullptr;
  return raw;
}

MC_GO_MAP_TEMPLATE
std::string GoMap<B, K, V, Cells>::Dump() {
  std::ostringstream out;
  out << "hmap{count=" << count_.load() << " flags=" << int{flags_.load()}
      << " B=" << int{B_.load()} << " noverflow=" << noverflow_.load()
      << " nevacuate=" << nevacuate_.load() << (Growing() ? " growing" : "") << "}\n";
  auto dump = [&](const char* name, Bucket* array, uintptr_t n) {
    for (uintptr_t i = 0; i < n; ++i) {
      out << "  " << name << "[" << i << "]";
      for (Bucket* b = BucketAt(array, i); b != nullptr; b = b->overflow.load()) {
        out << " |";
        for (int j = 0; j < bucketCnt; ++j) {
          const uint8_t h = b->tophash[j].load();
          out << " ";
          if (h >= minTopHash) {
            out << ToWord(b->keys[j].load());
          } else {
            static const char* kStates[] = {"_", "x", "eX", "eY", "eE"};
            out << kStates[h];
          }
        }
      }
      out << "\n";
    }
  };
  if (Bucket* buckets = buckets_.load(); buckets != nullptr) {
    dump("buckets", buckets, bucketShift(B_.load()));
  }
  if (Bucket* old = oldbuckets_.load(); old != nullptr) dump("oldbuckets", old, NOldBuckets());
  return out.str();
}

#undef MC_GO_MAP_TEMPLATE

}  // namespace models::go_map
