// CowMap: copy-on-write. The current contents are an immutable GoMap published through an
// atomic pointer: readers load the pointer (acquire) and read the snapshot without a lock;
// writers serialise on a mutex, copy the snapshot, change the copy and publish it (release).
// Old snapshots stay alive until the CowMap is destroyed (readers may still hold them, as Go's
// collector would keep them).
//
// The options exist for the mutants (models/mutants/mutants.h): without the writer lock two writers
// copy the same snapshot and one update is lost; published or read relaxed, a reader may see a
// snapshot's pointer before its contents.
#pragma once

#include <cstdint>

#include "models/backend/arena.h"
#include "models/backend/backend.h"
#include "models/go_map/go_map.h"

namespace models {

struct CowMapOptions {
  bool lock_writers = true;
  memory_order publish = release;  // the writer's store of the new snapshot
  memory_order read = acquire;     // the reader's load of the current snapshot
};

template <GoMapBackend B, class K, class V>
class CowMap {
 public:
  using Snapshot = GoMap<B, K, V>;

  explicit CowMap(GoMapConfig config = {}, CowMapOptions options = {})
      : config_(config), options_(options), current_(arena_.New<Snapshot>(config)) {}

  bool Load(K key, V* value) { return Current()->Load(key, value); }
  int64_t Len() { return Current()->Len(); }
  template <class F>
  void Range(F&& f) {
    Current()->Range(f);
  }

  void Store(K key, V value) {
    Mutate([&](Snapshot& s) { s.Store(key, value); });
  }
  void Delete(K key) {
    Mutate([&](Snapshot& s) { s.Delete(key); });
  }
  bool LoadOrStore(K key, V value, V* actual) {
    bool loaded = false;
    Mutate([&](Snapshot& s) { loaded = s.LoadOrStore(key, value, actual); });
    return loaded;
  }
  bool LoadAndDelete(K key, V* value) {
    bool loaded = false;
    Mutate([&](Snapshot& s) { loaded = s.LoadAndDelete(key, value); });
    return loaded;
  }
  bool Swap(K key, V value, V* previous) {
    bool loaded = false;
    Mutate([&](Snapshot& s) { loaded = s.Swap(key, value, previous); });
    return loaded;
  }
  bool CompareAndSwap(K key, V old_value, V new_value) {
    bool swapped = false;
    Mutate([&](Snapshot& s) { swapped = s.CompareAndSwap(key, old_value, new_value); });
    return swapped;
  }
  bool CompareAndDelete(K key, V old_value) {
    bool deleted = false;
    Mutate([&](Snapshot& s) { deleted = s.CompareAndDelete(key, old_value); });
    return deleted;
  }
  void Clear() {
    Mutate([](Snapshot& s) { s.Clear(); });
  }

 private:
  Snapshot* Current() {
    return current_.load(options_.read);  // mutant-site: cow_map_read_relaxed
  }

  // Copy the current snapshot, apply `change` to the copy, publish it.
  template <class F>
  void Mutate(F&& change) {
    if (options_.lock_writers) {
      write_mu_.lock();
    } else {
      B::Note("copy and publish without the writer lock");  // mutant-site: cow_map_writers_unlocked
    }
    Snapshot* old = current_.load(acquire);
    Snapshot* fresh = arena_.New<Snapshot>(config_);
    old->Range([&](K k, V v) {
      fresh->Store(k, v);
      return true;
    });
    change(*fresh);
    current_.store(fresh, options_.publish);  // mutant-site: cow_map_published_relaxed
    if (options_.lock_writers) write_mu_.unlock();
  }

  GoMapConfig config_;
  CowMapOptions options_;
  Arena arena_;
  typename B::Mutex write_mu_;
  typename B::template Atomic<Snapshot*> current_;
};

}  // namespace models
