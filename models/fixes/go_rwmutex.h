// GoRWMutex: Go's sync.RWMutex algorithm (sync/rwmutex.go, Go 1.22) on a backend: a writer
// mutex, readerCount (negative while a writer is pending or active: writer preference),
// readerWait (readers the pending writer still waits for), and two semaphores. Go's atomics
// are sequentially consistent; its runtime semaphores (runtime_Semacquire / Semrelease, which
// park the goroutine) are the backend's Semaphore: std::counting_semaphore on real threads and
// mc::counting_semaphore under the checker, whose acquire waits for a permit as a parked
// goroutine does.
#pragma once

#include <cstdint>

#include "models/backend/backend.h"

namespace models {

// runtime_Semacquire / runtime_Semrelease: a counting semaphore, starting at 0.
template <Backend B>
using GoSemaphore = typename B::Semaphore;

template <Backend B>
class GoRWMutex {
 public:
  static constexpr int32_t rwmutexMaxReaders = 1 << 30;

  void RLock() {
    if (readerCount_.fetch_add(1, seq_cst) + 1 < 0) {
      // A writer is pending, wait for it.
      readerSem_.Acquire();
    }
  }
  void RUnlock() {
    if (const int32_t r = readerCount_.fetch_add(-1, seq_cst) - 1; r < 0) RUnlockSlow(r);
  }
  void Lock() {
    // First, resolve competition with other writers.
    w_.lock();
    // Announce to readers there is a pending writer.
    const int32_t r =
        readerCount_.fetch_add(-rwmutexMaxReaders, seq_cst);  // Go: Add(-max) + max, the old value
    // Wait for active readers.
    if (r != 0 && readerWait_.fetch_add(r, seq_cst) + r != 0) writerSem_.Acquire();
  }
  void Unlock() {
    // Announce to readers there is no active writer.
    const int32_t r = readerCount_.fetch_add(rwmutexMaxReaders, seq_cst) + rwmutexMaxReaders;
    if (r >= rwmutexMaxReaders) B::Fatal("sync: Unlock of unlocked RWMutex");
    // Unblock blocked readers, if any.
    for (int32_t i = 0; i < r; ++i) readerSem_.Release();
    // Allow other writers to proceed.
    w_.unlock();
  }

 private:
  void RUnlockSlow(int32_t r) {
    if (r + 1 == 0 || r + 1 == -rwmutexMaxReaders) B::Fatal("sync: RUnlock of unlocked RWMutex");
    // A writer is pending.
    if (readerWait_.fetch_add(-1, seq_cst) - 1 == 0) {
      // The last reader unblocks the writer.
      writerSem_.Release();
    }
  }

  typename B::Mutex w_;  // held if there are pending writers
  GoSemaphore<B> writerSem_;
  GoSemaphore<B> readerSem_;
  typename B::template Atomic<int32_t> readerCount_{0};
  typename B::template Atomic<int32_t> readerWait_{0};
};

}  // namespace models
