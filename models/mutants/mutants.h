// The mutants: each fix with one realistic bug, the kind a reviewer could miss. The suite's
// power is measured by how many of them it kills and how fast (litmus/go_map/ kills each under
// the checker; the fuzz targets hammer each on real threads).
//
// A mutant is its fix constructed with one option turned (the options live beside the code they
// change, so the bug is a readable branch of the real implementation, marked on its line with
// `mutant-site: <name>`). kMutant names the mutant, the fix it breaks, the bug in one
// sentence, and the file whose marked line a counterexample should point at ("" when the bug is
// a missing line in the caller, as for the bare GoMap).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "models/fixes/fixes.h"

namespace models {

struct MutantInfo {
  std::string_view name;
  std::string_view fix;   // the registry row of the correct map (maps.def)
  std::string_view bug;   // one sentence
  std::string_view file;  // where the mutant-site marker is, or ""
};

// The original incident: a plain map shared by goroutines with no synchronisation at all.
template <GoMapBackend B, class K = int64_t, class V = int64_t>
class GoMapShared : public GoMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "go_map_shared", "locked_map",
      "The incident: a plain Go map read and written by several goroutines with no lock.", ""};
  explicit GoMapShared(GoMapConfig config = {}) : GoMap<B, K, V>(config) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class LockedMapRangeUnlocked : public LockedMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "locked_map_range_unlocked", "locked_map",
      "Range iterates the inner map without taking the lock, to avoid holding it during the "
      "callback.",
      "models/fixes/locked_map.h"};
  explicit LockedMapRangeUnlocked(GoMapConfig config = {})
      : LockedMap<B, K, V>(config, {.range_under_lock = false}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class LockedMapSplitLoadOrStore : public LockedMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "locked_map_split_load_or_store", "locked_map",
      "LoadOrStore is a locked Load followed by a locked Store (check-then-act), so two callers "
      "can both store.",
      "models/fixes/locked_map.h"};
  explicit LockedMapSplitLoadOrStore(GoMapConfig config = {})
      : LockedMap<B, K, V>(config, {.atomic_load_or_store = false}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class RWMapWritesUnderReadLock : public RWMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "rw_map_writes_under_read_lock", "rw_map",
      "Writers take the RWMutex's read lock (RLock where Lock was meant), so writers overlap.",
      "models/fixes/rw_map.h"};
  explicit RWMapWritesUnderReadLock(GoMapConfig config = {})
      : RWMap<B, K, V>(config, {.writes_under_read_lock = true}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class SyncMapLoadWithoutRecheck : public SyncMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "sync_map_load_without_recheck", "sync_map",
      "The slow path of Load trusts the read map it loaded before taking the lock, so a key "
      "promoted meanwhile is reported absent.",
      "models/fixes/sync_map.h"};
  explicit SyncMapLoadWithoutRecheck(GoMapConfig config = {})
      : SyncMap<B, K, V>(config, {.recheck_under_lock = false}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class SyncMapReadPublishedRelaxed : public SyncMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "sync_map_read_published_relaxed", "sync_map",
      "The read map is published with a relaxed store, so a lock-free reader can see the new "
      "map before its contents.",
      "models/fixes/sync_map.h"};
  explicit SyncMapReadPublishedRelaxed(GoMapConfig config = {})
      : SyncMap<B, K, V>(config, {.publish = relaxed}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class ShardedMapLockByRawKey : public ShardedMap<B, K, V, 16> {
 public:
  static constexpr MutantInfo kMutant{
      "sharded_map_lock_by_raw_key", "sharded_map",
      "The shard lock is chosen by key modulo N while the shard map is chosen by the key's "
      "FNV-1a hash, so two keys of one shard can hold different locks.",
      "models/fixes/sharded_map.h"};
  explicit ShardedMapLockByRawKey(GoMapConfig config = {})
      : ShardedMap<B, K, V, 16>(config, {.lock_by_hash = false}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class CowMapWritersUnlocked : public CowMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "cow_map_writers_unlocked", "cow_map",
      "Writers copy and publish without the writer lock, so two concurrent writers copy the same "
      "snapshot and one update is lost.",
      "models/fixes/cow_map.h"};
  explicit CowMapWritersUnlocked(GoMapConfig config = {})
      : CowMap<B, K, V>(config, {.lock_writers = false}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class CowMapPublishedRelaxed : public CowMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "cow_map_published_relaxed", "cow_map",
      "A new snapshot is published with a relaxed store, so a reader can see its pointer before "
      "its contents.",
      "models/fixes/cow_map.h"};
  explicit CowMapPublishedRelaxed(GoMapConfig config = {})
      : CowMap<B, K, V>(config, {.publish = relaxed}) {}
};

template <GoMapBackend B, class K = int64_t, class V = int64_t>
class CowMapReadRelaxed : public CowMap<B, K, V> {
 public:
  static constexpr MutantInfo kMutant{
      "cow_map_read_relaxed", "cow_map",
      "Readers load the snapshot pointer relaxed (no acquire), so they can read a snapshot "
      "before its contents are visible.",
      "models/fixes/cow_map.h"};
  explicit CowMapReadRelaxed(GoMapConfig config = {})
      : CowMap<B, K, V>(config, {.read = relaxed}) {}
};

}  // namespace models
