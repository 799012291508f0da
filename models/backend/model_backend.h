// ModelBackend: the checker's primitives, so a model runs as a test under mc::check.
#pragma once

#include "mc/mc.h"
#include "models/backend/backend.h"

namespace models {

struct ModelBackend {
  template <class T>
  using Atomic = mc::atomic<T>;
  template <class T>
  using Var = mc::var<T>;
  using Mutex = mc::mutex;
  using SharedMutex = mc::shared_mutex;
  using Thread = mc::thread;

  // The modelled Go runtime's fatal(): a kGoMapFatal finding of the check.
  [[noreturn]] static void Fatal(const char* message) { mc::go_fatal(message); }
};

static_assert(Backend<ModelBackend>);

}  // namespace models
