// Execution, continued: a run that starts from a restored graph (Execution::Restore) and redoes
// its steps from it instead of rebuilding it. While a thread has restored events left, its steps
// are answered from them (Redo) and what it does on its own is matched against them
// (AppendOrRedo); anything else the test does is a difference the search reports as
// nondeterminism.
#include <algorithm>

#include "execution.h"

namespace mc::internal {

uint32_t Execution::AppendOrRedo(uint32_t thread, const Event& e) {
  ThreadState& ts = threads_[thread];
  if (ts.redone >= ts.restored_events) return graph_.Append(e);
  const uint32_t id = graph_.ThreadEvents(thread)[ts.redone++];
  const Event& was = graph_[id];
  // An address may differ from the last run's: the graph takes this run's.
  const bool pointer = was.location != kNone && graph_.Location(was.location).pointer;
  if (was.kind != e.kind || was.location != e.location || was.other_thread != e.other_thread ||
      (!pointer && was.value != e.value)) {
    redo_differed_ = true;
  } else if (pointer) {
    graph_.SetPointerValue(id, e.value);
  }
  return id;
}

bool Execution::Redo(uint32_t thread) {
  if (thread >= threads_.size() || !CanStep(thread)) return false;
  ThreadState& ts = threads_[thread];
  Request& rq = ts.request;
  if (ts.redone >= ts.restored_events) return false;
  const std::vector<uint32_t>& mine = graph_.ThreadEvents(thread);
  const uint32_t id = mine[ts.redone];
  const Event& e = graph_[id];
  uint32_t events = 1;
  bool same = e.location == rq.location;
  // Addresses are this run's (AppendOrRedo): a read takes its source's value as it is now, and
  // the writes on a pointer location take the values this run computes.
  const bool pointer = e.location != kNone && graph_.Location(e.location).pointer;
  const uint64_t value = e.IsRead() ? graph_[e.rf].value : e.value;
  if (pointer && e.IsRead()) graph_.SetPointerValue(id, value);
  auto write_half = [&](uint64_t written) {
    same = same && ts.redone + 1 < mine.size() && graph_[mine[ts.redone + 1]].IsWrite();
    if (!same) return;
    if (pointer) {
      graph_.SetPointerValue(mine[ts.redone + 1], written);
    } else {
      same = graph_[mine[ts.redone + 1]].value == written;
    }
  };
  switch (rq.kind) {
    case RequestKind::kRead:
      same = same && e.IsRead() && !e.rmw;
      break;
    case RequestKind::kRmw:
      same = same && e.IsRead() && e.rmw;
      if (same) write_half(rq.fn(value, rq.value));
      events = 2;
      break;
    case RequestKind::kCas:
      same = same && e.IsRead() && (e.rmw ? value == rq.expected : value != rq.expected || rq.weak);
      rq.success = e.rmw;
      if (same && e.rmw) write_half(rq.value);
      events = e.rmw ? 2 : 1;
      break;
    case RequestKind::kWrite:
      same = same && e.kind == EventKind::kWrite;
      if (same && pointer) graph_.SetPointerValue(id, rq.value);
      same = same && (pointer || e.value == rq.value);
      break;
    case RequestKind::kChoose:
      same = same && e.kind == EventKind::kChoose;
      break;
    case RequestKind::kJoin:
      same = same && e.kind == EventKind::kJoin && e.other_thread == rq.target;
      break;
    case RequestKind::kLock:
      same = same && e.IsRead() && e.rmw && Available(value, rq.hold);
      if (same) write_half(Taken(value, rq.hold));
      events = 2;
      rq.success = same;
      break;
    case RequestKind::kTryLock:  // takes an available state, fails on a held one
      same = same && e.IsRead() && e.rmw == Available(value, rq.hold);
      if (same && e.rmw) write_half(Taken(value, rq.hold));
      events = e.rmw ? 2 : 1;
      rq.success = same && e.rmw;
      break;
    case RequestKind::kCvWait:
    case RequestKind::kCvWake:
    case RequestKind::kCvNotify: {  // the operation the restored write records
      same = same && e.IsRead() && e.rmw && ts.redone + 1 < mine.size();
      if (!same) break;
      const Event& w = graph_[mine[ts.redone + 1]];
      const CondvarOp op = CondvarState::OpOf(w.value);
      same = w.IsWrite() && w.rmw &&
             (rq.kind == RequestKind::kCvWait   ? op == CondvarOp::kWait
              : rq.kind == RequestKind::kCvWake ? op == CondvarOp::kWake || op == CondvarOp::kSpurious
                                                : op == CondvarOp::kNotifyOne ||
                                                      op == CondvarOp::kNotifyAll ||
                                                      op == CondvarOp::kNotifyNobody);
      if (same) Condvar(rq.location).Apply(op, w.other_thread);
      events = 2;
      break;
    }
    case RequestKind::kNothing:
      same = false;
  }
  if (!same || ts.redone + events > ts.restored_events) return false;
  rq.result = value;
  if (rq.kind == RequestKind::kLock || (rq.kind == RequestKind::kTryLock && rq.success)) {
    TookMutex(thread);
  }
  ts.redone += events;
  ts.status = ThreadStatus::kRunnable;
  return true;
}

void Execution::PlanRedo(std::vector<uint32_t> threads) {
  redo_order_ = std::move(threads);
  redo_next_ = 0;
}

bool Execution::RedoNext() {
  if (redo_next_ >= redo_order_.size() || !Redo(redo_order_[redo_next_])) return false;
  ++redo_next_;
  return true;
}

bool Execution::CaughtUp() const {
  if (redo_differed_ || threads_.size() < restored_threads_ ||
      next_location_ < restored_locations_) {
    return false;
  }
  return std::all_of(threads_.begin(), threads_.end(),
                     [](const ThreadState& ts) { return ts.redone >= ts.restored_events; });
}

bool Execution::OnlyOneRunning(uint32_t self) const {
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    if (t != self && threads_[t].status == ThreadStatus::kRunnable) return false;
  }
  return true;
}

}  // namespace mc::internal
