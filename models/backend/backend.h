// The Backend policy every model under models/ is templated on, so one source runs on real
// threads (RealBackend: TSan, benchmarks) and under the model checker (ModelBackend). Nothing
// under models/ outside this folder includes <atomic>, <mutex>, <shared_mutex>, <thread> or
// <condition_variable>: every primitive comes from the backend (a test enforces it).
//
// A backend provides:
//   Atomic<T>    std::atomic-compatible (load, store, exchange, fetch_*, compare_exchange_*)
//   Var<T>       plain shared memory with load() / store(v) (and conversions): the Go map's
//                non-atomic fields. A race on it is a data race (TSan under RealBackend, a
//                finding under ModelBackend). Var<T>(initial, "name") names the field in the
//                checker's traces and race messages (a string literal; ignored on real threads).
//   Mutex, SharedMutex, Thread
//   Semaphore    a counting semaphore starting at 0: Acquire() blocks until it can take one,
//                Release() adds one (Go's runtime_Semacquire / runtime_Semrelease)
//   Yield()      the end of one spin-loop iteration (std::this_thread::yield / mc::yield)
//   Note(text)   a line for the checker's counterexample traces (mc::note); a no-op on real
//                threads. Marks code whose effect is an omission, such as a mutant's missing lock.
//   (for the Go map) AtomicOr8 / AtomicAnd8(Var<uint8_t>&, bits): Go's atomic.Or8 on a field
//                that is otherwise plain, returning the old value; AtomicLoad8(Var<uint8_t>&):
//                a relaxed load of such a field, racing with plain writes only.
//   Fatal(msg)   Go's runtime fatal(): unrecoverable. RealBackend prints "fatal error: msg" and
//                aborts; ModelBackend reports a kGoMapFatal finding.
#pragma once

#include <atomic>
#include <concepts>
#include <source_location>

namespace models {

using std::memory_order;
inline constexpr memory_order relaxed = std::memory_order_relaxed;
inline constexpr memory_order acquire = std::memory_order_acquire;
inline constexpr memory_order release = std::memory_order_release;
inline constexpr memory_order acq_rel = std::memory_order_acq_rel;
inline constexpr memory_order seq_cst = std::memory_order_seq_cst;

template <class B>
concept Backend = requires(const char* message) {
  typename B::template Atomic<int>;
  typename B::template Var<int>;
  typename B::Mutex;
  typename B::SharedMutex;
  typename B::Thread;
  typename B::Semaphore;
  {B::Fatal(message)};
};

// A scoped lock for any backend's Mutex (std::lock_guard without <mutex>). Under the checker,
// whose mutexes take a source location, the lock and unlock events carry the line that made
// the ScopedLock, so a counterexample names the caller rather than this header.
template <class Mutex>
class ScopedLock {
 public:
  explicit ScopedLock(Mutex& mu, std::source_location where = std::source_location::current())
      : mu_(mu), where_(where) {
    if constexpr (requires { mu.lock(where); }) {
      mu_.lock(where_);
    } else {
      mu_.lock();
    }
  }
  ~ScopedLock() {
    if constexpr (requires { mu_.unlock(where_); }) {
      mu_.unlock(where_);
    } else {
      mu_.unlock();
    }
  }
  ScopedLock(const ScopedLock&) = delete;
  ScopedLock& operator=(const ScopedLock&) = delete;

 private:
  Mutex& mu_;
  std::source_location where_;
};

}  // namespace models
