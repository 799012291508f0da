// The registry of maps: every fix under one list, so a test, fuzz target or benchmark written
// once runs over all of them (a typed test instantiates MapList's types), and `mapcheck list`
// names them. A map of your own joins by implementing the API (see ConcurrentMap) and adding a
// line here and a kMapName specialisation; docs/development.md has the recipe.
#pragma once

#include <concepts>
#include <cstdint>
#include <string_view>

#include "models/fixes/cow_map.h"
#include "models/fixes/locked_map.h"
#include "models/fixes/rw_map.h"
#include "models/fixes/sharded_map.h"
#include "models/fixes/sync_map.h"
#include "models/go_map/go_map.h"

namespace models {

// The map API every model offers (Go's sync.Map API plus Len and Clear). Pointer out-parameters
// may be null. Range calls f(key, value) until f returns false.
template <class M, class K = int64_t, class V = int64_t>
concept ConcurrentMap = requires(M m, K k, V v, V* out) {
  { m.Load(k, out) } -> std::same_as<bool>;
  m.Store(k, v);
  { m.LoadOrStore(k, v, out) } -> std::same_as<bool>;
  { m.LoadAndDelete(k, out) } -> std::same_as<bool>;
  m.Delete(k);
  { m.Swap(k, v, out) } -> std::same_as<bool>;
  { m.CompareAndSwap(k, v, v) } -> std::same_as<bool>;
  { m.CompareAndDelete(k, v) } -> std::same_as<bool>;
  m.Range([](K, V) { return true; });
  { m.Len() } -> std::same_as<int64_t>;
  m.Clear();
};

template <class... Maps>
struct MapList {};

// Calls f.template operator()<M>() for each map M of the list, in order.
template <class... M, class F>
void ForEachMap(MapList<M...> /*unused*/, F&& f) {
  (f.template operator()<M>(), ...);
}

// The fixes: the maps that should be safe to share between threads.
template <class B, class K = int64_t, class V = int64_t>
using Fixes = MapList<LockedMap<B, K, V>, RWMap<B, K, V>, SyncMap<B, K, V>, ShardedMap<B, K, V, 16>,
                      CowMap<B, K, V>>;

// The fixes as the model checker explores them: ShardedMap with 2 shards (its protocol is per
// shard; more shards only multiply the interleavings of Len, Range and Clear, which visit every
// shard: 131,328 executions for one Clear/Len scenario with 16 shards).
template <class B, class K = int64_t, class V = int64_t>
using CheckedFixes = MapList<LockedMap<B, K, V>, RWMap<B, K, V>, SyncMap<B, K, V>,
                             ShardedMap<B, K, V, 2>, CowMap<B, K, V>>;

// A map's name in reports, test names and the command line.
template <class M>
constexpr std::string_view kMapName = M::kMutant.name;  // mutants carry their own
template <class B, class K, class V>
constexpr std::string_view kMapName<GoMap<B, K, V>> = "go_map";
template <class B, class K, class V>
constexpr std::string_view kMapName<LockedMap<B, K, V>> = "locked_map";
template <class B, class K, class V>
constexpr std::string_view kMapName<RWMap<B, K, V>> = "rw_map";
template <class B, class K, class V>
constexpr std::string_view kMapName<SyncMap<B, K, V>> = "sync_map";
template <class B, class K, class V>
constexpr std::string_view kMapName<ShardedMap<B, K, V, 2>> = "sharded_map_2";
template <class B, class K, class V>
constexpr std::string_view kMapName<ShardedMap<B, K, V, 16>> = "sharded_map_16";
template <class B, class K, class V>
constexpr std::string_view kMapName<ShardedMap<B, K, V, 64>> = "sharded_map_64";
template <class B, class K, class V>
constexpr std::string_view kMapName<ShardedMap<B, K, V, 256>> = "sharded_map_256";
template <class B, class K, class V>
constexpr std::string_view kMapName<CowMap<B, K, V>> = "cow_map";

// One line per map for `mapcheck list`.
struct MapInfo {
  std::string_view name;
  std::string_view file;
  std::string_view summary;
};
inline constexpr MapInfo kMaps[] = {
    {"go_map", "models/go_map/go_map.h",
     "Go's classic runtime map, unsynchronised (the baseline; not safe to share)"},
    {"locked_map", "models/fixes/locked_map.h", "a GoMap behind one mutex"},
    {"rw_map", "models/fixes/rw_map.h", "a GoMap behind Go's RWMutex algorithm"},
    {"sync_map", "models/fixes/sync_map.h", "Go's pre-1.24 sync.Map (read/dirty, expunged)"},
    {"sharded_map_16", "models/fixes/sharded_map.h",
     "16 mutex-guarded GoMaps, FNV-1a shard choice"},
    {"cow_map", "models/fixes/cow_map.h",
     "copy-on-write snapshots published through an atomic pointer"},
};

}  // namespace models
