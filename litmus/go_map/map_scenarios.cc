#include "litmus/go_map/map_scenarios.h"

#include <utility>

#include "models/backend/model_backend.h"
#include "models/fixes/sharded_map.h"

namespace litmus::go_map {

using map_scenario::Clear;
using map_scenario::CompareAndDelete;
using map_scenario::CompareAndSwap;
using map_scenario::Delete;
using map_scenario::Len;
using map_scenario::Load;
using map_scenario::LoadAndDelete;
using map_scenario::LoadOrStore;
using map_scenario::Range;
using map_scenario::Store;
using map_scenario::Swap;

const std::vector<Scenario>& FixScenarios() {
  static const std::vector<Scenario> scenarios = {
      {"store_load", "a store and a load of one key", {}, {{Store(1, 1)}, {Load(1)}}},
      {"two_writers",
       "writes to two keys from two threads, then a load of the other's key",
       {},
       {{Store(1, 1), Store(2, 1)}, {Store(2, 2), Load(1)}}},
      {"load_or_store_race",
       "two LoadOrStores of one key: exactly one stores",
       {},
       {{LoadOrStore(1, 1)}, {LoadOrStore(1, 2)}}},
      {"swap_cas",
       "Swap and CompareAndSwap on one key",
       {},
       {{Swap(1, 1), Load(1)}, {CompareAndSwap(1, 1, 2), Swap(1, 3)}}},
      {"delete_family",
       "LoadAndDelete, CompareAndDelete and Delete against a re-store",
       {{1, 1}},
       {{LoadAndDelete(1), Store(1, 2)}, {CompareAndDelete(1, 1), Delete(1)}}},
      {"range_during_writes",
       "Range while another thread stores one key and deletes another",
       {{1, 1}},
       {{Store(2, 2), Delete(1)}, {Range()}}},
      {"len_and_clear",
       "Clear and Len against stores and loads",
       {{1, 1}},
       {{Clear(), Store(2, 2)}, {Len(), Load(2)}}},
      {"promotion",
       "repeated loads of keys stored concurrently (sync.Map's misses and promotion)",
       {},
       {{Store(1, 1), Store(2, 2)}, {Load(1), Load(1), Load(2)}}},
      {"three_threads",
       "three threads: a store, a LoadOrStore and a load-then-delete of one key",
       {},
       {{Store(1, 1)}, {LoadOrStore(1, 2)}, {Load(1), Delete(1)}}},
  };
  return scenarios;
}

namespace {

// Two keys that share a shard of a 16-shard map (by FNV-1a) but not a lock index (key mod 16).
std::pair<int64_t, int64_t> SameShardOtherLock() {
  using Sharded = models::ShardedMap<models::ModelBackend, int64_t, int64_t, 16>;
  for (int64_t b = 2;; ++b) {
    if (Sharded::ShardOf(b) == Sharded::ShardOf(1) && b % 16 != 1) return {1, b};
  }
}

}  // namespace

const std::vector<Kill>& MutantKills() {
  static const std::vector<Kill> kills = [] {
    const auto [k1, k2] = SameShardOtherLock();
    const Scenario two_writers{
        "two_writers", "two threads store different keys", {}, {{Store(1, 1)}, {Store(2, 2)}}};
    const Scenario store_vs_load{
        "store_vs_load", "a store and a lock-free load of one key", {}, {{Store(1, 1)}, {Load(1)}}};
    return std::vector<Kill>{
        {"go_map_shared", two_writers, mc::Verdict::kDataRace},
        {"locked_map_range_unlocked",
         {"range_vs_store",
          "Range while another thread stores",
          {{1, 1}},
          {{Store(2, 2)}, {Range()}}},
         mc::Verdict::kDataRace},
        {"locked_map_split_load_or_store",
         {"load_or_store_race",
          "two LoadOrStores of one key",
          {},
          {{LoadOrStore(1, 1)}, {LoadOrStore(1, 2)}}},
         mc::Verdict::kAssertionFailed},
        {"rw_map_writes_under_read_lock", two_writers, mc::Verdict::kDataRace},
        {"sync_map_load_without_recheck",
         {"loads_of_a_dirty_key",
          "two loads of a key that only the dirty map holds",
          {{1, 1}},
          {{Load(1)}, {Load(1)}}},
         mc::Verdict::kAssertionFailed},
        {"sync_map_read_published_relaxed",
         {"promotion_vs_load",
          "a store and a promoting load against a lock-free load",
          {},
          {{Store(1, 1), Load(1)}, {Load(1)}}},
         mc::Verdict::kDataRace},
        {"sharded_map_lock_by_raw_key",
         {"same_shard_writers",
          "two keys of one shard whose raw indices differ",
          {},
          {{Store(k1, 1)}, {Store(k2, 2)}}},
         mc::Verdict::kDataRace},
        {"cow_map_writers_unlocked", two_writers, mc::Verdict::kAssertionFailed},
        {"cow_map_published_relaxed", store_vs_load, mc::Verdict::kDataRace},
        {"cow_map_read_relaxed", store_vs_load, mc::Verdict::kDataRace},
    };
  }();
  return kills;
}

}  // namespace litmus::go_map
