// LockedMap: the first fix people reach for: every operation of a GoMap under one mutex.
// Correct by construction: the mutex orders every access to the map's plain fields, so neither
// Go's detection nor a race can happen, and each operation is atomic.
//
// The options exist for the mutants (models/mutants/mutants.h): Range iterating outside the
// lock, and a LoadOrStore written as a locked Load followed by a locked Store.
#pragma once

#include <cstdint>
#include <string>

#include "models/backend/backend.h"
#include "models/go_map/go_map.h"

namespace models {

struct LockedMapOptions {
  bool range_under_lock = true;
  bool atomic_load_or_store = true;
};

template <GoMapBackend B, class K, class V>
class LockedMap {
 public:
  explicit LockedMap(GoMapConfig config = {}, LockedMapOptions options = {})
      : options_(options), map_(config) {}

  bool Load(K key, V* value) {
    Guard g(mu_);
    return map_.Load(key, value);
  }
  void Store(K key, V value) {
    Guard g(mu_);
    map_.Store(key, value);
  }
  bool LoadOrStore(K key, V value, V* actual) {
    if (!options_.atomic_load_or_store) {
      // The mutant: check, unlock, act. Two callers can both miss and both store.
      B::Note("split LoadOrStore");  // mutant-site: locked_map_split_load_or_store
      if (Load(key, actual)) return true;
      Store(key, value);
      if (actual != nullptr) *actual = value;
      return false;
    }
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
    if (!options_.range_under_lock) {
      B::Note("Range without the lock");  // mutant-site: locked_map_range_unlocked
      map_.Range(f);
      return;
    }
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

  // The inner map's invariants, under the lock (for tests).
  std::string CheckInvariants() {
    Guard g(mu_);
    return map_.CheckInvariants();
  }

 private:
  using Guard = ScopedLock<typename B::Mutex>;

  LockedMapOptions options_;
  typename B::Mutex mu_;
  GoMap<B, K, V> map_;
};

}  // namespace models
