// Helpers shared by the map models' tests.
#pragma once

#include <cstdint>
#include <vector>

#include "models/backend/real_backend.h"

namespace models::testing {

// `threads` real threads store keys k * threads + t (t = thread, k < per_thread) with value k,
// then are joined: every key is stored exactly once.
template <class Map>
void StoreFromThreads(Map& m, int threads, int64_t per_thread) {
  std::vector<RealBackend::Thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&m, t, threads, per_thread] {
      for (int64_t k = 0; k < per_thread; ++k) m.Store(k * threads + t, k);
    });
  }
  for (auto& w : workers) w.join();
}

}  // namespace models::testing
