// The standard DPOR benchmarks (GenMC's tests/correct/synthetic, and the TruSt paper's tables),
// written with mc:: from their published descriptions, so that the same work runs under mapcheck
// and, as C (bench/genmc/*.c), under GenMC. N is the size parameter of each.
//   readers(N)   one writer stores x (release), N readers load it (acquire)
//   lastzero(N)  N writers: array[j] = array[j-1] + 1; a reader scans from array[N] down to the
//                first zero
//   casrot(N)    N threads, thread i: CAS(x, i-1 -> i), relaxed
//   indexer(N)   N threads insert 4 keys each into a 128-cell open-addressing table by CAS,
//                probing linearly on a collision
//   fib_bench(N) two threads add x and y into each other N times; a third checks neither
//                passed 144 (it never does: the sum bounds them)
//   fetch_add(N) N threads, one relaxed fetch_add each
//   locked_counter(N) N threads, each increments a plain counter under one mutex (not in GenMC's
//                set: the optimal search's mutexes, measured on the same work)
// Their execution counts: docs/performance.md; checker/tests/dpor_programs_test.cc asserts them.
#pragma once

#include <array>
#include <functional>
#include <vector>

#include "mc/mc.h"

namespace mapcheck::bench {

inline void Spawn(std::vector<mc::thread>& threads, std::function<void()> body) {
  threads.emplace_back(std::move(body));
}

inline void JoinAll(std::vector<mc::thread>& threads) {
  for (auto& t : threads) t.join();
}

inline void Readers(int n) {
  mc::atomic<int> x{0};
  std::vector<mc::thread> threads;
  Spawn(threads, [&] { x.store(42, mc::release); });
  for (int i = 0; i < n; ++i) Spawn(threads, [&] { (void)x.load(mc::acquire); });
  JoinAll(threads);
}

inline void LastZero(int n) {
  std::vector<mc::atomic<int>> array(static_cast<size_t>(n) + 1);
  std::vector<mc::thread> threads;
  Spawn(threads, [&] {
    for (int i = n; array[static_cast<size_t>(i)].load(mc::acquire) != 0; --i) {
    }
  });
  for (int j = 1; j <= n; ++j) {
    Spawn(threads, [&, j] {
      const auto at = static_cast<size_t>(j);
      array[at].store(array[at - 1].load(mc::acquire) + 1, mc::release);
    });
  }
  JoinAll(threads);
}

inline void CasRot(int n) {
  mc::atomic<int> x{0};
  std::vector<mc::thread> threads;
  for (int i = 0; i < n; ++i) {
    Spawn(threads, [&, i] {
      int expected = i - 1;
      (void)x.compare_exchange_strong(expected, i, mc::relaxed, mc::relaxed);
    });
  }
  JoinAll(threads);
}

inline void Indexer(int n) {
  constexpr int kSize = 128;
  constexpr int kKeys = 4;
  std::vector<mc::atomic<int>> table(kSize);
  std::vector<mc::thread> threads;
  for (int tid = 1; tid <= n; ++tid) {
    Spawn(threads, [&, tid] {
      for (int i = 0; i < kKeys; ++i) {
        const int w = i * 11 + tid;
        int h = (w * 7) % kSize;
        int zero = 0;
        while (!table[static_cast<size_t>(h)].compare_exchange_strong(zero, w, mc::relaxed,
                                                                      mc::relaxed)) {
          h = (h + 1) % kSize;
          zero = 0;
        }
      }
    });
  }
  JoinAll(threads);
}

inline void FibBench(int n) {
  mc::atomic<int> x{1}, y{1};
  std::vector<mc::thread> threads;
  Spawn(threads, [&] {
    for (int i = 0; i < n; ++i) {
      const int px = x.load(mc::acquire);
      const int py = y.load(mc::acquire);
      x.store(px + py, mc::release);
    }
  });
  Spawn(threads, [&] {
    for (int i = 0; i < n; ++i) {
      const int px = x.load(mc::acquire);
      const int py = y.load(mc::acquire);
      y.store(px + py, mc::release);
    }
  });
  Spawn(threads, [&] { MC_ASSERT(x.load(mc::acquire) <= 144 && y.load(mc::acquire) <= 144); });
  JoinAll(threads);
}

inline void FetchAdd(int n) {
  mc::atomic<int> x{0};
  std::vector<mc::thread> threads;
  for (int i = 0; i < n; ++i) Spawn(threads, [&] { x.fetch_add(1, mc::relaxed); });
  JoinAll(threads);
}

inline void LockedCounter(int n) {
  mc::mutex m;
  mc::var<int> counter{0};
  std::vector<mc::thread> threads;
  for (int i = 0; i < n; ++i) {
    Spawn(threads, [&] {
      m.lock();
      counter = counter + 1;
      m.unlock();
    });
  }
  JoinAll(threads);
  MC_ASSERT(counter.load() == n);
}

struct Program {
  const char* name;
  void (*run)(int);
};
inline constexpr std::array<Program, 7> kPrograms = {{{"readers", Readers},
                                                      {"lastzero", LastZero},
                                                      {"casrot", CasRot},
                                                      {"indexer", Indexer},
                                                      {"fib_bench", FibBench},
                                                      {"fetch_add", FetchAdd},
                                                      {"locked_counter", LockedCounter}}};

}  // namespace mapcheck::bench
