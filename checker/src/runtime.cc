// The detail:: functions behind mc::atomic, mc::var, mc::thread and friends: each finds the active
// execution and forwards. Outside a check there is none, and using an mc object there is an error
// that names the line (std::logic_error, since there is no report to put it in).
#include "runtime.h"

#include <stdexcept>
#include <string>

#include "execution.h"
#include "mc/runtime_api.h"
#include "source_text.h"

namespace mc::internal {
namespace {

thread_local Execution* g_active = nullptr;
thread_local bool g_in_check = false;

Execution& Active(const std::source_location& where, const char* what) {
  if (g_active == nullptr) {
    throw std::logic_error(std::string(what) + " at " + SourceText(where) +
                           " used outside mc::check: mc objects and threads only work inside a "
                           "test run by mc::check or mc::replay");
  }
  return *g_active;
}

}  // namespace

Execution* ActiveExecution() { return g_active; }

CurrentExecution::CurrentExecution(Execution* execution) : saved_(g_active) {
  g_active = execution;
}
CurrentExecution::~CurrentExecution() { g_active = saved_; }

CheckScope::CheckScope() {
  if (g_in_check) {
    throw std::logic_error("mc::check or mc::replay called inside a test that mc is checking");
  }
  g_in_check = true;
}
CheckScope::~CheckScope() { g_in_check = false; }
bool CheckScope::Active() { return g_in_check; }

}  // namespace mc::internal

namespace mc::detail {

using internal::Active;

bool InCheck() { return internal::g_active != nullptr; }

ObjectRef RegisterLocation(uintptr_t object, bool atomic, bool pointer, uint64_t initial,
                           const SourceLocation& where, const char* name) {
  // Constructed outside a check: serial 0 never matches an execution, so any use inside a check
  // is reported there, and any use outside throws.
  if (internal::g_active == nullptr) return ObjectRef{};
  return internal::g_active->RegisterLocation(object, atomic, pointer, initial, where, name);
}
uint64_t Load(ObjectRef ref, memory_order order, const SourceLocation& where, const char* op) {
  return Active(where, "an mc object").Load(ref, order, where, op);
}
void Store(ObjectRef ref, uint64_t value, memory_order order, const SourceLocation& where,
           const char* op) {
  Active(where, "an mc object").Store(ref, value, order, where, op);
}
uint64_t Rmw(ObjectRef ref, RmwFn fn, uint64_t operand, memory_order order,
             const SourceLocation& where, const char* op) {
  return Active(where, "an mc::atomic").Rmw(ref, fn, operand, order, where, op);
}
bool CompareExchange(ObjectRef ref, uint64_t& expected, uint64_t desired, memory_order success,
                     memory_order failure, bool weak, const SourceLocation& where) {
  return Active(where, "an mc::atomic")
      .CompareExchange(ref, expected, desired, success, failure, weak, where);
}
uint64_t VarAtomicRmw(ObjectRef ref, RmwFn fn, uint64_t operand, const SourceLocation& where,
                      const char* op) {
  return Active(where, "an mc::var").VarAtomicRmw(ref, fn, operand, where, op);
}
uint64_t VarAtomicLoad(ObjectRef ref, const SourceLocation& where) {
  return Active(where, "an mc::var").VarAtomicLoad(ref, where);
}
void Fence(memory_order order, const SourceLocation& where) {
  Active(where, "mc::fence").Fence(order, where);
}
ThreadRef Spawn(std::function<void()> body, const SourceLocation& where) {
  return Active(where, "an mc::thread").Spawn(std::move(body), where);
}
void Join(ThreadRef ref, const SourceLocation& where) {
  Active(where, "mc::thread::join").Join(ref, where);
}
void DestroyedJoinable(ThreadRef ref, const SourceLocation& where) {
  if (internal::g_active != nullptr) internal::g_active->DestroyedJoinable(ref, where);
}
ObjectRef RegisterMutex(const SourceLocation& where) {
  if (internal::g_active == nullptr) return ObjectRef{};
  return internal::g_active->RegisterMutex(where);
}
void MutexLock(ObjectRef ref, bool shared, const SourceLocation& where) {
  Active(where, "an mc mutex").MutexLock(ref, shared, where);
}
bool MutexTryLock(ObjectRef ref, bool shared, const SourceLocation& where) {
  return Active(where, "an mc mutex").MutexTryLock(ref, shared, where);
}
void MutexUnlock(ObjectRef ref, bool shared, const SourceLocation& where) {
  Active(where, "an mc mutex").MutexUnlock(ref, shared, where);
}
ObjectRef RegisterSemaphore(uint64_t initial, const SourceLocation& where) {
  if (internal::g_active == nullptr) return ObjectRef{};
  return internal::g_active->RegisterSemaphore(initial, where);
}
void SemaphoreAcquire(ObjectRef ref, const SourceLocation& where) {
  Active(where, "an mc::counting_semaphore").SemaphoreAcquire(ref, where);
}
void SemaphoreRelease(ObjectRef ref, uint64_t permits, const SourceLocation& where) {
  Active(where, "an mc::counting_semaphore").SemaphoreRelease(ref, permits, where);
}
ObjectRef RegisterCondvar(const SourceLocation& where) {
  if (internal::g_active == nullptr) return ObjectRef{};
  return internal::g_active->RegisterCondvar(where);
}
void CondvarWait(ObjectRef cv, ObjectRef mutex, const SourceLocation& where) {
  Active(where, "an mc::condition_variable").CondvarWait(cv, mutex, where);
}
void CondvarNotify(ObjectRef cv, bool all, const SourceLocation& where) {
  Active(where, "an mc::condition_variable").CondvarNotify(cv, all, where);
}
void MutexDestroyed(ObjectRef ref, const SourceLocation& where) {
  if (internal::g_active != nullptr) internal::g_active->MutexDestroyed(ref, where);
}
uint64_t Choose(uint64_t n, const SourceLocation& where) {
  return Active(where, "mc::choose").Choose(n, where);
}
void Yield(const SourceLocation& where) { Active(where, "mc::yield").Yield(where); }
void Assume(bool condition, const SourceLocation& where) {
  Active(where, "mc::assume").Assume(condition, where);
}
void AssertFailed(const char* expression, const SourceLocation& where) {
  Active(where, "MC_ASSERT").AssertFailed(expression, where);
}
void GoFatal(std::string_view message, const SourceLocation& where) {
  Active(where, "mc::go_fatal").GoFatal(message, where);
}
void Observe(std::string_view name, int64_t value) {
  if (internal::g_active == nullptr) {
    throw std::logic_error("mc::observe(\"" + std::string(name) + "\") used outside mc::check");
  }
  internal::g_active->Observe(name, value);
}
uint64_t Position(const SourceLocation& where) { return Active(where, "mc::position").Position(); }
bool HappensBefore(uint64_t a, uint64_t b, const SourceLocation& where) {
  return Active(where, "mc::happens_before").HappensBefore(a, b, where);
}
void Note(const char* text, const SourceLocation& where) {
  Active(where, "mc::note").Note(text, where);
}
void UsageError(std::string_view message, const SourceLocation& where) {
  Active(where, "an mc object").UsageError(std::string(message), where);
}

}  // namespace mc::detail
