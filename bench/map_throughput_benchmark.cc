// Map throughput on real threads (RealBackend): every map x read/write mix x key space x key
// distribution x threads, in ns per operation and operations per second. The incident write-up
// claims (docs/incident-claims.md C15, C16) are judged from this table: scripts/performance-report
// runs it and writes docs/performance.md.
//
// Each benchmark shares one map among its threads. Setup (once, before the threads start)
// builds the map and stores every key of the key space, so reads hit; each thread then draws
// keys from its own seeded generator (uniform, or Zipf with s = 0.99 over the key space) and
// does a read (Load) with the mix's probability, else a write (Store of an existing key). Setup
// also runs kWarmUpOps untimed operations of the same mix first.
// GoMap runs single-threaded only: it is the unsynchronised baseline. CowMap runs with 1,000 keys
// and at most 10% writes: each write copies the whole map and, like Go's collector would not
// until readers are done, this model keeps every snapshot until the map is destroyed.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "bench/rng.h"
#include "models/backend/real_backend.h"
#include "models/fixes/fixes.h"
#include "models/go_map/go_map.h"

namespace {

using models::RealBackend;

using bench::Rng;

// 64Ki keys drawn from Zipf(s = 0.99) over [0, n), in random order: threads index it with their
// generator, so the draws cost one load.
std::vector<int64_t> ZipfTable(int64_t n) {
  std::vector<double> cdf(static_cast<size_t>(n));
  double sum = 0;
  for (int64_t i = 0; i < n; ++i) {
    sum += 1.0 / std::pow(static_cast<double>(i + 1), 0.99);
    cdf[static_cast<size_t>(i)] = sum;
  }
  std::vector<int64_t> table(1 << 16);
  Rng rng(7);
  for (auto& k : table) {
    const double u = static_cast<double>(rng.Next() >> 11) * 0x1.0p-53 * sum;
    k = std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin();
    // Spread the hot keys over the key space (and so over shards and buckets).
    k = static_cast<int64_t>((static_cast<uint64_t>(k) * 0x9e3779b97f4a7c15ULL) %
                             static_cast<uint64_t>(n));
  }
  return table;
}

// One operation of the workload on `m`: a Load with probability read_pct %, else a Store of an
// existing key.
template <class Map>
int64_t Operate(Map& m, uint64_t r, uint64_t read_pct, uint64_t keys,
                const std::vector<int64_t>& zipf) {
  const int64_t key = zipf.empty() ? static_cast<int64_t>((r >> 8) % keys) : zipf[r >> 48];
  if ((((r & 0xffffffffU) * 100) >> 32) < read_pct) {  // a uniform percentage
    int64_t v = 0;
    m.Load(key, &v);
    return v;
  }
  m.Store(key, static_cast<int64_t>(r));
  return 0;
}

// Untimed operations on one thread before the timed ones (Debian's Google Benchmark 1.7.1 has no
// warm-up option): the map reaches the state the workload keeps it in (sync.Map promotes its
// dirty map after enough read misses), and caches and the allocator warm up. bench/go does the
// same.
constexpr int kWarmUpOps = 1 << 17;

// Benchmark arguments: read percentage, key-space size, Zipf (1) or uniform (0).
template <class Map>
struct Shared {
  static inline std::unique_ptr<Map> map;
  static inline std::vector<int64_t> zipf;

  static void Setup(const benchmark::State& state) {
    const int64_t keys = state.range(1);
    map = std::make_unique<Map>();
    for (int64_t k = 0; k < keys; ++k) map->Store(k, k);
    zipf = state.range(2) != 0 ? ZipfTable(keys) : std::vector<int64_t>{};
    Rng rng(1000);
    int64_t sink = 0;
    for (int i = 0; i < kWarmUpOps; ++i) {
      sink += Operate(*map, rng.Next(), static_cast<uint64_t>(state.range(0)),
                      static_cast<uint64_t>(keys), zipf);
    }
    benchmark::DoNotOptimize(sink);
  }
  static void Teardown(const benchmark::State& /*state*/) {
    map.reset();
    zipf.clear();
  }
};

template <class Map>
void BM_Map(benchmark::State& state) {
  Map& m = *Shared<Map>::map;
  const std::vector<int64_t>& zipf = Shared<Map>::zipf;
  const auto read_pct = static_cast<uint64_t>(state.range(0));
  const auto keys = static_cast<uint64_t>(state.range(1));
  Rng rng(static_cast<uint64_t>(state.thread_index()) + 1);
  int64_t sink = 0;
  for (auto _ : state) sink += Operate(m, rng.Next(), read_pct, keys, zipf);
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(read_pct) + ":" + std::to_string(100 - read_pct) + " " +
                 std::to_string(keys) + " keys " + (zipf.empty() ? "uniform" : "zipf"));
}

template <class Map>
void Register(const char* name, bool single_thread_only, bool cow) {
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  std::vector<int> threads = {1};
  if (!single_thread_only) {
    threads.push_back(2);
    if (cores > 2) threads.push_back(cores);
  }
  for (int read_pct : {99, 90, 50, 10}) {
    if (cow && read_pct < 90) continue;
    for (int64_t keys : {int64_t{1000}, int64_t{100000}}) {
      if (cow && keys > 1000) continue;
      for (int zipf : {0, 1}) {
        for (int t : threads) {
          benchmark::RegisterBenchmark(name, &BM_Map<Map>)
              ->Args({read_pct, keys, zipf})
              ->Threads(t)
              ->Setup(&Shared<Map>::Setup)
              ->Teardown(&Shared<Map>::Teardown)
              ->UseRealTime();
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  Register<models::GoMap<RealBackend, int64_t, int64_t>>("go_map", true, false);
  Register<models::LockedMap<RealBackend, int64_t, int64_t>>("locked_map", false, false);
  Register<models::RWMap<RealBackend, int64_t, int64_t>>("rw_map", false, false);
  Register<models::SyncMap<RealBackend, int64_t, int64_t>>("sync_map", false, false);
  Register<models::ShardedMap<RealBackend, int64_t, int64_t, 16>>("sharded_map_16", false, false);
  Register<models::ShardedMap<RealBackend, int64_t, int64_t, 64>>("sharded_map_64", false, false);
  Register<models::ShardedMap<RealBackend, int64_t, int64_t, 256>>("sharded_map_256", false, false);
  Register<models::CowMap<RealBackend, int64_t, int64_t>>("cow_map", false, true);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
