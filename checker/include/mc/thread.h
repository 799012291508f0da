// mc::thread: a thread of the test, run as a fiber by the checker. Spawn and join inside the test
// closure (or inside another mc::thread); like std::thread, destroying a joinable thread is an
// error, reported as a usage error with the line that created it.
#pragma once

#include <functional>
#include <source_location>
#include <type_traits>
#include <utility>

#include "mc/runtime_api.h"

namespace mc {

class thread {
 public:
  thread() = default;
  template <class F>
  requires std::is_invocable_v<F&>
  explicit thread(F&& body, std::source_location where = std::source_location::current())
      : ref_(detail::Active(where, "an mc::thread")
                 .Spawn(std::function<void()>(std::forward<F>(body)), where)),
        joinable_(true),
        where_(where) {}

  thread(const thread&) = delete;
  thread& operator=(const thread&) = delete;
  thread(thread&& other) noexcept
      : ref_(other.ref_), joinable_(std::exchange(other.joinable_, false)), where_(other.where_) {}
  thread& operator=(thread&& other) noexcept {
    if (this != &other) {
      if (joinable_) ReportDestroyedJoinable();
      ref_ = other.ref_;
      joinable_ = std::exchange(other.joinable_, false);
      where_ = other.where_;
    }
    return *this;
  }
  ~thread() {
    if (joinable_) ReportDestroyedJoinable();
  }

  bool joinable() const { return joinable_; }
  void join(std::source_location where = std::source_location::current()) {
    if (!joinable_)
      detail::Active(where, "an mc object")
          .UsageError("join() on a thread that is not joinable", where);
    joinable_ = false;
    detail::Active(where, "mc::thread::join").Join(ref_, where);
  }

 private:
  void ReportDestroyedJoinable() const {
    if (detail::Runtime* runtime = detail::CurrentRuntime()) {
      runtime->DestroyedJoinable(ref_, where_);
    }
  }

  detail::ThreadRef ref_;
  bool joinable_ = false;
  std::source_location where_;
};

}  // namespace mc
