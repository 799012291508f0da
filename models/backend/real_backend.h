// RealBackend: the standard primitives, for real threads (fuzzing under ThreadSanitizer,
// benchmarks). Var<T> is plain memory, so TSan reports a race on it the way Go's -race would.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <thread>

#include "models/backend/backend.h"

namespace models {

// Plain memory with the interface of mc::var.
template <class T>
class PlainVar {
 public:
  PlainVar() = default;
  PlainVar(T initial) : value_(initial) {}  // NOLINT(google-explicit-constructor)
  PlainVar(T initial, const char* /*name: for the checker's traces only*/) : value_(initial) {}
  PlainVar(const PlainVar&) = delete;
  PlainVar& operator=(const PlainVar&) = delete;
  T load() const { return value_; }
  T& raw() { return value_; }
  void store(T v) { value_ = v; }
  operator T() const { return value_; }  // NOLINT(google-explicit-constructor)
  PlainVar& operator=(T v) {
    value_ = v;
    return *this;
  }

 private:
  T value_{};
};

// A counting semaphore that parks the waiting thread, as Go's runtime semaphores park goroutines.
class BlockingSemaphore {
 public:
  void Acquire() { s_.acquire(); }
  void Release() { s_.release(); }

 private:
  std::counting_semaphore<> s_{0};
};

struct RealBackend {
  static constexpr bool kCheckBounds = false;

  template <class T>
  using Atomic = std::atomic<T>;
  template <class T>
  using Var = PlainVar<T>;
  using Mutex = std::mutex;
  using SharedMutex = std::shared_mutex;
  using Thread = std::thread;
  using Semaphore = BlockingSemaphore;

  // Go's atomic.Or8 (and an atomic And8) on a field that is otherwise plain (the map's flags);
  // they return the old value.
  static uint8_t AtomicOr8(Var<uint8_t>& field, uint8_t bits) {
    return std::atomic_ref<uint8_t>(field.raw()).fetch_or(bits, std::memory_order_seq_cst);
  }
  static uint8_t AtomicAnd8(Var<uint8_t>& field, uint8_t bits) {
    return std::atomic_ref<uint8_t>(field.raw()).fetch_and(bits, std::memory_order_seq_cst);
  }
  static uint8_t AtomicLoad8(Var<uint8_t>& field) {
    return std::atomic_ref<uint8_t>(field.raw()).load(std::memory_order_relaxed);
  }

  // A line for the checker's traces: nothing to do on real threads.
  static void Note(const char* /*text*/) {}

  // A spin-loop iteration ended without progress: let another thread run.
  static void Yield() { std::this_thread::yield(); }

  // Go's fatal(): "fatal error: ..." and the process ends; nothing can recover it.
  [[noreturn]] static void Fatal(const char* message) {
    std::fprintf(stderr, "fatal error: %s\n", message);
    std::fflush(stderr);
    std::abort();
  }
};

static_assert(Backend<RealBackend>);

}  // namespace models
