// The parts of the lock-based maps' cost, one at a time on one thread, on the C++ side: the
// counterpart of `bench/go -attribution`'s RWMutex and sharded steps (same step names, same key
// draws, same loop), so that docs/performance.md can set each part of the C++ model against Go's
// rather than guess where the C++/Go ratios of the rw_map and sharded_map rows come from.
// Each line: step,keys,ns_per_op (including the loop: `harness_only` measures it alone). Then the
// contention part: some steps again on 2 threads at once (one shared map or lock, each thread its
// own key draws), named step@2, ns per operation per thread.
// Usage: map_attribution [seconds per run = 0.2] [repetitions = 5]
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bench/rng.h"
#include "models/backend/real_backend.h"
#include "models/fixes/fixes.h"
#include "models/fixes/go_rwmutex.h"
#include "models/go_map/go_map.h"

namespace {

using models::RealBackend;
using GoMap = models::GoMap<RealBackend, int64_t, int64_t>;
using RWMap = models::RWMap<RealBackend, int64_t, int64_t>;
using Sharded = models::ShardedMap<RealBackend, int64_t, int64_t, 256>;

using bench::Rng;

volatile int64_t g_sink = 0;

using Op = std::function<int64_t(int64_t key, uint64_t x)>;

template <class Map>
std::shared_ptr<Map> Filled(int64_t keys) {
  auto m = std::make_shared<Map>();
  for (int64_t k = 0; k < keys; ++k) m->Store(k, k);
  return m;
}

// A Load, or a Store over an existing key, on a map holding keys [0, keys).
template <class Map>
Op LoadStep(int64_t keys) {
  auto m = Filled<Map>(keys);
  return [m](int64_t k, uint64_t) {
    int64_t v = 0;
    m->Load(k, &v);
    return v;
  };
}
template <class Map>
Op StoreStep(int64_t keys) {
  auto m = Filled<Map>(keys);
  return [m](int64_t k, uint64_t x) {
    m->Store(k, static_cast<int64_t>(x));
    return int64_t{0};
  };
}

struct Step {
  const char* name;
  std::function<Op(int64_t keys)> prep;
};

std::vector<Step> Steps() {
  return {
      {"harness_only", [](int64_t) -> Op { return [](int64_t k, uint64_t) { return k; }; }},
      {"map_lookup", LoadStep<GoMap>},
      {"map_store_existing", StoreStep<GoMap>},
      {"rwmutex_rlock_runlock",
       [](int64_t) -> Op {
         auto mu = std::make_shared<models::GoRWMutex<RealBackend>>();
         return [mu](int64_t k, uint64_t) {
           mu->RLock();
           mu->RUnlock();
           return k;
         };
       }},
      {"rwmap_load", LoadStep<RWMap>},
      {"rwmap_store_existing", StoreStep<RWMap>},
      // The rw_map row's own mix: a Store (the write lock) once in 100 operations, drawn as the
      // throughput benchmark draws it.
      {"rwmap_mixed_99_1",
       [](int64_t keys) -> Op {
         auto m = Filled<RWMap>(keys);
         return [m](int64_t k, uint64_t x) {
           if ((((x & 0xffffffffULL) * 100) >> 32) < 99) {
             int64_t v = 0;
             m->Load(k, &v);
             return v;
           }
           m->Store(k, static_cast<int64_t>(x));
           return int64_t{0};
         };
       }},
      {"mutex_lock_unlock",
       [](int64_t) -> Op {
         auto mu = std::make_shared<RealBackend::Mutex>();
         return [mu](int64_t k, uint64_t) {
           mu->lock();
           mu->unlock();
           return k;
         };
       }},
      {"fnv1a_hash",
       [](int64_t) -> Op {
         return [](int64_t k, uint64_t) { return static_cast<int64_t>(Sharded::ShardOf(k)); };
       }},
      {"sharded_load", LoadStep<Sharded>},
      {"sharded_store_existing", StoreStep<Sharded>},
      // 256 mutexes laid out as ShardedMap lays them out: each at the head of its own
      // heap-allocated shard, beside the shard's GoMap.
      {"mutex256_lock_unlock",
       [](int64_t) -> Op {
         struct Shard {
           RealBackend::Mutex mu;
           GoMap map;
         };
         auto shards = std::make_shared<std::vector<std::unique_ptr<Shard>>>();
         for (int i = 0; i < 256; ++i) shards->push_back(std::make_unique<Shard>());
         return [shards](int64_t k, uint64_t) {
           Shard& s = *(*shards)[static_cast<size_t>(k) % 256];
           s.mu.lock();
           s.mu.unlock();
           return k;
         };
       }},
  };
}

// The steps measured again on 2 threads (the same set as bench/go -attribution's).
const std::set<std::string> kTwoThreadSteps = {
    "harness_only",         "map_lookup",       "rwmutex_rlock_runlock", "rwmap_load",
    "rwmap_store_existing", "rwmap_mixed_99_1", "sharded_load",          "sharded_store_existing",
    "mutex256_lock_unlock"};

// Runs `op` on `threads` threads for `run_for`, each with its own key draws (seed 1, 2, ...);
// nanoseconds per operation per thread.
double Measure(const Op& op, int64_t keys, int threads, std::chrono::duration<double> run_for) {
  std::atomic<bool> go{false}, stop{false};
  std::atomic<int64_t> total{0}, sinks{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      Rng rng(static_cast<uint64_t>(t) + 1);
      int64_t n = 0;
      int64_t sink = 0;
      while (!go.load()) {
      }
      while (!stop.load(std::memory_order_relaxed)) {
        for (int i = 0; i < 256; ++i) {
          const uint64_t x = rng.Next();
          sink += op(static_cast<int64_t>((x >> 8) % static_cast<uint64_t>(keys)), x);
        }
        n += 256;
      }
      total += n;
      sinks += sink;
    });
  }
  const auto t0 = std::chrono::steady_clock::now();
  go = true;
  std::this_thread::sleep_for(run_for);
  stop = true;
  for (auto& w : workers) w.join();
  const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - t0;
  g_sink = sinks.load();  // the results are used
  return elapsed.count() * threads / static_cast<double>(total.load());
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 0.2;
  const int reps = argc > 2 ? std::atoi(argv[2]) : 5;
  if (seconds <= 0 || reps <= 0) {
    std::fprintf(stderr, "usage: map_attribution [seconds per run > 0] [repetitions > 0]\n");
    return 2;
  }
  const auto run_for = std::chrono::duration<double>(seconds);
  for (int threads : {1, 2}) {
    for (const Step& step : Steps()) {
      if (threads > 1 && kTwoThreadSteps.count(step.name) == 0) continue;
      for (int64_t keys : {int64_t{1000}, int64_t{100000}}) {
        const Op op = step.prep(keys);
        for (int rep = 0; rep < reps; ++rep) {
          std::printf("%s%s,%lld,%.2f\n", step.name, threads > 1 ? "@2" : "",
                      static_cast<long long>(keys), Measure(op, keys, threads, run_for));
        }
      }
    }
  }
  return 0;
}
