// The waiters of one condition variable, derived from its events: every wait, wake and notify is
// an RMW on its location, so their order is the location's mo and the graph determines this.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <source_location>
#include <vector>

namespace mc::internal {

class CondvarState {
 public:
  CondvarState() = default;
  explicit CondvarState(const std::source_location& created_at) : created_at_(created_at) {}

  const std::source_location& created_at() const { return created_at_; }
  // Registered, not notified, in registration order: notify_one's choice indexes this.
  const std::vector<uint32_t>& waiting() const { return waiting_; }
  // Notified, not yet woken.
  const std::vector<uint32_t>& notified() const { return notified_; }
  bool Notified(uint32_t thread) const {
    return std::find(notified_.begin(), notified_.end(), thread) != notified_.end();
  }

  void Wait(uint32_t thread) { waiting_.push_back(thread); }
  // Woken, by a notification or spuriously: either way no longer a waiter.
  void Wake(uint32_t thread) {
    Erase(notified_, thread);
    Erase(waiting_, thread);
  }
  void NotifyAll() {
    notified_.insert(notified_.end(), waiting_.begin(), waiting_.end());
    waiting_.clear();
  }
  // Notifies waiting()[choice]; nothing when no thread waits.
  void NotifyOne(uint64_t choice) {
    if (waiting_.empty()) return;
    notified_.push_back(waiting_[choice]);
    waiting_.erase(waiting_.begin() + static_cast<std::ptrdiff_t>(choice));
  }

 private:
  static void Erase(std::vector<uint32_t>& v, uint32_t thread) {
    v.erase(std::remove(v.begin(), v.end(), thread), v.end());
  }

  std::vector<uint32_t> waiting_;
  std::vector<uint32_t> notified_;
  std::source_location created_at_;
};

}  // namespace mc::internal
