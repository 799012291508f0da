// ModelBackend: the checker's primitives, so a model runs as a test under mc::check.
#pragma once

#include <cstdint>
#include <source_location>

#include "mc/mc.h"
#include "models/backend/backend.h"

namespace models {

// A counting semaphore starting at 0 (Go's runtime semaphore): an acquire waits for a permit
// (no spinning, no executions for the wait itself).
class CheckedSemaphore {
 public:
  void Acquire(std::source_location where = std::source_location::current()) {
    s_.acquire(where);
  }
  void Release(std::source_location where = std::source_location::current()) {
    s_.release(1, where);
  }

 private:
  mc::counting_semaphore<> s_{0};
};

struct ModelBackend {
  // Models check that racy reads of structure fields do not send them outside their memory
  // (C++ undefined behaviour under the checker; memory corruption in Go).
  static constexpr bool kCheckBounds = true;

  template <class T>
  using Atomic = mc::atomic<T>;
  template <class T>
  using Var = mc::var<T>;
  using Mutex = mc::mutex;
  using SharedMutex = mc::shared_mutex;
  using Thread = mc::thread;
  using Semaphore = CheckedSemaphore;

  // Go's atomic.Or8 (and an atomic And8) on the map's otherwise plain flags field; they return
  // the old value.
  static uint8_t AtomicOr8(Var<uint8_t>& field, uint8_t bits) {
    return field.atomic_fetch_or(bits);
  }
  static uint8_t AtomicAnd8(Var<uint8_t>& field, uint8_t bits) {
    return field.atomic_fetch_and(bits);
  }
  static uint8_t AtomicLoad8(Var<uint8_t>& field) { return field.atomic_load(); }

  // A spin-loop iteration ended (mc::yield: one that observed nothing new is not explored again).
  static void Yield(std::source_location where = std::source_location::current()) {
    mc::yield(where);
  }

  // A line for the counterexample trace (mc::note); `text` must be a string literal.
  static void Note(const char* text, std::source_location where = std::source_location::current()) {
    mc::note(text, where);
  }

  // The modelled Go runtime's fatal(): a kGoMapFatal finding of the check.
  [[noreturn]] static void Fatal(const char* message,
                                 std::source_location where = std::source_location::current()) {
    mc::go_fatal(message, where);
  }
};

static_assert(Backend<ModelBackend>);

}  // namespace models
