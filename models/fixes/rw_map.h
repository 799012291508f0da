// RWMap: a GoMap behind Go's RWMutex: reads (Load, Range, Len) under RLock, everything else
// under Lock. `writes_under_read_lock` is the mutant's bug: writers take the read lock.
#pragma once

#include <cstdint>
#include <string>

#include "models/fixes/go_rwmutex.h"
#include "models/go_map/go_map.h"

namespace models {

struct RWMapOptions {
  bool writes_under_read_lock = false;  // the mutant
};

template <GoMapBackend B, class K, class V>
class RWMap {
 public:
  explicit RWMap(GoMapConfig config = {}, RWMapOptions options = {})
      : options_(options), map_(config) {}

  bool Load(K key, V* value) {
    Read r(mu_);
    return map_.Load(key, value);
  }
  int64_t Len() {
    Read r(mu_);
    return map_.Len();
  }
  template <class F>
  void Range(F&& f) {
    Read r(mu_);
    map_.Range(f);
  }
  void Store(K key, V value) {
    Write w(*this);
    map_.Store(key, value);
  }
  void Delete(K key) {
    Write w(*this);
    map_.Delete(key);
  }
  bool LoadOrStore(K key, V value, V* actual) {
    Write w(*this);
    return map_.LoadOrStore(key, value, actual);
  }
  bool LoadAndDelete(K key, V* value) {
    Write w(*this);
    return map_.LoadAndDelete(key, value);
  }
  bool Swap(K key, V value, V* previous) {
    Write w(*this);
    return map_.Swap(key, value, previous);
  }
  bool CompareAndSwap(K key, V old_value, V new_value) {
    Write w(*this);
    return map_.CompareAndSwap(key, old_value, new_value);
  }
  bool CompareAndDelete(K key, V old_value) {
    Write w(*this);
    return map_.CompareAndDelete(key, old_value);
  }
  void Clear() {
    Write w(*this);
    map_.Clear();
  }

  // The inner map's invariants, under the write lock (for tests).
  std::string CheckInvariants() {
    Write w(*this);
    return map_.CheckInvariants();
  }

 private:
  class Read {
   public:
    explicit Read(GoRWMutex<B>& mu) : mu_(mu) { mu_.RLock(); }
    ~Read() { mu_.RUnlock(); }
    Read(const Read&) = delete;
    Read& operator=(const Read&) = delete;

   private:
    GoRWMutex<B>& mu_;
  };
  class Write {
   public:
    explicit Write(RWMap& m) : m_(m) {
      if (m_.options_.writes_under_read_lock) {
        B::Note("write under RLock");  // mutant-site: rw_map_writes_under_read_lock
        m_.mu_.RLock();
      } else {
        m_.mu_.Lock();
      }
    }
    ~Write() {
      if (m_.options_.writes_under_read_lock) {
        m_.mu_.RUnlock();
      } else {
        m_.mu_.Unlock();
      }
    }
    Write(const Write&) = delete;
    Write& operator=(const Write&) = delete;

   private:
    RWMap& m_;
  };

  RWMapOptions options_;
  GoRWMutex<B> mu_;
  GoMap<B, K, V> map_;
};

}  // namespace models
