// SyncMap: Go's sync.Map before Go 1.24 (sync/map.go, Go 1.22), on a backend.
//
//   read   atomic pointer to an immutable readOnly{m, amended}: m maps keys to *entry and is
//          never written after it is published; amended says dirty holds keys m lacks.
//   dirty  a plain map (GoMap) of *entry, guarded by mu; while non-nil it holds every
//          non-expunged entry of read.m plus the new keys.
//   misses lookups that had to take mu since read was last replaced; when they reach
//          len(dirty), dirty is promoted to read (missLocked).
//   entry  p: an atomic pointer to the value; nil = deleted, expunged = deleted and absent from
//          dirty (so it cannot be revived without the lock).
//
// Reads of a key in read.m and updates of such a key take no lock (Load, trySwap); everything
// else goes through mu. Stats count lock acquisitions, promotions and dirty rebuilds (claims
// C9 and C10).
//
// The options exist for the mutants (models/mutants/mutants.h): a slow-path lookup that trusts
// the `read` it loaded before taking mu, and `read` published with a relaxed store.
#pragma once

#include <cstdint>

#include "models/backend/arena.h"
#include "models/backend/backend.h"
#include "models/go_map/go_map.h"

namespace models {

struct SyncMapStats {
  uint64_t locks = 0;       // acquisitions of mu
  uint64_t promotions = 0;  // dirty promoted to read (missLocked, Range)
  uint64_t rebuilds = 0;    // dirtyLocked copies of read.m into a new dirty map
};

struct SyncMapOptions {
  bool recheck_under_lock = true;  // re-load read after taking mu (map.go:124)
  memory_order publish = seq_cst;  // every store of read (Go's atomic.Pointer.Store)
};

template <GoMapBackend B, class K, class V>
class SyncMap {
  struct Entry;
  using Inner = GoMap<B, K, Entry*>;
  struct ReadOnly {
    Inner* m;
    bool amended;
  };
  struct Entry {
    typename B::template Atomic<V*> p;
    explicit Entry(V* value) : p(value) {}
  };

 public:
  explicit SyncMap(GoMapConfig config = {}, SyncMapOptions options = {})
      : config_(config),
        options_(options),
        expunged_(arena_.New<V>()),
        read_(arena_.New<ReadOnly>(ReadOnly{arena_.New<Inner>(config), false})),
        dirty_(nullptr) {}

  bool Load(K key, V* value) {
    Entry* e = nullptr;
    if (!FindEntry(key, &e, /*delete_from_dirty=*/false)) return false;
    return LoadEntry(e, value);
  }

  void Store(K key, V value) { (void)Swap(key, value, nullptr); }

  bool Swap(K key, V value, V* previous) {
    V* fresh = arena_.New<V>(value);
    ReadOnly* read = read_.load(seq_cst);
    Entry* e = nullptr;
    if (read->m->Load(key, &e)) {
      V* old = nullptr;
      if (TrySwap(e, fresh, &old)) return Loaded(old, previous);
    }
    Lock();
    read = read_.load(seq_cst);
    V* old = nullptr;
    if (read->m->Load(key, &e)) {
      if (UnexpungeLocked(e)) {
        // The entry was previously expunged, which implies that there is a non-nil dirty map
        // and this entry is not in it.
        dirty_.load()->Store(key, e);
      }
      old = e->p.exchange(fresh, seq_cst);
    } else if (Inner* dirty = dirty_.load(); dirty != nullptr && dirty->Load(key, &e)) {
      old = e->p.exchange(fresh, seq_cst);
    } else {
      if (!read->amended) {
        // We're adding the first new key to the dirty map. Make sure it is allocated and mark
        // the read-only map as incomplete.
        DirtyLocked();
        read_.store(arena_.New<ReadOnly>(ReadOnly{read->m, true}), options_.publish);
      }
      dirty_.load()->Store(key, arena_.New<Entry>(fresh));
    }
    mu_.unlock();
    return Loaded(old, previous);
  }

  bool LoadOrStore(K key, V value, V* actual) {
    // Avoid locking if it's a clean hit.
    ReadOnly* read = read_.load(seq_cst);
    Entry* e = nullptr;
    if (read->m->Load(key, &e)) {
      bool loaded = false;
      if (TryLoadOrStore(e, value, actual, &loaded)) return loaded;
    }
    Lock();
    bool loaded = false;
    read = read_.load(seq_cst);
    if (read->m->Load(key, &e)) {
      if (UnexpungeLocked(e)) dirty_.load()->Store(key, e);
      (void)TryLoadOrStore(e, value, actual, &loaded);
    } else if (Inner* dirty = dirty_.load(); dirty != nullptr && dirty->Load(key, &e)) {
      (void)TryLoadOrStore(e, value, actual, &loaded);
      MissLocked();
    } else {
      if (!read->amended) {
        DirtyLocked();
        read_.store(arena_.New<ReadOnly>(ReadOnly{read->m, true}), options_.publish);
      }
      dirty_.load()->Store(key, arena_.New<Entry>(arena_.New<V>(value)));
      if (actual != nullptr) *actual = value;
    }
    mu_.unlock();
    return loaded;
  }

  bool LoadAndDelete(K key, V* value) {
    Entry* e = nullptr;
    if (!FindEntry(key, &e, /*delete_from_dirty=*/true)) return false;
    for (;;) {  // entry.delete
      V* p = e->p.load(seq_cst);
      if (p == nullptr || p == expunged_) return false;
      if (e->p.compare_exchange_strong(p, nullptr, seq_cst)) {
        if (value != nullptr) *value = *p;
        return true;
      }
    }
  }
  void Delete(K key) { (void)LoadAndDelete(key, nullptr); }

  bool CompareAndSwap(K key, V old_value, V new_value) {
    ReadOnly* read = read_.load(seq_cst);
    Entry* e = nullptr;
    if (read->m->Load(key, &e)) return TryCompareAndSwap(e, old_value, new_value);
    if (!read->amended) return false;  // No existing value for key.
    Lock();
    bool swapped = false;
    read = read_.load(seq_cst);
    if (read->m->Load(key, &e)) {
      swapped = TryCompareAndSwap(e, old_value, new_value);
    } else if (Inner* dirty = dirty_.load(); dirty != nullptr && dirty->Load(key, &e)) {
      swapped = TryCompareAndSwap(e, old_value, new_value);
      // We needed to lock mu in order to load the entry for key, and the operation didn't
      // change the set of keys in the map (so it would be made more efficient by promoting the
      // dirty map to read-only). Count it as a miss so that we will eventually switch to the
      // more efficient steady state.
      MissLocked();
    }
    mu_.unlock();
    return swapped;
  }

  bool CompareAndDelete(K key, V old_value) {
    Entry* e = nullptr;
    // Don't delete key from m.dirty: we still need to do the "compare" part of the operation.
    // The entry will eventually be expunged when the dirty map is promoted to the read map.
    const bool ok = FindEntry(key, &e, /*delete_from_dirty=*/false);
    for (; ok;) {
      V* p = e->p.load(seq_cst);
      if (p == nullptr || p == expunged_ || *p != old_value) return false;
      if (e->p.compare_exchange_strong(p, nullptr, seq_cst)) return true;
    }
    return false;
  }

  // Promotes dirty first if read is amended, then iterates read.m without the lock: no
  // snapshot, but no key visited twice.
  template <class F>
  void Range(F&& f) {
    ReadOnly* read = read_.load(seq_cst);
    if (read->amended) {
      Lock();
      read = read_.load(seq_cst);
      if (read->amended) {
        read = arena_.New<ReadOnly>(ReadOnly{dirty_.load(), false});
        read_.store(read, options_.publish);
        dirty_.store(nullptr);
        misses_.store(0);
        ++stats_.promotions;
      }
      mu_.unlock();
    }
    read->m->Range([&](K k, Entry* e) {
      V v{};
      if (!LoadEntry(e, &v)) return true;
      return static_cast<bool>(f(k, v));
    });
  }

  int64_t Len() {
    int64_t n = 0;
    Range([&](K, V) {
      ++n;
      return true;
    });
    return n;
  }

  // Go 1.23's Clear: replace read with an empty map, drop dirty.
  void Clear() {
    Lock();
    read_.store(arena_.New<ReadOnly>(ReadOnly{arena_.New<Inner>(config_), false}),
                options_.publish);
    dirty_.store(nullptr);
    misses_.store(0);
    mu_.unlock();
  }

  // Counters for the claims; plain, for single-threaded use.
  const SyncMapStats& stats() const { return stats_; }

 private:
  void Lock() {
    mu_.lock();
    ++stats_.locks;
  }

  // The lookup of Load, LoadAndDelete and CompareAndDelete: read.m without the lock, then, if
  // read is amended, again under mu and in dirty, recording a miss (map.go:120-143, 272-290).
  bool FindEntry(K key, Entry** e, bool delete_from_dirty) {
    ReadOnly* read = read_.load(seq_cst);
    bool ok = read->m->Load(key, e);
    if (!ok && read->amended) {
      Lock();
      // Avoid reporting a spurious miss if m.dirty got promoted while we were blocked on m.mu.
      if (options_.recheck_under_lock) {
        read = read_.load(seq_cst);
        ok = read->m->Load(key, e);
      }
      if (!ok && read->amended) {
        // The mutant reaches here with a stale read after a promotion: dirty is nil, which Go
        // reads as an empty map, and the key just promoted into read.m is reported absent.
        Inner* dirty = dirty_.load();  // mutant-site: sync_map_load_without_recheck
        if (dirty != nullptr) {
          ok = dirty->Load(key, e);
          if (delete_from_dirty) dirty->Delete(key);
          // Regardless of whether the entry was present, record a miss: this key will take the
          // slow path until the dirty map is promoted to the read map.
          MissLocked();
        }
      }
      mu_.unlock();
    }
    return ok;
  }

  bool LoadEntry(Entry* e, V* value) {
    V* p = e->p.load(seq_cst);
    if (p == nullptr || p == expunged_) return false;
    if (value != nullptr) *value = *p;
    return true;
  }
  static bool Loaded(V* old, V* previous) {
    if (old == nullptr) return false;
    if (previous != nullptr) *previous = *old;
    return true;
  }
  // trySwap: swaps a value if the entry has not been expunged.
  bool TrySwap(Entry* e, V* fresh, V** old) {
    for (;;) {
      V* p = e->p.load(seq_cst);
      if (p == expunged_) return false;
      if (e->p.compare_exchange_strong(p, fresh, seq_cst)) {
        *old = p;
        return true;
      }
    }
  }
  // tryLoadOrStore: false (nothing done) if the entry is expunged.
  bool TryLoadOrStore(Entry* e, V value, V* actual, bool* loaded) {
    V* p = e->p.load(seq_cst);
    if (p == expunged_) return false;
    if (p != nullptr) {
      if (actual != nullptr) *actual = *p;
      *loaded = true;
      return true;
    }
    V* fresh = arena_.New<V>(value);
    for (;;) {
      if (e->p.compare_exchange_strong(p, fresh, seq_cst)) {
        if (actual != nullptr) *actual = value;
        *loaded = false;
        return true;
      }
      if (p == expunged_) return false;
      if (p != nullptr) {
        if (actual != nullptr) *actual = *p;
        *loaded = true;
        return true;
      }
    }
  }
  bool TryCompareAndSwap(Entry* e, V old_value, V new_value) {
    V* p = e->p.load(seq_cst);
    if (p == nullptr || p == expunged_ || *p != old_value) return false;
    V* fresh = arena_.New<V>(new_value);
    for (;;) {
      if (e->p.compare_exchange_strong(p, fresh, seq_cst)) return true;
      if (p == nullptr || p == expunged_ || *p != old_value) return false;
    }
  }
  bool UnexpungeLocked(Entry* e) {
    V* expected = expunged_;
    return e->p.compare_exchange_strong(expected, nullptr, seq_cst);
  }
  void MissLocked() {
    misses_.store(misses_.load() + 1);
    const int64_t misses = misses_.load();  // Go: m.misses < len(m.dirty), left to right
    if (misses < dirty_.load()->Len()) return;
    ReadOnly* promoted = arena_.New<ReadOnly>(ReadOnly{dirty_.load(), false});
    read_.store(promoted, options_.publish);  // mutant-site: sync_map_read_published_relaxed
    dirty_.store(nullptr);
    misses_.store(0);
    ++stats_.promotions;
  }
  void DirtyLocked() {
    if (dirty_.load() != nullptr) return;
    ReadOnly* read = read_.load(seq_cst);
    Inner* dirty = arena_.New<Inner>(config_);
    read->m->Range([&](K k, Entry* e) {
      if (!TryExpungeLocked(e)) dirty->Store(k, e);
      return true;
    });
    dirty_.store(dirty);
    ++stats_.rebuilds;
  }
  bool TryExpungeLocked(Entry* e) {
    V* p = e->p.load(seq_cst);
    while (p == nullptr) {
      if (e->p.compare_exchange_strong(p, expunged_, seq_cst)) return true;
    }
    return p == expunged_;
  }

  GoMapConfig config_;
  SyncMapOptions options_;
  Arena arena_;
  V* expunged_;  // the sentinel: a pointer no value has
  typename B::Mutex mu_;
  typename B::template Atomic<ReadOnly*> read_;
  typename B::template Var<Inner*> dirty_;
  typename B::template Var<int64_t> misses_{0};
  SyncMapStats stats_;
};

}  // namespace models
