// Execution, continued: mutexes, semaphores, deadlock and livelock reports, and spin loops
// (mc::yield).
// The scheduler and the memory accesses are in execution.cc.
#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>

#include "execution.h"
#include "invariant.h"
#include "source_text.h"

namespace mc::internal {

uint64_t Execution::MutexValue(uint32_t location) const {
  return graph_[graph_.Mo(location).back()].value;
}

detail::ObjectRef Execution::RegisterMutex(const std::source_location& where) {
  const uint32_t loc = NewLocation(true, true, false, 0, where);
  mutexes_.try_emplace(loc, where, false);
  return detail::ObjectRef{serial_, loc};
}

void Execution::MutexLock(detail::ObjectRef ref, bool shared, const std::source_location& where) {
  const uint32_t loc = CheckedLocation(ref, where);
  const MutexState& m = Mutex(loc);
  if (m.HeldInAnyWayBy(current_)) {
    UsageError("thread " + std::to_string(current_) + " locks the mutex constructed at " +
                   SourceText(m.created_at()) +
                   " that it already holds (not a recursive mutex: this deadlocks or is "
                   "undefined)",
               where);
  }
  Request rq =
      AccessRequest(RequestKind::kLock, ref, acquire, where, shared ? "lock_shared" : "lock");
  rq.shared = shared;
  rq.hold = static_cast<uint8_t>(shared ? Hold::kShared : Hold::kExclusive);
  Post(rq);
}

bool Execution::MutexTryLock(detail::ObjectRef ref, bool shared,
                             const std::source_location& where) {
  Request rq = AccessRequest(RequestKind::kTryLock, ref, acquire, where,
                             shared ? "try_lock_shared" : "try_lock");
  rq.shared = shared;
  rq.hold = static_cast<uint8_t>(shared ? Hold::kShared : Hold::kExclusive);
  Post(rq);
  return threads_[current_].request.success;
}

// A semaphore's count is its location's value: an acquire is a lock that takes a permit (an
// acquire RMW that waits until the count is positive, Hold::kPermit), a release an RMW that adds.
detail::ObjectRef Execution::RegisterSemaphore(uint64_t initial,
                                               const std::source_location& where) {
  const uint32_t loc = NewLocation(true, true, false, initial, where);
  mutexes_.try_emplace(loc, where, true);
  return detail::ObjectRef{serial_, loc};
}

void Execution::SemaphoreAcquire(detail::ObjectRef ref, const std::source_location& where) {
  Request rq = AccessRequest(RequestKind::kLock, ref, acquire, where, "acquire");
  rq.hold = static_cast<uint8_t>(Hold::kPermit);
  Post(rq);
}

void Execution::SemaphoreRelease(detail::ObjectRef ref, uint64_t permits,
                                 const std::source_location& where) {
  Request rq = AccessRequest(RequestKind::kRmw, ref, release, where, "release");
  rq.fn = [](uint64_t count, uint64_t n) { return count + n; };
  rq.value = permits;
  Post(rq);
}

void Execution::MutexUnlock(detail::ObjectRef ref, bool shared, const std::source_location& where) {
  if (aborting_) return;
  const uint32_t loc = CheckedLocation(ref, where);
  const MutexState& m = Mutex(loc);
  if (!m.HeldBy(current_, shared)) {
    const std::string held = m.owner() != kNone
                                 ? "it is held by thread " + std::to_string(m.owner())
                                 : std::string("it is not locked") + (shared ? " for reading" : "");
    UsageError("thread " + std::to_string(current_) + " calls " +
                   (shared ? "unlock_shared" : "unlock") + " on the mutex constructed at " +
                   SourceText(m.created_at()) + " but " + held,
               where);
  }
  PostUnlock(loc, shared, where, shared ? "unlock_shared" : "unlock");
}

void Execution::PostUnlock(uint32_t mutex, bool shared, const std::source_location& where,
                           const char* op) {
  Request rq;
  rq.location = mutex;
  rq.order = release;
  rq.where = where;
  rq.op = op;
  Mutex(mutex).Release(current_, shared);
  if (shared) {
    rq.kind = RequestKind::kRmw;
    rq.fn = [](uint64_t state, uint64_t) { return state - 1; };
  } else {
    rq.kind = RequestKind::kWrite;
    rq.value = 0;
  }
  Post(rq);
}

void Execution::MutexDestroyed(detail::ObjectRef ref, const std::source_location& where) {
  if (aborting_ || std::uncaught_exceptions() > 0 || ref.serial != serial_) return;
  read_the_graph_ = true;  // who holds it
  const uint32_t holder = Mutex(ref.location).AHolder();
  if (holder == kNone) return;
  StopInDestructor(Verdict::kUsageError,
                   "the mutex constructed at " + SourceText(where) +
                       " was destroyed while thread " + std::to_string(holder) + " holds it",
                   "destroyed a locked mutex", where);
}

std::string Execution::DescribeWait(uint32_t thread) {
  const Request& rq = threads_[thread].request;
  std::ostringstream out;
  out << "thread " << thread << " waits at " << SourceText(rq.where) << " in ";
  if (rq.kind == RequestKind::kJoin) {
    out << "join() of thread " << rq.target;
  } else if (rq.kind == RequestKind::kCvWake) {
    out << "condition_variable::wait() of the condvar constructed at "
        << SourceText(Condvar(rq.location).created_at()) << ", not notified";
  } else if (Mutex(rq.location).semaphore()) {
    out << "acquire() of the counting_semaphore constructed at "
        << SourceText(Mutex(rq.location).created_at()) << ", no permit left";
  } else {
    const MutexState& m = Mutex(rq.location);
    out << rq.op << "() of the mutex constructed at " << SourceText(m.created_at());
    m.DescribeHolders(out);
  }
  return out.str();
}

// Every unfinished thread waits. Follow "waits for" edges (the joined thread, a holder of the
// mutex) from each waiting thread; a cycle is a deadlock among those threads, and otherwise the
// waiting threads are blocked forever (a partial deadlock when others finished).
void Execution::ReportDeadlock() {
  auto waits_for = [&](uint32_t t) -> uint32_t {
    const Request& rq = threads_[t].request;
    if (rq.kind == RequestKind::kJoin) return rq.target;
    if (rq.kind == RequestKind::kCvWake) return kNone;  // waits for a notification, not a thread
    const MutexState& m = Mutex(rq.location);
    if (m.semaphore()) return kNone;  // waits for a release by any thread
    return m.AHolder();
  };
  std::vector<uint32_t> cycle;
  for (uint32_t start = 0; start < threads_.size() && cycle.empty(); ++start) {
    if (threads_[start].status != ThreadStatus::kWaiting) continue;
    std::vector<uint32_t> path;
    uint32_t t = start;
    while (t != kNone && threads_[t].status == ThreadStatus::kWaiting &&
           std::find(path.begin(), path.end(), t) == path.end()) {
      path.push_back(t);
      t = waits_for(t);
    }
    if (t != kNone && std::find(path.begin(), path.end(), t) != path.end()) {
      cycle.assign(std::find(path.begin(), path.end(), t), path.end());
    }
  }
  std::ostringstream msg;
  std::vector<uint32_t> blocked;
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    if (threads_[t].status == ThreadStatus::kWaiting) blocked.push_back(t);
  }
  const auto& shown = cycle.empty() ? blocked : cycle;
  msg << (cycle.empty() ? "deadlock: threads blocked forever: " : "deadlock: a wait-for cycle: ");
  for (size_t i = 0; i < shown.size(); ++i) {
    msg << (i == 0 ? "" : "; ") << DescribeWait(shown[i]);
  }
  if (!cycle.empty() && blocked.size() > cycle.size()) {
    msg << " (" << blocked.size() - cycle.size() << " more threads wait on them)";
  }
  SetFinding(Verdict::kDeadlock, msg.str());
  for (uint32_t t : blocked) {
    const Request& rq = threads_[t].request;
    finding_.stops.push_back({t, std::string("blocked in ") + rq.op, rq.where});
  }
}

bool Execution::IterationObservedNothingNew(bool skip_sync, const std::source_location& where) {
  read_the_graph_ = true;  // compares reads-from sources, not only the values read
  ThreadState& ts = threads_[current_];
  const auto& events = graph_.ThreadEvents(current_);
  const size_t reached = EventsReached(current_);  // (a restored run's thread redoes the rest)
  bool wrote = false;
  std::vector<uint32_t> reads;
  for (size_t i = ts.iteration_start; i < reached; ++i) {
    const Event& e = graph_[events[i]];
    if (skip_sync && e.location != kNone && graph_.Location(e.location).mutex) continue;
    if (e.IsRead()) reads.push_back(e.rf);
    wrote = wrote || (e.IsWrite() && e.kind != EventKind::kInit);
  }
  // A wait compares iterations of one loop only: the previous mark must be the same wait call.
  const bool same_loop =
      !skip_sync ||
      (ts.mark_at.line() == where.line() && ts.mark_at.column() == where.column() &&
       std::string_view(ts.mark_at.file_name()) == std::string_view(where.file_name()));
  const bool nothing_new =
      !wrote && ts.has_previous_iteration && same_loop && reads == ts.previous_reads;
  ts.iteration_start = static_cast<uint32_t>(reached);
  ts.has_previous_iteration = !wrote;
  ts.previous_reads = std::move(reads);
  ts.mark_at = where;
  return nothing_new;
}

void Execution::Yield(const std::source_location& where) {
  if (aborting_) throw AbortRun{};
  if (IterationObservedNothingNew(/*skip_sync=*/false, where)) SpinBlock(where, false);
}

void Execution::SpinBlock(const std::source_location& where, bool at_wait) {
  ThreadState& ts = threads_[current_];
  ts.status = ThreadStatus::kSpinBlocked;
  ts.yield_at = where;
  ts.spin_at_wait = at_wait;
  ts.fiber->Suspend();
  throw AbortRun{};
}

bool Execution::ReportLivelock() {
  // Threads stuck in condition_variable::wait loops are blocked, not spinning: a deadlock (a
  // lost wake-up, typically) unless some thread really spins at mc::yield.
  bool all_waits = true;
  for (const ThreadState& ts : threads_) {
    if (ts.status == ThreadStatus::kSpinBlocked && !ts.spin_at_wait) all_waits = false;
  }
  std::ostringstream msg;
  msg << (all_waits ? "deadlock: threads blocked forever:" : "livelock:");
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const ThreadState& ts = threads_[t];
    if (ts.status != ThreadStatus::kSpinBlocked) continue;
    for (uint32_t w : ts.previous_reads) {
      const uint32_t loc = graph_[w].location;
      if (graph_.Mo(loc).back() != w) return false;  // a newer write exists: not stuck for good
    }
    if (ts.spin_at_wait) {
      msg << " thread " << t << " waits at " << SourceText(ts.yield_at)
          << " in condition_variable::wait and no notification can come (its condition reads "
             "the latest writes and no other thread can run);";
    } else {
      msg << " thread " << t << " spins at " << SourceText(ts.yield_at)
          << " and can never observe a new value (its loop reads the latest writes and no thread "
             "can run to write again);";
    }
  }
  SetFinding(all_waits ? Verdict::kDeadlock : Verdict::kLivelock, msg.str());
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const ThreadState& ts = threads_[t];
    if (ts.status == ThreadStatus::kSpinBlocked) {
      finding_.stops.push_back(
          {t, ts.spin_at_wait ? "blocked in wait" : "spins forever", ts.yield_at});
    } else if (ts.status == ThreadStatus::kWaiting) {
      finding_.stops.push_back({t, std::string("blocked in ") + ts.request.op, ts.request.where});
    }
  }
  return true;
}

}  // namespace mc::internal
