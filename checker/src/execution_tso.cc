// Execution, continued: a run of the x86-TSO machine, for the stateful TSO search
// (Strategy::kStatefulTSO; store_buffers.h says how the machine maps onto the graph).
//
// How C++ meets the machine is tso_model.cc's mapping: every load is a MOV; a relaxed or release
// store, and every plain store, a buffered MOV; a seq_cst store an XCHG, and every RMW,
// compare-exchange (also a failing one), mutex, semaphore and condition-variable operation a
// locked instruction, which waits for its thread's buffer to drain and writes to memory at once;
// a seq_cst fence an MFENCE, after which the thread takes no step until what it buffered before
// the fence is in memory; spawn, join and a thread's end are barriers the same way (a thread is
// joined once its buffer has drained, a child starts once its parent's stores from before the
// spawn are in memory).
#include <algorithm>

#include "execution.h"
#include "invariant.h"

namespace mc::internal {

bool Execution::TsoLocked(const Request& rq) const {
  switch (rq.kind) {
    case RequestKind::kRmw:
    case RequestKind::kCas:
    case RequestKind::kLock:
    case RequestKind::kTryLock:
    case RequestKind::kCvWait:
    case RequestKind::kCvWake:
    case RequestKind::kCvNotify:
      return true;
    case RequestKind::kWrite: {
      const LocationInfo& loc = graph_.Location(rq.location);
      return loc.mutex || ((loc.atomic || rq.atomic_access) && rq.order == seq_cst);
    }
    default:
      return false;
  }
}

bool Execution::TsoMustWait(uint32_t thread) const {
  const StoreBuffers& b = *buffers_;
  const std::vector<uint32_t>& events = graph_.ThreadEvents(thread);
  if (!b.Empty(thread)) {
    // A barrier among the thread's events after its oldest buffered store. (Called between
    // steps only, when every event of the graph is one the run has taken: the scan goes on from
    // where it stopped.)
    if (tso_barriers_.size() <= thread) tso_barriers_.resize(thread + 1, {0, kNone});
    auto& [scanned, last] = tso_barriers_[thread];
    for (; scanned < events.size(); ++scanned) {
      const Event& e = graph_[events[scanned]];
      if ((e.IsFence() && e.order == seq_cst) || e.kind == EventKind::kSpawn ||
          e.kind == EventKind::kJoin || e.kind == EventKind::kThreadEnd) {
        last = scanned;
      }
    }
    if (last != kNone && last > graph_[b.Pending(thread).front()].index) return true;
  }
  // A store of the parent from before the spawn.
  if (events.empty() || graph_[events[0]].sync == kNone) return false;
  const Event& spawn = graph_[graph_[events[0]].sync];
  return !b.Empty(spawn.thread) && graph_[b.Pending(spawn.thread).front()].index < spawn.index;
}

bool Execution::TsoBlocked(uint32_t thread) const {
  const StoreBuffers& b = *buffers_;
  const Request& rq = threads_[thread].request;
  return TsoMustWait(thread) || (TsoLocked(rq) && !b.Empty(thread)) ||
         (rq.kind == RequestKind::kJoin && !b.Empty(rq.target));
}

std::vector<uint64_t> Execution::TsoChoiceRange(uint32_t thread) const {
  const StoreBuffers& b = *buffers_;
  const Request& rq = threads_[thread].request;
  const uint64_t memory = b.Flushed(rq.location);  // the writes in memory: an mo prefix
  const uint64_t writes = graph_.Mo(rq.location).size();
  switch (rq.kind) {
    case RequestKind::kRead: {  // the thread's own latest buffered store, or memory's
      const uint32_t own = b.LatestPending(graph_, thread, rq.location);
      return {own != kNone ? uint64_t{graph_.MoPosition(own)} : memory - 1};
    }
    case RequestKind::kRmw:
    case RequestKind::kLock:
    case RequestKind::kTryLock:
      return {memory - 1};
    case RequestKind::kCas:
      return {2 * (memory - 1), 2 * (memory - 1) + 1};
    case RequestKind::kWrite: {
      if (TsoLocked(rq)) return {memory};
      // Its flush comes after memory's writes and its own earlier stores, anywhere among the
      // other threads' stores still buffered.
      const uint32_t own = b.LatestPending(graph_, thread, rq.location);
      const uint64_t first = own != kNone ? uint64_t{graph_.MoPosition(own)} + 1 : memory;
      std::vector<uint64_t> range;
      for (uint64_t p = first; p <= writes; ++p) range.push_back(p);
      return range;
    }
    case RequestKind::kCvWait:
    case RequestKind::kCvWake:
    case RequestKind::kCvNotify: {
      std::vector<uint64_t> range;
      for (uint64_t o : CondvarOutcomes(thread, memory - 1)) {
        range.push_back((memory - 1) * kCondvarSubChoices + o);
      }
      return range;
    }
    default:
      return {};
  }
}

bool Execution::TsoFlushesPossible(uint32_t thread, uint32_t first) const {
  // The stores waiting are flushed in an order that keeps each buffer's order and each
  // location's mo: possible while those orders together have no cycle. They had none before the
  // step, so a cycle would pass through its store w: look for a path from w back to w. (w is not
  // in its thread's buffer yet: it comes after the thread's last buffered store.)
  const StoreBuffers& b = *buffers_;
  uint32_t w = kNone;
  for (uint32_t id = first; id < graph_.size(); ++id) {
    if (graph_[id].kind == EventKind::kWrite && !graph_[id].rmw) w = id;
  }
  if (w == kNone || TsoLocked(threads_[thread].request)) return true;

  std::vector<uint32_t> todo{w};
  std::vector<uint32_t> seen;  // few: the stores waiting
  const auto mo_next = [&](uint32_t v) {
    const std::vector<uint32_t>& mo = graph_.Mo(graph_[v].location);
    const uint32_t p = graph_.MoPosition(v) + 1;
    return p < mo.size() ? mo[p] : kNone;
  };
  while (!todo.empty()) {
    const uint32_t v = todo.back();
    todo.pop_back();
    uint32_t next[2] = {mo_next(v), kNone};
    if (v != w) {  // the next store of v's buffer (w after its thread's last)
      const std::deque<uint32_t>& buffer = b.Pending(graph_[v].thread);
      const auto at = std::find(buffer.begin(), buffer.end(), v);
      MC_INVARIANT(at != buffer.end(), "a write past memory's prefix that no buffer holds");
      if (at + 1 != buffer.end()) {
        next[1] = *(at + 1);
      } else if (graph_[v].thread == thread) {
        next[1] = w;
      }
    }
    for (uint32_t n : next) {
      if (n == w) return false;
      if (n == kNone || std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      seen.push_back(n);
      todo.push_back(n);
    }
  }
  return true;
}

void Execution::TsoFlushCandidates(std::vector<Candidate>& out) const {
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const uint32_t w = buffers_->Flushable(graph_, t);
    if (w == kNone) continue;
    Candidate c;
    c.thread = t;
    c.choice = kFlushChoice;
    c.hash = graph_.hash();
    c.location = graph_[w].location;
    c.writes = true;
    out.push_back(c);
  }
}

bool Execution::TsoFlush(uint32_t thread) {
  if (thread >= threads_.size() || buffers_->Flushable(graph_, thread) == kNone) return false;
  buffers_->Flush(graph_, thread);
  return true;
}

void Execution::TsoStepTaken(uint32_t thread, uint32_t first) {
  for (uint32_t id = first; id < graph_.size(); ++id) {
    const Event& e = graph_[id];
    if (e.kind != EventKind::kWrite) continue;
    MC_INVARIANT(e.thread == thread, "a step wrote for another thread");
    if (e.rmw || TsoLocked(threads_[thread].request)) {
      MC_INVARIANT(graph_.MoPosition(id) == buffers_->Flushed(e.location),
                   "a locked write not placed just after memory's writes");
      buffers_->Locked(e.location);
    } else {
      buffers_->Buffer(thread, id);
    }
  }
}

}  // namespace mc::internal
