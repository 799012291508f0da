// LockedMap: the first fix people reach for: every operation of a GoMap under one mutex.
// Correct by construction: the mutex orders every access to the map's plain fields, so neither
// Go's detection nor a race can happen, and each operation is atomic.
#pragma once

#include <cstdint>

#include "models/backend/backend.h"
#include "models/go_map/go_map.h"

namespace models {

template <GoMapBackend B, class K, class V>
class LockedMap {
 public:
  explicit LockedMap(GoMapConfig config = {}) : map_(config) {}

  bool Load(K key, V* value) {
    Guard g(mu_);
    return map_.Load(key, value);
  }
  void Store(K key, V value) {
    Guard g(mu_);
    map_.Store(key, value);
  }
  bool LoadOrStore(K key, V value, V* actual) {
    Guard g(mu_);
    return map_.LoadOrStore(key, value, actual);
  }
  bool LoadAndDelete(K key, V* value) {
    Guard g(mu_);
    return map_.LoadAndDelete(key, value);
  }
  void Delete(K key) {
    Guard g(mu_);
    map_.Delete(key);
  }
  bool Swap(K key, V value, V* previous) {
    Guard g(mu_);
    return map_.Swap(key, value, previous);
  }
  bool CompareAndSwap(K key, V old_value, V new_value) {
    Guard g(mu_);
    return map_.CompareAndSwap(key, old_value, new_value);
  }
  bool CompareAndDelete(K key, V old_value) {
    Guard g(mu_);
    return map_.CompareAndDelete(key, old_value);
  }
  // Holds the lock for the whole iteration: f must not call back into this map.
  template <class F>
  void Range(F&& f) {
    Guard g(mu_);
    map_.Range(f);
  }
  int64_t Len() {
    Guard g(mu_);
    return map_.Len();
  }
  void Clear() {
    Guard g(mu_);
    map_.Clear();
  }

 private:
  // A scoped lock without <mutex>: models take every primitive from the backend.
  class Guard {
   public:
    explicit Guard(typename B::Mutex& mu) : mu_(mu) { mu_.lock(); }
    ~Guard() { mu_.unlock(); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

   private:
    typename B::Mutex& mu_;
  };

  typename B::Mutex mu_;
  GoMap<B, K, V> map_;
};

}  // namespace models
