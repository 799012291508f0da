// The bookkeeping of one mutex, shared_mutex or counting semaphore beside its state in the graph:
// who holds it, for misuse and deadlock reports. The graph alone decides when it can be taken
// (a lock is an acquire RMW on the mutex's location that waits for the state it needs).
#pragma once

#include <cstdint>
#include <ostream>
#include <source_location>
#include <vector>

#include "event.h"

namespace mc::internal {

class MutexState {
 public:
  MutexState() = default;
  MutexState(const std::source_location& created_at, bool semaphore)
      : semaphore_(semaphore), created_at_(created_at) {}

  // A counting semaphore: no owner, no readers; any thread may release it.
  bool semaphore() const { return semaphore_; }
  const std::source_location& created_at() const { return created_at_; }

  bool HeldBy(uint32_t thread, bool shared) const {
    return shared ? thread < readers_.size() && readers_[thread] > 0 : owner_ == thread;
  }
  bool HeldInAnyWayBy(uint32_t thread) const {
    return HeldBy(thread, false) || HeldBy(thread, true);
  }
  // The exclusive owner, else the lowest thread holding it shared, else kNone.
  uint32_t AHolder() const {
    if (owner_ != kNone) return owner_;
    for (uint32_t t = 0; t < readers_.size(); ++t) {
      if (readers_[t] > 0) return t;
    }
    return kNone;
  }
  uint32_t owner() const { return owner_; }

  void Take(uint32_t thread, bool shared) {
    if (!shared) {
      owner_ = thread;
      return;
    }
    if (readers_.size() <= thread) readers_.resize(thread + 1, 0);
    ++readers_[thread];
  }
  // `thread` must hold it that way (HeldBy).
  void Release(uint32_t thread, bool shared) {
    if (shared) {
      --readers_[thread];
    } else {
      owner_ = kNone;
    }
  }

  // ", held by thread 1, read-held by thread 2" (nothing when free).
  void DescribeHolders(std::ostream& out) const {
    if (owner_ != kNone) out << ", held by thread " << owner_;
    for (uint32_t t = 0; t < readers_.size(); ++t) {
      if (readers_[t] > 0) out << ", read-held by thread " << t;
    }
  }

 private:
  bool semaphore_ = false;
  uint32_t owner_ = kNone;
  std::vector<uint32_t> readers_;  // shared holds per thread
  std::source_location created_at_;
};

}  // namespace mc::internal
