// The concurrent target for any map: the input's first byte picks 2 to 4 threads, each command's
// lane picks the thread that runs it. The threads start together (a spinning barrier) on real
// threads, every call and return is stamped from one atomic counter, and after they finish the
// main thread loads every key used. The threads are a pool started once per process (Workers)
// and released together for each input: under ThreadSanitizer creating and joining threads
// costs far more than an input's operations. The history must be linearizable (per key, Range and Len
// against their weaker guarantees: models/testing/linearizability.h); if not, the process
// stops with the history. Built with ThreadSanitizer in the fuzz preset, so a data race in the
// map stops it too. Real threads are not deterministic: a crash input may need several runs to
// reproduce (the deterministic target is the checker's, see docs/development.md).
#pragma once

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <thread>
#include <vector>

#include "fuzz/history_check.h"
#include "fuzz/map_ops_codec.h"
#include "models/testing/linearizability.h"
#include "models/testing/map_ops.h"

#if defined(__SANITIZE_THREAD__)
#define MAPCHECK_FUZZ_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MAPCHECK_FUZZ_TSAN 1
#endif
#endif
#if MAPCHECK_FUZZ_TSAN
// ThreadSanitizer's options, compiled in: a race stops the run at once (a finding for libFuzzer),
// no sleep at exit, no reports about signal handlers libFuzzer installs.
extern "C" const char* __tsan_default_options();
extern "C" const char* __tsan_default_options() {
  return "halt_on_error=1:report_signal_unsafe=0:atexit_sleep_ms=0:history_size=4";
}
#endif

namespace fuzz {

// Waits until `a` is no longer `old`.
inline void WaitWhile(const std::atomic<uint32_t>& a, uint32_t old) {
  while (a.load(std::memory_order_acquire) == old) a.wait(old, std::memory_order_acquire);
}

// A fixed set of kMax - 1 threads, started on first use and never stopped (the process exits
// with them waiting), that Run releases together with the calling thread, which runs job 0: one
// generation per input. What Run's caller wrote before it happens-before every job, and every
// job happens-before Run's return (the generation's release and acquire, the finish count's),
// so ThreadSanitizer sees the same ordering as with threads created and joined per input.
class Workers {
 public:
  static constexpr int kMax = 4;
  static Workers& Get() {
    static Workers* const pool = new Workers;  // never destroyed: its threads wait forever
    return *pool;
  }
  // Runs job(t) for t in [0, n) at once, job 0 on the calling thread; returns when all have
  // finished.
  void Run(int n, const std::function<void(int)>& job) {
    job_ = &job;
    active_ = n;
    finished_.store(0, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
    job(0);
    for (uint32_t f = finished_.load(std::memory_order_acquire); f != kMax - 1;
         f = finished_.load(std::memory_order_acquire)) {
      WaitWhile(finished_, f);
    }
  }

 private:
  Workers() {
    for (int t = 1; t < kMax; ++t) std::thread([this, t] { Loop(t); }).detach();
  }
  void Loop(int t) {
    uint32_t seen = 0;
    while (true) {
      WaitWhile(generation_, seen);
      seen = generation_.load(std::memory_order_acquire);
      if (t < active_) (*job_)(t);
      if (finished_.fetch_add(1, std::memory_order_acq_rel) + 1 == kMax - 1) {
        finished_.notify_one();
      }
    }
  }

  std::atomic<uint32_t> generation_{0};
  std::atomic<uint32_t> finished_{0};
  const std::function<void(int)>* job_ = nullptr;
  int active_ = 0;
};

template <class Map>
int RunConcurrent(const uint8_t* data, size_t size) {
  using models::testing::Operation;
  if (size < 1) return 0;
  const int threads = 2 + data[0] % 3;
  std::vector<std::vector<Command>> lanes(static_cast<size_t>(threads));
  for (const Command& c : Decode(data + 1, size - 1)) {
    lanes[static_cast<size_t>(c.lane % threads)].push_back(c);
  }
  Map m;
  std::atomic<uint64_t> clock{0};
  std::atomic<uint32_t> ready{0};
  std::vector<std::vector<Operation>> histories(static_cast<size_t>(threads));
  Workers::Get().Run(threads, [&](int t) {
    // Start together: the last to arrive wakes the others (a thread that spins or yields
    // while the others wait for a core holds that core from them).
    const uint32_t arrived = ready.fetch_add(1) + 1;
    if (arrived == static_cast<uint32_t>(threads)) {
      ready.notify_all();
    } else {
      for (uint32_t r = arrived; r < static_cast<uint32_t>(threads); r = ready.load()) {
        ready.wait(r);
      }
    }
    for (const Command& c : lanes[static_cast<size_t>(t)]) {
      Operation op;
      op.thread = t;
      op.call = clock.fetch_add(1);
      models::testing::Perform(m, c.kind, c.Key(), c.Value(), c.NewValue(), op);
      op.ret = clock.fetch_add(1);
      histories[static_cast<size_t>(t)].push_back(std::move(op));
    }
  });
  std::vector<Operation> history;
  std::set<int64_t> keys;
  for (auto& h : histories) {
    for (auto& op : h) {
      keys.insert(op.key);
      history.push_back(std::move(op));
    }
  }
  for (int64_t k : keys) {  // the final state, after every thread
    Operation op;
    op.thread = threads;
    op.call = clock.fetch_add(1);
    models::testing::Perform(m, models::testing::OpKind::kLoad, k, 0, 0, op);
    op.ret = clock.fetch_add(1);
    history.push_back(std::move(op));
  }
  std::string undecided;
  const std::string why = CheckHistory(history, &undecided);
  if (!undecided.empty()) {  // not a finding: say so once, and go on
    static bool said = false;
    if (!said)
      std::fprintf(stderr, "map_concurrent_fuzzer: linearizability undecided: %s\n",
                   undecided.c_str());
    said = true;
  }
  if (!why.empty()) {
    std::fprintf(stderr, "map_concurrent_fuzzer: not linearizable: %s\n", why.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace fuzz

// A target's whole source: MAPCHECK_CONCURRENT_FUZZER(the map type).
#define MAPCHECK_CONCURRENT_FUZZER(...)                                     \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
    return ::fuzz::RunConcurrent<__VA_ARGS__>(data, size);                  \
  }
