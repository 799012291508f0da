// ShardedMap: N LockedMaps, a key's shard chosen by FNV-1a over its bytes (as the incident
// write-up's 256-shard map does). Each operation on one key is atomic; Len and Range visit the
// shards one after another, each under its own lock, so they are not snapshots of the whole map.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "models/fixes/locked_map.h"

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

template <GoMapBackend B, class K, class V, size_t Shards = 256>
class ShardedMap {
 public:
  static_assert(Shards > 0);

  explicit ShardedMap(GoMapConfig config = {}) {
    for (auto& s : shards_) s = new LockedMap<B, K, V>(config);
  }
  ~ShardedMap() {
    for (auto* s : shards_) delete s;
  }
  ShardedMap(const ShardedMap&) = delete;
  ShardedMap& operator=(const ShardedMap&) = delete;

  static size_t ShardOf(K key) {
    unsigned char bytes[sizeof(K)];
    std::memcpy(bytes, &key, sizeof(K));
    return Fnv1a32(bytes, sizeof(K)) % Shards;
  }

  bool Load(K key, V* value) { return Shard(key).Load(key, value); }
  void Store(K key, V value) { Shard(key).Store(key, value); }
  bool LoadOrStore(K key, V value, V* actual) { return Shard(key).LoadOrStore(key, value, actual); }
  bool LoadAndDelete(K key, V* value) { return Shard(key).LoadAndDelete(key, value); }
  void Delete(K key) { Shard(key).Delete(key); }
  bool Swap(K key, V value, V* previous) { return Shard(key).Swap(key, value, previous); }
  bool CompareAndSwap(K key, V old_value, V new_value) {
    return Shard(key).CompareAndSwap(key, old_value, new_value);
  }
  bool CompareAndDelete(K key, V old_value) { return Shard(key).CompareAndDelete(key, old_value); }
  // Shard by shard: a key stored in a shard already visited is missed, one deleted from a shard
  // not yet visited is not seen; never a key twice.
  template <class F>
  void Range(F&& f) {
    bool go_on = true;
    for (auto* s : shards_) {
      if (!go_on) return;
      s->Range([&](K k, V v) { return go_on = f(k, v); });
    }
  }
  // The sum of per-shard counts read at different times: not the size at any one instant.
  int64_t Len() {
    int64_t n = 0;
    for (auto* s : shards_) n += s->Len();
    return n;
  }
  void Clear() {
    for (auto* s : shards_) s->Clear();
  }

 private:
  LockedMap<B, K, V>& Shard(K key) { return *shards_[ShardOf(key)]; }

  std::array<LockedMap<B, K, V>*, Shards> shards_{};
};

}  // namespace models
