// Runs independent checks on several OS threads (each mc::check runs on its own thread; the
// checker keeps its state per thread) and hands the results back in order, as soon as each and
// all before it are done, so a table prints row by row while later rows still run.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mapcheck {

template <class R>
void RunInOrder(size_t n, unsigned jobs, const std::function<R(size_t)>& task,
                const std::function<void(size_t, R&)>& done) {
  std::vector<std::optional<R>> results(n);
  std::mutex mu;
  std::condition_variable ready;
  size_t next = 0;
  const auto worker = [&] {
    for (;;) {
      size_t i = 0;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (next == n) return;
        i = next++;
      }
      R r = task(i);
      {
        std::lock_guard<std::mutex> lock(mu);
        results[i] = std::move(r);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  const size_t threads = std::min<size_t>(std::max(jobs, 1U), n);
  for (size_t t = 0; t < threads; ++t) workers.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    std::unique_lock<std::mutex> lock(mu);
    ready.wait(lock, [&] { return results[i].has_value(); });
    R r = std::move(*results[i]);
    lock.unlock();
    done(i, r);
  }
  for (auto& w : workers) w.join();
}

}  // namespace mapcheck
