// The waiters of one condition variable. Every wait, wake and notify is an RMW on the condvar's
// location whose write records the operation and the thread it concerns (Tag; the write's
// other_thread), so the state after any write of that location is a fold of the writes up to it
// in mo (Execution::CondvarAt): a function of the graph, as the searches require.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <source_location>
#include <vector>

#include "event.h"

namespace mc::internal {

// What a condvar RMW did, in the low 3 bits of the value it writes.
enum class CondvarOp : uint8_t {
  kInit = 0,       // the condvar's init
  kWait = 1,       // a waiter registered
  kWake = 2,       // a notified waiter woke
  kSpurious = 3,   // a waiter woke without a notification
  kNotifyOne = 4,  // notify_one woke the write's other_thread
  kNotifyAll = 5,
  kNotifyNobody = 6,  // notify_one with no waiter
};

class CondvarState {
 public:
  CondvarState() = default;
  explicit CondvarState(const std::source_location& created_at) : created_at_(created_at) {}

  // The value a condvar RMW writes: `op` in the low bits, and above them a hash of the op and
  // the canonical identity of the thread it concerns, so that graphs hash apart exactly when
  // their condvar operations differ.
  static uint64_t Tag(CondvarOp op, uint64_t canonical) {
    return (Combine(static_cast<uint64_t>(op), canonical) & ~uint64_t{7}) |
           static_cast<uint64_t>(op);
  }
  static CondvarOp OpOf(uint64_t value) { return static_cast<CondvarOp>(value & 7); }

  const std::source_location& created_at() const { return created_at_; }
  // Registered, not notified, in registration order: notify_one's choice indexes this.
  const std::vector<uint32_t>& waiting() const { return waiting_; }
  // Notified, not yet woken.
  const std::vector<uint32_t>& notified() const { return notified_; }
  bool Notified(uint32_t thread) const { return Has(notified_, thread); }
  bool Waiting(uint32_t thread) const { return Has(waiting_, thread); }
  bool SameWaiters(const CondvarState& o) const {
    return waiting_ == o.waiting_ && notified_ == o.notified_;
  }

  // The effect of an operation that concerns thread `who` (kNone for notify_all and nobody).
  void Apply(CondvarOp op, uint32_t who) {
    switch (op) {
      case CondvarOp::kWait:
        waiting_.push_back(who);
        break;
      case CondvarOp::kWake:
      case CondvarOp::kSpurious:  // woken either way: no longer a waiter
        Erase(notified_, who);
        Erase(waiting_, who);
        break;
      case CondvarOp::kNotifyOne:
        Erase(waiting_, who);
        notified_.push_back(who);
        break;
      case CondvarOp::kNotifyAll:
        notified_.insert(notified_.end(), waiting_.begin(), waiting_.end());
        waiting_.clear();
        break;
      case CondvarOp::kInit:
      case CondvarOp::kNotifyNobody:
        break;
    }
  }

 private:
  static bool Has(const std::vector<uint32_t>& v, uint32_t thread) {
    return std::find(v.begin(), v.end(), thread) != v.end();
  }
  static void Erase(std::vector<uint32_t>& v, uint32_t thread) {
    v.erase(std::remove(v.begin(), v.end(), thread), v.end());
  }

  std::vector<uint32_t> waiting_;
  std::vector<uint32_t> notified_;
  std::source_location created_at_;
};

}  // namespace mc::internal
