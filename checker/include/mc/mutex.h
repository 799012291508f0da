// mc::mutex and mc::shared_mutex: std-compatible locks whose acquisitions the checker explores.
// std::lock_guard, std::unique_lock and std::shared_lock work with them.
//
// A lock acquisition is an acquire read-modify-write of the mutex's state that can only happen
// while the mutex is free, and an unlock is a release write, so lock order is modification
// order and an unlock synchronises with the next lock. try_lock never fails spuriously here.
// Misuse is a usage error naming the line: unlocking a mutex the thread does not hold, locking a
// mutex it already holds, destroying a locked mutex. Threads blocked forever on locks (or joins)
// are a deadlock, reported with the wait-for cycle or the blocked set.
#pragma once

#include <source_location>

#include "mc/runtime_api.h"

namespace mc {

namespace detail {

// What mc::mutex and mc::shared_mutex share: the exclusive side.
class MutexBase {
 public:
  explicit MutexBase(std::source_location where)
      : ref_(Register([&](Runtime& runtime) { return runtime.RegisterMutex(where); })),
        where_(where) {}
  MutexBase(const MutexBase&) = delete;
  MutexBase& operator=(const MutexBase&) = delete;
  ~MutexBase() {
    if (Runtime* runtime = CurrentRuntime()) runtime->MutexDestroyed(ref_, where_);
  }

  void lock(std::source_location where = std::source_location::current()) {
    Active(where, "an mc mutex").MutexLock(ref_, false, where);
  }
  bool try_lock(std::source_location where = std::source_location::current()) {
    return Active(where, "an mc mutex").MutexTryLock(ref_, false, where);
  }
  void unlock(std::source_location where = std::source_location::current()) {
    Active(where, "an mc mutex").MutexUnlock(ref_, false, where);
  }

 protected:
  ObjectRef ref_;
  std::source_location where_;
};

}  // namespace detail

class condition_variable;

class mutex : public detail::MutexBase {
 public:
  explicit mutex(std::source_location where = std::source_location::current()) : MutexBase(where) {}

 private:
  friend class condition_variable;
};

class shared_mutex : public detail::MutexBase {
 public:
  explicit shared_mutex(std::source_location where = std::source_location::current())
      : MutexBase(where) {}

  void lock_shared(std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc mutex").MutexLock(ref_, true, where);
  }
  bool try_lock_shared(std::source_location where = std::source_location::current()) {
    return detail::Active(where, "an mc mutex").MutexTryLock(ref_, true, where);
  }
  void unlock_shared(std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc mutex").MutexUnlock(ref_, true, where);
  }
};

}  // namespace mc
