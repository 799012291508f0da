// mc::counting_semaphore and mc::binary_semaphore: std::counting_semaphore's acquire and release,
// whose permits the checker explores.
//
// The count is the semaphore's state in the graph. acquire() is an acquire read-modify-write that
// takes one permit and can only happen while the count is positive: until then the thread waits
// (it is not a spin loop; a wait no release can end is a deadlock, reported with the waiting
// threads). release(n) is a release read-modify-write that adds n, so a release synchronises with
// each acquire that takes a permit it added or that came after it in the count's modification
// order. Go's runtime semaphores (runtime_Semacquire / runtime_Semrelease, which park and wake
// goroutines) behave so. try_acquire and the timed waits are not provided.
#pragma once

#include <cstddef>
#include <cstdint>
#include <source_location>

#include "mc/runtime_api.h"

namespace mc {

template <std::ptrdiff_t LeastMaxValue = PTRDIFF_MAX>
class counting_semaphore {
 public:
  static constexpr std::ptrdiff_t max() noexcept { return LeastMaxValue; }

  explicit counting_semaphore(std::ptrdiff_t desired,
                              std::source_location where = std::source_location::current())
      : ref_(detail::Register([&](detail::Runtime& runtime) {
          return runtime.RegisterSemaphore(static_cast<uint64_t>(desired), where);
        })) {}
  counting_semaphore(const counting_semaphore&) = delete;
  counting_semaphore& operator=(const counting_semaphore&) = delete;

  void acquire(std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc::counting_semaphore").SemaphoreAcquire(ref_, where);
  }
  void release(std::ptrdiff_t update = 1,
               std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc::counting_semaphore")
        .SemaphoreRelease(ref_, static_cast<uint64_t>(update), where);
  }

 private:
  detail::ObjectRef ref_;
};

using binary_semaphore = counting_semaphore<1>;

}  // namespace mc
