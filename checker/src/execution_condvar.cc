// Execution, continued: condition variables.
//
// wait(lock) is three steps: (1) register as a waiter and release the mutex, atomically (one
// step: an RMW on the condvar and the unlock's write); (2) wake: when notified, or spuriously;
// (3) re-lock the mutex (an ordinary lock request). notify_one is a step whose choice is the
// waiter it wakes, so every choice is explored; notify_all wakes every registered waiter.
//
// Every condvar step is a relaxed RMW on the condvar's location that reads its latest state, so
// the condvar operations are totally ordered by that location's mo, and the waiter sets
// (CondvarState) are a function of the graph, as the explorer's visited set requires. The value
// written tags the operation and the thread it concerns (canonical identities, so equivalent
// graphs hash alike). Being relaxed, they add no synchronisation: as with real condition
// variables, the mutex orders what the threads see.
//
// Spurious wake-ups (Options::spurious_wakeups) are explored while some other thread can move;
// when only a spurious wake-up could free the waiters, they are deadlocked (a program that relies
// on one hangs). A wait loop whose iteration observes nothing new (same reads, no writes besides
// the wait's own unlock and re-lock) is not explored again, as with mc::yield: this keeps
// `while (!ready) cv.wait(lock);` finite under spurious wake-ups.
#include <algorithm>
#include <string>

#include "execution.h"
#include "invariant.h"
#include "source_text.h"

namespace mc::internal {
namespace {

// The value a condvar RMW writes: what happened, to whom.
enum CondvarTag : uint64_t { kTagWait = 1, kTagWake = 2, kTagSpurious = 3, kTagNotify = 4 };

}  // namespace

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

void Execution::AppendCondvarRmw(const Event& base, uint64_t tag) {
  const auto& mo = graph_.Mo(base.location);
  Event r = base;
  r.kind = EventKind::kRead;
  r.rmw = true;
  r.order = relaxed;
  r.rf = mo.back();
  r.value = graph_[r.rf].value;
  graph_.Append(r);
  Event w = base;
  w.kind = EventKind::kWrite;
  w.rmw = true;
  w.order = relaxed;
  w.value = tag;
  const uint32_t id = graph_.Append(w);
  graph_.InsertMo(id, static_cast<uint32_t>(graph_.Mo(base.location).size()));
}

bool Execution::BuildCondvar(uint32_t thread, uint64_t choice, const Event& base) {
  const Request& rq = threads_[thread].request;
  const uint64_t self = graph_.ThreadCanonical(thread);
  switch (rq.kind) {
    case RequestKind::kCvWait: {
      if (choice != 0) return false;
      AppendCondvarRmw(base, Combine(kTagWait, self));
      Event unlock = base;  // the mutex's release, in the same step
      unlock.kind = EventKind::kWrite;
      unlock.location = rq.mutex;
      unlock.order = release;
      unlock.atomic = true;
      unlock.value = 0;
      unlock.op = "unlock (wait)";
      const uint32_t id = graph_.Append(unlock);
      graph_.InsertMo(id, static_cast<uint32_t>(graph_.Mo(rq.mutex).size()));
      return true;
    }
    case RequestKind::kCvWake:
      if (choice != 0) return false;
      AppendCondvarRmw(base, Combine(Notified(thread) ? kTagWake : kTagSpurious, self));
      return true;
    case RequestKind::kCvNotify: {
      const auto it = condvars_.find(rq.location);
      const std::vector<uint32_t> none;
      const auto& waiting = it == condvars_.end() ? none : it->second.waiting();
      if (rq.all || waiting.empty()) {
        if (choice != 0) return false;
        AppendCondvarRmw(base, Combine(kTagNotify, rq.all ? 1 : 0));
        return true;
      }
      if (choice >= waiting.size()) return false;
      AppendCondvarRmw(base, Combine(kTagNotify, graph_.ThreadCanonical(waiting[choice])));
      return true;
    }
    default:
      MC_INVARIANT(false, "BuildCondvar called for a request that is not a condvar step");
      return false;
  }
}

void Execution::RespondCondvar(uint32_t thread, uint64_t choice) {
  const Request& rq = threads_[thread].request;
  if (rq.kind != RequestKind::kCvWait && rq.kind != RequestKind::kCvWake &&
      rq.kind != RequestKind::kCvNotify) {
    return;
  }
  CondvarState& cv = Condvar(rq.location);
  switch (rq.kind) {
    case RequestKind::kCvWait:
      cv.Wait(thread);
      Mutex(rq.mutex).Release(thread, false);
      break;
    case RequestKind::kCvWake:
      cv.Wake(thread);
      break;
    case RequestKind::kCvNotify:
      if (rq.all) {
        cv.NotifyAll();
      } else {
        cv.NotifyOne(choice);
      }
      break;
    default:
      break;
  }
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
  wait.mutex = mutex_loc;
  wait.op = "wait";
  wait.where = where;
  Post(wait);
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
