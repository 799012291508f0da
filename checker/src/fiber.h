// Fibers: the stack switching under mc::thread. A fiber only switches stacks; what runs next is
// the scheduler's decision (execution.h). Built on Boost.Context's fcontext (a few nanoseconds per
// switch, no system call), with the annotations AddressSanitizer and ThreadSanitizer need to follow
// a stack switch.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace mc::internal {

// A stack from mmap with a PROT_NONE guard page below it, so an overflow faults instead of
// corrupting a neighbour.
class FiberStack {
 public:
  explicit FiberStack(size_t size);
  ~FiberStack();
  FiberStack(const FiberStack&) = delete;
  FiberStack& operator=(const FiberStack&) = delete;

  void* bottom() const { return usable_; }
  size_t size() const { return size_; }
  void* top() const { return static_cast<char*>(usable_) + size_; }

 private:
  void* mapping_ = nullptr;
  size_t mapping_size_ = 0;
  void* usable_ = nullptr;
  size_t size_ = 0;
};

// Runs `body` on its own stack. Resume() runs it until it calls Suspend() or returns; Suspend()
// returns to whoever called Resume(). One scheduler (the OS thread's own stack) drives all fibers.
class Fiber {
 public:
  Fiber(FiberStack* stack, std::function<void()> body);
  ~Fiber();
  Fiber(const Fiber&) = delete;
  Fiber& operator=(const Fiber&) = delete;

  void Resume();   // from the scheduler
  void Suspend();  // from inside this fiber
  bool finished() const { return finished_; }

 private:
  static void Entry(void* transfer);  // receives boost's transfer_t by pointer
  void SwitchOut(bool final_switch);

  FiberStack* stack_;
  std::function<void()> body_;
  void* context_ = nullptr;            // fcontext of this fiber while suspended
  void* scheduler_context_ = nullptr;  // fcontext of the scheduler while this fiber runs
  bool finished_ = false;
  bool started_ = false;
  // Sanitizer bookkeeping, used only in sanitizer builds.
  [[maybe_unused]] void* tsan_fiber_ = nullptr;
  [[maybe_unused]] void* tsan_scheduler_ = nullptr;
  [[maybe_unused]] void* asan_fake_stack_ = nullptr;
  [[maybe_unused]] const void* asan_scheduler_bottom_ = nullptr;
  [[maybe_unused]] size_t asan_scheduler_size_ = 0;
};

// Reuses stacks across executions: an exploration re-runs the test thousands of times, and a test
// suite runs many explorations. One pool per OS thread and stack size (StackPoolFor).
class StackPool {
 public:
  explicit StackPool(size_t stack_size) : stack_size_(stack_size) {}
  size_t stack_size() const { return stack_size_; }
  FiberStack* Acquire();
  void ReleaseAll() { next_ = 0; }

 private:
  size_t stack_size_;
  std::vector<std::unique_ptr<FiberStack>> stacks_;
  size_t next_ = 0;
};

// The calling OS thread's pool for stacks of `stack_size` bytes. Only one execution runs on an OS
// thread at a time, so the pool is never shared by two live executions.
StackPool& StackPoolFor(size_t stack_size);

}  // namespace mc::internal
