// Catches a test thread that runs forever without reaching an mc:: event (a plain infinite loop):
// the checker cannot pre-empt a fiber, so a watchdog OS thread notices that the fiber made no
// progress for Options::max_silent_seconds of CPU time (so a test paused in a debugger is not
// stopped), prints a usage error naming the thread and the line
// of its last event, and ends the process with exit code 2 instead of hanging.
#pragma once

#include <time.h>

#include <atomic>
#include <cstdint>
#include <source_location>

namespace mc::internal {

class Watchdog {
 public:
  // Watches the calling OS thread's fibers for the lifetime of this object (0 s: not at all).
  explicit Watchdog(double max_silent_seconds);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Around each fiber resume: the thread that runs and where it last was.
  void Running(uint32_t thread, const std::source_location& last_event);
  void Returned() { running_.store(false, std::memory_order_release); }

 private:
  friend class WatchdogThread;
  double limit_;
  clockid_t cpu_clock_{};  // CPU time of the OS thread that runs the fibers
  std::atomic<bool> running_{false};
  std::atomic<uint64_t> resumes_{0};
  std::atomic<uint32_t> thread_{0};
  std::atomic<const char*> file_{nullptr};
  std::atomic<uint32_t> line_{0};
};

}  // namespace mc::internal
