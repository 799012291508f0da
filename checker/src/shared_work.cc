#include "shared_work.h"

#include <chrono>

namespace mc::internal {

bool SharedWork::Take(OptimalSearch::Work& out) {
  std::unique_lock lock(mutex_);
  ++idle_;
  hungry_.fetch_add(1, std::memory_order_relaxed);
  while (items_.empty() && !over_ && !stopped()) {
    if (idle_ == workers_) {  // nobody holds work to give: the search is complete
      over_ = true;
      changed_.notify_all();
      break;
    }
    changed_.wait(lock);
  }
  hungry_.fetch_sub(1, std::memory_order_relaxed);
  --idle_;
  if (items_.empty() || stopped()) return false;
  out = std::move(items_.front());
  items_.pop_front();
  return true;
}

void SharedWork::Give(OptimalSearch::Work&& work) {
  const std::lock_guard lock(mutex_);
  items_.push_back(std::move(work));
  changed_.notify_one();
}

void SharedWork::Stop() {
  const std::lock_guard lock(mutex_);
  stopped_.store(true, std::memory_order_relaxed);
  changed_.notify_all();
}

void SharedWork::Finished() {
  const std::lock_guard lock(mutex_);
  ++finished_;
  changed_.notify_all();
}

bool SharedWork::WaitOver(int ms) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, std::chrono::milliseconds(ms),
                           [&] { return finished_ == workers_; });
}

}  // namespace mc::internal
