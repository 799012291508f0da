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

bool InCheck();

// `object`: the mc::atomic or mc::var itself, so that a pointer to it can be named independently
// of the heap (Strategy::kStatefulSC).
// `pointer`: the object holds a pointer, whose value (an address) may differ between runs of
// the same execution; it is not used to tell executions apart.
// `name` (may be null) names the object in traces and messages; it must outlive the check (a
// string literal).
ObjectRef RegisterLocation(uintptr_t object, bool atomic, bool pointer, uint64_t initial,
                           const SourceLocation& where, const char* name = nullptr);
uint64_t Load(ObjectRef ref, memory_order order, const SourceLocation& where, const char* op);
void Store(ObjectRef ref, uint64_t value, memory_order order, const SourceLocation& where,
           const char* op);
uint64_t Rmw(ObjectRef ref, RmwFn fn, uint64_t operand, memory_order order,
             const SourceLocation& where, const char* op);
// Returns whether the exchange succeeded; on failure `expected` receives the value read.
bool CompareExchange(ObjectRef ref, uint64_t& expected, uint64_t desired, memory_order success,
                     memory_order failure, bool weak, const SourceLocation& where);
void Fence(memory_order order, const SourceLocation& where);
// An atomic read-modify-write on plain memory (Go's atomic.Or8 on an otherwise plain field).
uint64_t VarAtomicRmw(ObjectRef ref, RmwFn fn, uint64_t operand, const SourceLocation& where,
                      const char* op);
// A relaxed atomic load of plain memory (a read that must not race with VarAtomicRmw).
uint64_t VarAtomicLoad(ObjectRef ref, const SourceLocation& where);

struct ThreadRef {
  uint64_t serial = 0;
  uint32_t thread = 0;
};
ThreadRef Spawn(std::function<void()> body, const SourceLocation& where);
void Join(ThreadRef ref, const SourceLocation& where);
// A joinable mc::thread was destroyed: std::thread would call std::terminate.
void DestroyedJoinable(ThreadRef ref, const SourceLocation& where);

// Counting semaphores (mc::counting_semaphore): acquire waits for a permit and takes it.
ObjectRef RegisterSemaphore(uint64_t initial, const SourceLocation& where);
void SemaphoreAcquire(ObjectRef ref, const SourceLocation& where);
void SemaphoreRelease(ObjectRef ref, uint64_t permits, const SourceLocation& where);

// Mutexes (mc::mutex, mc::shared_mutex). `shared` selects the reader side.
ObjectRef RegisterMutex(const SourceLocation& where);
void MutexLock(ObjectRef ref, bool shared, const SourceLocation& where);
bool MutexTryLock(ObjectRef ref, bool shared, const SourceLocation& where);
void MutexUnlock(ObjectRef ref, bool shared, const SourceLocation& where);
void MutexDestroyed(ObjectRef ref, const SourceLocation& where);  // from a destructor

// Condition variables (mc::condition_variable).
ObjectRef RegisterCondvar(const SourceLocation& where);
void CondvarWait(ObjectRef cv, ObjectRef mutex, const SourceLocation& where);
void CondvarNotify(ObjectRef cv, bool all, const SourceLocation& where);

uint64_t Choose(uint64_t n, const SourceLocation& where);
void Assume(bool condition, const SourceLocation& where);
void Yield(const SourceLocation& where);
[[noreturn]] void AssertFailed(const char* expression, const SourceLocation& where);
[[noreturn]] void GoFatal(std::string_view message, const SourceLocation& where);
void Observe(std::string_view name, int64_t value);
void Note(const char* text, const SourceLocation& where);
uint64_t Position(const SourceLocation& where);
bool HappensBefore(uint64_t a, uint64_t b, const SourceLocation& where);
// A usage error found in the mc:: types themselves (e.g. an invalid memory order).
[[noreturn]] void UsageError(std::string_view message, const SourceLocation& where);

}  // namespace mc::detail
