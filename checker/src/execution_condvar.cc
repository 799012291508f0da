// Execution, continued: condition variables.
//
// wait(lock) is four steps: (1) register as a waiter (an RMW on the condvar); (2) unlock the
// mutex (an ordinary unlock, a write that goes at once: between the two nothing can take the
// mutex, so this is the standard's atomic release-and-wait); (3) wake: when notified, or
// spuriously; (4) re-lock the mutex (an ordinary lock request). notify_one is a step whose choice
// includes the waiter it wakes, so every choice is explored; notify_all wakes every waiter.
//
// Every condvar step is a relaxed RMW on the condvar's location, so the condvar operations are
// totally ordered by that location's mo, and what each write records (CondvarState::Tag, and the
// thread it concerns in other_thread) makes the waiters after it a fold of the chain up to it
// (CondvarAt): a function of the graph. A step's choice is the mo position of the state it reads
// times kCondvarSubChoices plus which of its outcomes it takes there (CondvarOutcomes), so a
// search may place it at any state, as an RMW (only the latest is consistent but for the optimal
// search's moot steps). Being relaxed, they add no synchronisation: as with real condition
// variables, the mutex orders what the threads see. The run keeps the latest state too
// (condvars_), checked against the fold at every step.
//
// Spurious wake-ups (Options::spurious_wakeups): a waiter may wake at any state where it is not
// notified. The canonical-order and stateful SC searches take one while some other thread can
// move; when only a spurious wake-up could free the waiters, they are deadlocked (a program that
// relies on one hangs). The optimal search has the graph's rule instead (optimal_search.h): the
// graph where a waiter never wakes is a deadlock, and those where it woke spuriously at any state
// are explored too; on a program without a deadlock both rules give the same graphs. A wait loop
// whose iteration observes nothing new (same reads, no writes besides the wait's own unlock and
// re-lock) is not explored again, as with mc::yield: this keeps `while (!ready) cv.wait(lock);`
// finite under spurious wake-ups.
#include <algorithm>
#include <optional>
#include <string>

#include "execution.h"
#include "invariant.h"
#include "source_text.h"

namespace mc::internal {

detail::ObjectRef Execution::RegisterCondvar(const std::source_location& where) {
  const uint32_t loc = NewLocation(true, true, false, 0, where);
  condvars_.try_emplace(loc, where);
  return detail::ObjectRef{serial_, loc};
}

bool Execution::Notified(uint32_t thread) const {
  const Request& rq = threads_[thread].request;
  const auto it = condvars_.find(rq.location);
  return it != condvars_.end() && it->second.Notified(thread);
}

bool Execution::WaitsUnnotified(uint32_t thread) const {
  const ThreadState& ts = threads_[thread];
  return ts.status == ThreadStatus::kWaiting && ts.request.kind == RequestKind::kCvWake &&
         !Notified(thread);
}

CondvarState Execution::CondvarAt(uint32_t location, size_t position) const {
  CondvarState state;
  const std::vector<uint32_t>& mo = graph_.Mo(location);
  for (size_t p = 1; p <= position && p < mo.size(); ++p) {
    const Event& w = graph_[mo[p]];
    state.Apply(CondvarState::OpOf(w.value), w.other_thread);
  }
  return state;
}

std::vector<uint64_t> Execution::CondvarOutcomes(uint32_t thread, size_t position) const {
  const Request& rq = threads_[thread].request;
  return OutcomesAt(rq.kind, rq.all, thread, rq.location, position);
}

std::vector<uint64_t> Execution::RedoOutcomes(uint32_t thread, const Pending& step,
                                              uint32_t write) const {
  return OutcomesAt(static_cast<RequestKind>(step.request), step.all, thread, step.location,
                    graph_.MoPosition(write));
}

std::vector<uint64_t> Execution::OutcomesAt(RequestKind kind, bool all, uint32_t thread,
                                            uint32_t location, size_t position) const {
  const CondvarState state = CondvarAt(location, position);
  switch (kind) {
    case RequestKind::kCvWait:
      return {0};
    case RequestKind::kCvWake:
      if (state.Notified(thread)) return {0};
      if (options_.spurious_wakeups && state.Waiting(thread)) return {1};
      return {};
    case RequestKind::kCvNotify: {
      if (all || state.waiting().empty()) return {0};
      std::vector<uint64_t> which(state.waiting().size());
      for (uint64_t k = 0; k < which.size(); ++k) which[k] = k;
      return which;
    }
    default:
      MC_INVARIANT(false, "CondvarOutcomes called for a request that is not a condvar step");
      return {};
  }
}

std::optional<Execution::CondvarRecord> Execution::CondvarWrite(uint32_t thread,
                                                                 uint64_t choice) const {
  const Request& rq = threads_[thread].request;
  const uint64_t position = choice / kCondvarSubChoices;
  const uint64_t outcome = choice % kCondvarSubChoices;
  if (position >= graph_.Mo(rq.location).size()) return std::nullopt;
  const std::vector<uint64_t> outcomes = CondvarOutcomes(thread, position);
  if (std::find(outcomes.begin(), outcomes.end(), outcome) == outcomes.end()) return std::nullopt;
  CondvarOp op = CondvarOp::kWait;
  uint32_t who = thread;
  if (rq.kind == RequestKind::kCvWake) {
    op = outcome == 0 ? CondvarOp::kWake : CondvarOp::kSpurious;
  } else if (rq.kind == RequestKind::kCvNotify) {
    const CondvarState state = CondvarAt(rq.location, position);
    op = rq.all                    ? CondvarOp::kNotifyAll
         : state.waiting().empty() ? CondvarOp::kNotifyNobody
                                   : CondvarOp::kNotifyOne;
    who = op == CondvarOp::kNotifyOne ? state.waiting()[outcome] : kNone;
  }
  return CondvarRecord{CondvarState::Tag(op, who == kNone ? 0 : graph_.ThreadCanonical(who)), who};
}

void Execution::RespondCondvar(uint32_t thread, const Event& write) {
  const Request& rq = threads_[thread].request;
  if (rq.kind != RequestKind::kCvWait && rq.kind != RequestKind::kCvWake &&
      rq.kind != RequestKind::kCvNotify) {
    return;
  }
  CondvarState& cv = Condvar(rq.location);
  cv.Apply(CondvarState::OpOf(write.value), write.other_thread);
  MC_INVARIANT(cv.SameWaiters(CondvarAt(rq.location, graph_.Mo(rq.location).size() - 1)),
               "a condition variable's waiters differ from the fold of its operations");
}

// ---------------------------------------------------------------------------------------------
// Fiber side.

void Execution::CondvarWait(detail::ObjectRef cv, detail::ObjectRef mutex,
                            const std::source_location& where) {
  if (aborting_) throw AbortRun{};
  const uint32_t cv_loc = CheckedLocation(cv, where);
  const uint32_t mutex_loc = CheckedLocation(mutex, where);
  if (!Mutex(mutex_loc).HeldBy(current_, false)) {
    UsageError("condition_variable::wait by thread " + std::to_string(current_) +
                   " on the mutex constructed at " + SourceText(Mutex(mutex_loc).created_at()) +
                   ", which it does not hold (lock it first, as std::unique_lock does)",
               where);
  }
  const bool repeated = IterationObservedNothingNew(/*skip_sync=*/true, where);
  Request wait;
  wait.kind = RequestKind::kCvWait;
  wait.location = cv_loc;
  wait.op = "wait";
  wait.where = where;
  Post(wait);
  PostUnlock(mutex_loc, false, where, "unlock (wait)");
  if (repeated) {
    // Not explored further, but only now, with the mutex released and the thread registered:
    // the others run on as they would beside a waiter, and if they cannot help, the wait is a
    // deadlock (ReportLivelock).
    SpinBlock(where, /*at_wait=*/true);
  }
  Request wake = wait;
  wake.kind = RequestKind::kCvWake;
  wake.op = "wake";
  Post(wake);
  MutexLock(mutex, false, where);
}

void Execution::CondvarNotify(detail::ObjectRef cv, bool all, const std::source_location& where) {
  Request rq;
  rq.kind = RequestKind::kCvNotify;
  rq.location = CheckedLocation(cv, where);
  rq.all = all;
  rq.op = all ? "notify_all" : "notify_one";
  rq.where = where;
  Post(rq);
}

}  // namespace mc::internal
