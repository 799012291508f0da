#include "watchdog.h"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

#include "source_text.h"

namespace mc::internal {

// One OS thread for the whole process, started on first use; it samples every watched
// execution twice a second.
class WatchdogThread {
 public:
  static WatchdogThread& Get() {
    static WatchdogThread* instance = new WatchdogThread();  // lives until exit
    return *instance;
  }
  void Add(Watchdog* w) {
    std::lock_guard<std::mutex> lock(mu_);
    watched_.push_back({w, w->resumes_.load(), CpuSeconds(w)});
  }
  void Remove(Watchdog* w) {
    std::lock_guard<std::mutex> lock(mu_);
    watched_.erase(std::remove_if(watched_.begin(), watched_.end(),
                                  [w](const Entry& e) { return e.dog == w; }),
                   watched_.end());
  }

 private:
  struct Entry {
    Watchdog* dog;
    uint64_t resumes;
    double since;  // CPU seconds of the watched thread
  };

  static double CpuSeconds(const Watchdog* w) {
    timespec ts{};
    clock_gettime(w->cpu_clock_, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }

  WatchdogThread() {
    std::thread([this] { Loop(); }).detach();
  }

  void Loop() {
    while (true) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      std::lock_guard<std::mutex> lock(mu_);
      for (Entry& e : watched_) {
        const double now = CpuSeconds(e.dog);
        const uint64_t resumes = e.dog->resumes_.load(std::memory_order_acquire);
        if (resumes != e.resumes || !e.dog->running_.load(std::memory_order_acquire)) {
          e.resumes = resumes;
          e.since = now;
          continue;
        }
        const double silent = now - e.since;
        if (silent < e.dog->limit_) continue;
        const char* file = e.dog->file_.load();
        std::fprintf(stderr,
                     "[mc usage error] thread %u has run for %.0f s without reaching an mc:: "
                     "event (its last one was at %s:%u): a loop that never ends? The checker "
                     "cannot pre-empt it, so the process stops here (Options::max_silent_seconds)."
                     "\n",
                     e.dog->thread_.load(), silent,
                     file == nullptr ? "its start" : BaseName(file).c_str(), e.dog->line_.load());
        std::fflush(stderr);
        _exit(2);
      }
    }
  }

  std::mutex mu_;
  std::vector<Entry> watched_;
};

Watchdog::Watchdog(double max_silent_seconds) : limit_(max_silent_seconds) {
  if (limit_ <= 0) return;
  if (pthread_getcpuclockid(pthread_self(), &cpu_clock_) != 0) {
    limit_ = 0;  // no per-thread CPU clock: no watchdog rather than a wrong one
    return;
  }
  WatchdogThread::Get().Add(this);
}

Watchdog::~Watchdog() {
  if (limit_ > 0) WatchdogThread::Get().Remove(this);
}

void Watchdog::Running(uint32_t thread, const std::source_location& last_event) {
  thread_.store(thread, std::memory_order_relaxed);
  file_.store(last_event.file_name(), std::memory_order_relaxed);
  line_.store(last_event.line(), std::memory_order_relaxed);
  // One writer (the scheduler): a plain increment, not a locked read-modify-write.
  resumes_.store(resumes_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
  running_.store(true, std::memory_order_release);
}

}  // namespace mc::internal
