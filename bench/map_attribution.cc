// The parts of the lock-based maps' cost, one at a time on one thread, on the C++ side: the
// counterpart of `bench/go -attribution`'s RWMutex and sharded steps (same step names, same key
// draws, same loop), so that docs/performance.md can set each part of the C++ model against Go's
// rather than guess where the C++/Go ratios of the rw_map and sharded_map rows come from.
// Each line: step,keys,ns_per_op (including the loop: `harness_only` measures it alone).
// Usage: map_attribution [seconds per run = 0.2] [repetitions = 5]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
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
  };
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
  for (const Step& step : Steps()) {
    for (int64_t keys : {int64_t{1000}, int64_t{100000}}) {
      const Op op = step.prep(keys);
      for (int rep = 0; rep < reps; ++rep) {
        Rng rng(1);
        int64_t n = 0;
        int64_t sink = 0;
        const auto t0 = std::chrono::steady_clock::now();
        while (std::chrono::steady_clock::now() - t0 < run_for) {
          for (int i = 0; i < 256; ++i) {
            const uint64_t x = rng.Next();
            sink += op(static_cast<int64_t>((x >> 8) % static_cast<uint64_t>(keys)), x);
          }
          n += 256;
        }
        const std::chrono::duration<double, std::nano> elapsed =
            std::chrono::steady_clock::now() - t0;
        g_sink = sink;  // the results are used
        std::printf("%s,%lld,%.2f\n", step.name, static_cast<long long>(keys),
                    elapsed.count() / static_cast<double>(n));
      }
    }
  }
  return 0;
}
