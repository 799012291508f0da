// The narrow interface between the public mc:: types and the engine. Not for test code: use
// mc::atomic, mc::var, mc::thread and the functions of assert.h instead.
#pragma once

#include <cstdint>
#include <functional>
#include <source_location>
#include <string_view>

#include "mc/memory_order.h"

namespace mc::detail {

using SourceLocation = std::source_location;

// Computes the value an RMW writes from the value it read.
using RmwFn = uint64_t (*)(uint64_t old_value, uint64_t operand);

// Identifies a shared object within one execution. `serial` tells executions apart, so an object
// kept across executions (a static) is caught instead of silently aliasing another one.
struct ObjectRef {
  uint64_t serial = 0;
  uint32_t location = 0;
};

struct ThreadRef {
  uint64_t serial = 0;
  uint32_t thread = 0;
};

// The runtime surface: every operation the public mc:: types perform on a running check,
// declared once here and implemented by the engine's execution (checker/src/execution.h).
class Runtime {
 public:
  // `object`: the mc::atomic or mc::var itself, so that a pointer to it can be named
  // independently of the heap (Strategy::kStatefulSC).
  // `pointer`: the object holds a pointer, whose value (an address) may differ between runs of
  // the same execution; it is not used to tell executions apart.
  // `name` (may be null) names the object in traces and messages; it must outlive the check (a
  // string literal).
  virtual ObjectRef RegisterLocation(uintptr_t object, bool atomic, bool pointer, uint64_t initial,
                                     const SourceLocation& where, const char* name) = 0;
  virtual uint64_t Load(ObjectRef ref, memory_order order, const SourceLocation& where,
                        const char* op) = 0;
  virtual void Store(ObjectRef ref, uint64_t value, memory_order order, const SourceLocation& where,
                     const char* op) = 0;
  virtual uint64_t Rmw(ObjectRef ref, RmwFn fn, uint64_t operand, memory_order order,
                       const SourceLocation& where, const char* op) = 0;
  // Returns whether the exchange succeeded; on failure `expected` receives the value read.
  virtual bool CompareExchange(ObjectRef ref, uint64_t& expected, uint64_t desired,
                               memory_order success, memory_order failure, bool weak,
                               const SourceLocation& where) = 0;
  virtual void Fence(memory_order order, const SourceLocation& where) = 0;
  // A relaxed atomic load of plain memory (a read that must not race with VarAtomicRmw).
  virtual uint64_t VarAtomicLoad(ObjectRef ref, const SourceLocation& where) = 0;
  // An atomic read-modify-write on plain memory (Go's atomic.Or8 on an otherwise plain field).
  virtual uint64_t VarAtomicRmw(ObjectRef ref, RmwFn fn, uint64_t operand,
                                const SourceLocation& where, const char* op) = 0;

  virtual ThreadRef Spawn(std::function<void()> body, const SourceLocation& where) = 0;
  virtual void Join(ThreadRef ref, const SourceLocation& where) = 0;
  // A joinable mc::thread was destroyed: std::thread would call std::terminate.
  virtual void DestroyedJoinable(ThreadRef ref, const SourceLocation& where) = 0;

  // Mutexes (mc::mutex, mc::shared_mutex). `shared` selects the reader side.
  virtual ObjectRef RegisterMutex(const SourceLocation& where) = 0;
  virtual void MutexLock(ObjectRef ref, bool shared, const SourceLocation& where) = 0;
  virtual bool MutexTryLock(ObjectRef ref, bool shared, const SourceLocation& where) = 0;
  virtual void MutexUnlock(ObjectRef ref, bool shared, const SourceLocation& where) = 0;
  virtual void MutexDestroyed(ObjectRef ref, const SourceLocation& where) = 0;  // destructor
  // Counting semaphores (mc::counting_semaphore): acquire waits for a permit and takes it.
  virtual ObjectRef RegisterSemaphore(uint64_t initial, const SourceLocation& where) = 0;
  virtual void SemaphoreAcquire(ObjectRef ref, const SourceLocation& where) = 0;
  virtual void SemaphoreRelease(ObjectRef ref, uint64_t permits, const SourceLocation& where) = 0;
  // Condition variables (mc::condition_variable).
  virtual ObjectRef RegisterCondvar(const SourceLocation& where) = 0;
  virtual void CondvarWait(ObjectRef cv, ObjectRef mutex, const SourceLocation& where) = 0;
  virtual void CondvarNotify(ObjectRef cv, bool all, const SourceLocation& where) = 0;

  virtual uint64_t Choose(uint64_t n, const SourceLocation& where) = 0;
  virtual void Assume(bool condition, const SourceLocation& where) = 0;
  virtual void Yield(const SourceLocation& where) = 0;
  [[noreturn]] virtual void AssertFailed(const char* expression, const SourceLocation& where) = 0;
  [[noreturn]] virtual void GoFatal(std::string_view message, const SourceLocation& where) = 0;
  virtual void Observe(std::string_view name, int64_t value) = 0;
  virtual void Note(const char* text, const SourceLocation& where) = 0;
  virtual uint64_t Position() const = 0;
  virtual bool HappensBefore(uint64_t a, uint64_t b, const SourceLocation& where) = 0;
  // A usage error found in the mc:: types themselves (e.g. an invalid memory order).
  [[noreturn]] virtual void UsageError(std::string_view message, const SourceLocation& where) = 0;

 protected:
  ~Runtime() = default;
};

// The runtime of the check running on this OS thread, or nullptr outside one.
Runtime* CurrentRuntime();
// The same, where there must be one: outside a check it throws std::logic_error saying that
// `what` was used at `where` outside mc::check (there is no report to put it in).
Runtime& Active(const SourceLocation& where, const char* what);
inline bool InCheck() { return CurrentRuntime() != nullptr; }

// Registers an object with the running check. Outside one the object gets a reference no
// execution knows (serial 0), so a use inside a check is reported there and one outside throws.
template <class Registration>
ObjectRef Register(Registration&& registration) {
  Runtime* runtime = CurrentRuntime();
  return runtime == nullptr ? ObjectRef{} : registration(*runtime);
}

}  // namespace mc::detail
