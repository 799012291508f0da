// mc::condition_variable: std::condition_variable for mc::mutex, under the checker. Every
// notify_one choice is explored (which waiter it wakes), and so are spurious wake-ups (see
// Options::spurious_wakeups). wait() must be called with the mutex held through a
// std::unique_lock<mc::mutex>, as with the standard type.
#pragma once

#include <mutex>
#include <source_location>

#include "mc/mutex.h"
#include "mc/runtime_api.h"

namespace mc {

class condition_variable {
 public:
  explicit condition_variable(std::source_location where = std::source_location::current())
      : ref_(detail::Register(
            [&](detail::Runtime& runtime) { return runtime.RegisterCondvar(where); })) {}
  condition_variable(const condition_variable&) = delete;
  condition_variable& operator=(const condition_variable&) = delete;

  // Releases the lock, waits for a notification (or a spurious wake-up), re-takes the lock.
  void wait(std::unique_lock<mutex>& lock,
            std::source_location where = std::source_location::current()) {
    if (lock.mutex() == nullptr || !lock.owns_lock()) {
      detail::Active(where, "an mc object")
          .UsageError("condition_variable::wait needs a std::unique_lock that holds its mutex",
                      where);
    }
    detail::Active(where, "an mc::condition_variable").CondvarWait(ref_, lock.mutex()->ref_, where);
  }
  // while (!pred()) wait(lock);
  template <class Predicate>
  void wait(std::unique_lock<mutex>& lock, Predicate pred,
            std::source_location where = std::source_location::current()) {
    while (!pred()) wait(lock, where);
  }
  void notify_one(std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc::condition_variable").CondvarNotify(ref_, false, where);
  }
  void notify_all(std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc::condition_variable").CondvarNotify(ref_, true, where);
  }

 private:
  detail::ObjectRef ref_;
};

}  // namespace mc
