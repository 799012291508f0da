#include "fiber.h"

#include <sys/mman.h>
#include <unistd.h>

#include <boost/context/detail/fcontext.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "invariant.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MC_FIBER_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define MC_FIBER_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MC_FIBER_ASAN 1
#endif
#if defined(__SANITIZE_THREAD__)
#define MC_FIBER_TSAN 1
#endif

#ifdef MC_FIBER_ASAN
extern "C" {
void __sanitizer_start_switch_fiber(void** fake_stack_save, const void* bottom, size_t size);
void __sanitizer_finish_switch_fiber(void* fake_stack_save, const void** bottom_old,
                                     size_t* size_old);
}
#endif
#ifdef MC_FIBER_TSAN
extern "C" {
void* __tsan_get_current_fiber();
void* __tsan_create_fiber(unsigned flags);
void __tsan_destroy_fiber(void* fiber);
void __tsan_switch_to_fiber(void* fiber, unsigned flags);
}
#endif

namespace mc::internal {

namespace ctx = boost::context::detail;

FiberStack::FiberStack(size_t size) {
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_ = (size + page - 1) / page * page;
  mapping_size_ = size_ + page;
  mapping_ =
      mmap(nullptr, mapping_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) {
    std::fprintf(stderr, "[mc] cannot map a %zu-byte fiber stack: %s\n", mapping_size_,
                 std::strerror(errno));
    std::abort();
  }
  MC_INVARIANT(mprotect(mapping_, page, PROT_NONE) == 0, "mprotect of a stack guard page failed");
  usable_ = static_cast<char*>(mapping_) + page;
}

FiberStack::~FiberStack() { munmap(mapping_, mapping_size_); }

Fiber::Fiber(FiberStack* stack, std::function<void()> body)
    : stack_(stack), body_(std::move(body)) {
  context_ =
      ctx::make_fcontext(stack_->top(), stack_->size(), [](ctx::transfer_t t) { Entry(&t); });
#ifdef MC_FIBER_TSAN
  tsan_fiber_ = __tsan_create_fiber(0);
#endif
}

Fiber::~Fiber() {
  MC_INVARIANT(finished_ || !started_, "a fiber was destroyed while suspended");
#ifdef MC_FIBER_TSAN
  __tsan_destroy_fiber(tsan_fiber_);
#endif
}

void Fiber::Entry(void* transfer) {
  auto* t = static_cast<ctx::transfer_t*>(transfer);
  auto* self = static_cast<Fiber*>(t->data);
  self->scheduler_context_ = t->fctx;
#ifdef MC_FIBER_ASAN
  __sanitizer_finish_switch_fiber(nullptr, &self->asan_scheduler_bottom_,
                                  &self->asan_scheduler_size_);
#endif
  self->body_();  // the body catches everything; see Execution::ThreadMain
  self->finished_ = true;
  self->SwitchOut(true);
  std::fputs("[mc internal bug] a finished fiber was resumed\n", stderr);
  std::abort();
}

void Fiber::Resume() {
  MC_INVARIANT(!finished_, "resuming a finished fiber");
  started_ = true;
#ifdef MC_FIBER_TSAN
  tsan_scheduler_ = __tsan_get_current_fiber();
  __tsan_switch_to_fiber(tsan_fiber_, 0);
#endif
#ifdef MC_FIBER_ASAN
  void* fake = nullptr;
  __sanitizer_start_switch_fiber(&fake, stack_->bottom(), stack_->size());
#endif
  ctx::transfer_t t = ctx::jump_fcontext(context_, this);
#ifdef MC_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake, nullptr, nullptr);
#endif
  context_ = t.fctx;
}

void Fiber::Suspend() { SwitchOut(false); }

void Fiber::SwitchOut(bool final_switch) {
#ifdef MC_FIBER_TSAN
  __tsan_switch_to_fiber(tsan_scheduler_, 0);
#endif
#ifdef MC_FIBER_ASAN
  __sanitizer_start_switch_fiber(final_switch ? nullptr : &asan_fake_stack_, asan_scheduler_bottom_,
                                 asan_scheduler_size_);
#else
  (void)final_switch;
#endif
  ctx::transfer_t t = ctx::jump_fcontext(scheduler_context_, nullptr);
  scheduler_context_ = t.fctx;
#ifdef MC_FIBER_ASAN
  __sanitizer_finish_switch_fiber(asan_fake_stack_, &asan_scheduler_bottom_, &asan_scheduler_size_);
#endif
}

FiberStack* StackPool::Acquire() {
  if (next_ == stacks_.size()) stacks_.push_back(std::make_unique<FiberStack>(stack_size_));
  return stacks_[next_++].get();
}

StackPool& StackPoolFor(size_t stack_size) {
  thread_local std::vector<std::unique_ptr<StackPool>> pools;
  for (auto& pool : pools) {
    if (pool->stack_size() == stack_size) return *pool;
  }
  pools.push_back(std::make_unique<StackPool>(stack_size));
  return *pools.back();
}

}  // namespace mc::internal
