// What every map offers (ConcurrentMap), and lists of map types to iterate (MapList). The lists
// themselves come from the registry (models/registry/registry.h, rows in maps.def).
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

}  // namespace models
