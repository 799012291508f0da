// ShardedMap: N GoMaps, each behind its own mutex, a key's shard chosen by FNV-1a over its
// bytes (as the incident write-up's 256-shard map does). Each operation on one key is atomic;
// Len and Range visit the shards one after another, each under its own lock, so they are not
// snapshots of the whole map.
//
// The option exists for a mutant (models/mutants/mutants.h): the lock chosen by the raw key
// modulo N while the map is chosen by the hash, as when a refactoring updates one of the two
// index computations; two keys of one shard can then hold different locks.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "models/backend/backend.h"
#include "models/go_map/go_map.h"

namespace models {

// FNV-1a, 32 bits, over `size` bytes.
inline uint32_t Fnv1a32(const void* data, size_t size) {
  uint32_t h = 0x811c9dc5U;
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 0x01000193U;
  }
  return h;
}

struct ShardedMapOptions {
  bool lock_by_hash = true;
};

template <GoMapBackend B, class K, class V, size_t Shards = 256>
class ShardedMap {
 public:
  static_assert(Shards > 0);

  explicit ShardedMap(GoMapConfig config = {}, ShardedMapOptions options = {}) : options_(options) {
    for (auto& s : shards_) s = std::make_unique<Shard>(config);
  }

  static size_t ShardOf(K key) {
    unsigned char bytes[sizeof(K)];
    std::memcpy(bytes, &key, sizeof(K));
    return Fnv1a32(bytes, sizeof(K)) % Shards;
  }

  bool Load(K key, V* value) {
    return With(key, [&](GoMap<B, K, V>& m) { return m.Load(key, value); });
  }
  void Store(K key, V value) {
    With(key, [&](GoMap<B, K, V>& m) { m.Store(key, value); });
  }
  bool LoadOrStore(K key, V value, V* actual) {
    return With(key, [&](GoMap<B, K, V>& m) { return m.LoadOrStore(key, value, actual); });
  }
  bool LoadAndDelete(K key, V* value) {
    return With(key, [&](GoMap<B, K, V>& m) { return m.LoadAndDelete(key, value); });
  }
  void Delete(K key) {
    With(key, [&](GoMap<B, K, V>& m) { m.Delete(key); });
  }
  bool Swap(K key, V value, V* previous) {
    return With(key, [&](GoMap<B, K, V>& m) { return m.Swap(key, value, previous); });
  }
  bool CompareAndSwap(K key, V old_value, V new_value) {
    return With(key,
                [&](GoMap<B, K, V>& m) { return m.CompareAndSwap(key, old_value, new_value); });
  }
  bool CompareAndDelete(K key, V old_value) {
    return With(key, [&](GoMap<B, K, V>& m) { return m.CompareAndDelete(key, old_value); });
  }
  // Shard by shard: a key stored in a shard already visited is missed, one deleted from a shard
  // not yet visited is not seen; never a key twice. Holds one shard's lock at a time: f must
  // not call back into this map.
  template <class F>
  void Range(F&& f) {
    bool go_on = true;
    for (auto& s : shards_) {
      if (!go_on) return;
      Guard g(s->mu);
      s->map.Range([&](K k, V v) { return go_on = f(k, v); });
    }
  }
  // The sum of per-shard counts read at different times: not the size at any one instant.
  int64_t Len() {
    int64_t n = 0;
    for (auto& s : shards_) {
      Guard g(s->mu);
      n += s->map.Len();
    }
    return n;
  }
  void Clear() {
    for (auto& s : shards_) {
      Guard g(s->mu);
      s->map.Clear();
    }
  }

  // Every shard's invariants (for tests).
  std::string CheckInvariants() {
    for (auto& s : shards_) {
      Guard g(s->mu);
      if (std::string e = s->map.CheckInvariants(); !e.empty()) return e;
    }
    return "";
  }

 private:
  using Guard = ScopedLock<typename B::Mutex>;
  struct Shard {
    explicit Shard(GoMapConfig config) : map(config) {}
    typename B::Mutex mu;
    GoMap<B, K, V> map;
  };

  // The key's bytes as an integer: the mutant's lock index.
  static size_t RawIndex(K key) {
    uint64_t raw = 0;
    std::memcpy(&raw, &key, sizeof(K) < sizeof(raw) ? sizeof(K) : sizeof(raw));
    return raw % Shards;
  }

  // f(the key's shard map), under the key's shard lock.
  template <class F>
  auto With(K key, F&& f) {
    const size_t lock = options_.lock_by_hash ? ShardOf(key) : RawIndex(key);
    Guard g(shards_[lock]->mu);  // mutant-site: sharded_map_lock_by_raw_key
    return f(shards_[ShardOf(key)]->map);
  }

  ShardedMapOptions options_;
  std::array<std::unique_ptr<Shard>, Shards> shards_;
};

}  // namespace models
