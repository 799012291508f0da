// OptimalSearch, continued: backward revisits. When a write is added, the earlier reads of its
// location it may feed are re-done reading it, each in a graph of the steps that stay (the
// maximality condition decides which revisits are taken, so that every graph has one path),
// checked on a scratch graph before it is pushed; and the choices of the steps that stay,
// translated to that smaller graph. See optimal_search.h.
#include <algorithm>

#include "invariant.h"
#include "memory_model.h"
#include "optimal_search.h"

namespace mc::internal {

using StepKind = Execution::StepKind;

void OptimalSearch::PushRevisits(const Execution& run, uint32_t ws, uint32_t next_stamp,
                                 uint32_t conflict) {
  const ExecutionGraph& g = run.graph();
  const Step& wst = steps_[ws];
  uint32_t w = kNone;
  for (uint32_t id = wst.first; id < wst.end; ++id) {
    if (g[id].kind == EventKind::kWrite) w = id;
  }
  if (w == kNone) return;
  const std::vector<bool>& prefix = Prefix(ws);
  if (conflict != kNone && prefix[conflict]) return;  // no revisit can delete it
  const uint32_t latest = conflict == kNone ? kNone : steps_[conflict].stamp;
  std::vector<uint32_t>& reads = reads_;  // the steps whose read may be revisited
  reads.clear();
  for (uint32_t r : g.LocationEvents(g[w].location)) {
    if (!g[r].IsRead()) continue;
    const uint32_t s = step_of_[r];
    if (s == ws || prefix[s] || !steps_[s].revisitable) continue;
    if (steps_[s].stamp > latest) continue;
    reads.push_back(s);
  }
  std::vector<bool>& keep = keep_;
  keep.assign(steps_.size(), false);
  for (uint32_t rs : reads) {
    for (uint32_t x = 0; x < steps_.size(); ++x) {
      keep[x] = prefix[x] || steps_[x].stamp <= steps_[rs].stamp;
    }
    keep[rs] = false;  // re-done, reading w
    if (!MaximalExtension(g, rs, w, keep)) continue;
    const Step& r = steps_[rs];
    // Whether a CAS re-done reading w succeeds, and a try_lock takes the mutex.
    const bool matches =
        r.pending.kind == StepKind::kCas       ? g[w].value == r.pending.expected
        : r.pending.kind == StepKind::kTryLock ? Execution::Available(g[w].value, r.pending.hold)
                                               : true;
    // A lock that would read a held state does not read it: its thread waits at the lock, and
    // takes it once an unlock is added (as GenMC does with a lock's read that would block). A
    // condvar step re-done takes each outcome it has at w's state; a waiter that w's state does
    // not notify waits (its spurious wake-ups there come when its run ends or it is notified).
    std::vector<uint64_t> outcomes{0};
    if (r.pending.kind == StepKind::kCondvar || r.pending.kind == StepKind::kWake) {
      outcomes = run.RedoOutcomes(r.thread, r.pending, w);
      if (r.pending.kind == StepKind::kWake && (outcomes.empty() || outcomes[0] != 0)) {
        outcomes.clear();
      }
    }
    const bool waits =
        (r.pending.kind == StepKind::kLock && !Execution::Available(g[w].value, r.pending.hold)) ||
        outcomes.empty();
    Work item;
    if (!RevisitConsistent(run, keep, rs, w, matches, waits, &item)) continue;
    item.next_stamp = next_stamp;
    for (uint32_t x = 1; x < steps_.size(); ++x) {
      if (!keep[x]) continue;
      const Step& st = steps_[x];
      PlanStep ps;
      ps.thread = st.thread_id;
      ps.choice = Translate(g, x, keep);
      ps.stamp = st.stamp;
      ps.maximal = st.maximal;
      ps.revisitable = st.revisitable && !prefix[x];
      item.tail.push_back(ps);
    }
    if (waits) {
      item.last_is_new = false;  // the last step is a kept one, its revisits taken already
      item.redoes_read = false;
      work_.push_back(std::move(item));
      continue;
    }
    const std::vector<uint32_t>& mo = g.Mo(g[w].location);
    bool latest_write = true;  // w is last in mo among the kept writes
    for (size_t p = g.MoPosition(w) + 1; p < mo.size(); ++p) {
      latest_write = latest_write && !keep[step_of_[mo[p]]];
    }
    PlanStep redo;
    redo.thread = r.thread_id;
    redo.stamp = r.stamp;
    redo.maximal = latest_write;
    const uint64_t position = Position(g, w, static_cast<uint32_t>(steps_.size()), keep);
    redo.choice = position;
    if (r.pending.kind == StepKind::kCas) {
      redo.choice = 2 * position + (matches ? 0 : 1);
      // The same read, failing spuriously: another graph (a read alone is consistent where the
      // read and write of a success are).
      if (matches && r.pending.weak) {
        Work spurious = item;
        PlanStep fails = redo;
        fails.choice = 2 * position + 1;
        fails.maximal = false;
        spurious.tail.push_back(fails);
        work_.push_back(std::move(spurious));
      }
    }
    if (r.pending.kind == StepKind::kCondvar || r.pending.kind == StepKind::kWake) {
      for (size_t k = outcomes.size(); k-- > 0;) {
        Work each = k == 0 ? std::move(item) : item;
        PlanStep step = redo;
        step.choice = position * Execution::kCondvarSubChoices + outcomes[k];
        step.maximal = latest_write && outcomes[k] == 0;
        each.tail.push_back(step);
        work_.push_back(std::move(each));
      }
      continue;
    }
    item.tail.push_back(redo);
    work_.push_back(std::move(item));
  }
}

bool OptimalSearch::RevisitConsistent(const Execution& run, const std::vector<bool>& keep,
                                      uint32_t rs, uint32_t w, bool success, bool waits,
                                      Work* item) const {
  const ExecutionGraph& g = run.graph();
  ExecutionGraph& copy = scratch_;
  copy.Clear(g.sc_atomics(), g.go_plain());
  for (uint32_t t = 0; t < g.thread_count(); ++t) copy.AddThread(g.ThreadCanonical(t));
  for (uint32_t l = 0; l < g.location_count(); ++l) {
    const LocationInfo& info = g.Location(l);
    copy.AddLocation(info.atomic, info.mutex, info.pointer);
  }
  std::vector<uint32_t>& id = scratch_id_;
  id.assign(g.size(), kNone);
  std::vector<uint32_t>& original = scratch_original_;  // per event of the copy
  original.clear();
  auto place = [&](uint32_t n, uint32_t mo_position) {  // among the copied writes
    uint32_t at = 0;
    for (uint32_t x : copy.Mo(copy[n].location)) at += g.MoPosition(original[x]) < mo_position;
    copy.InsertMo(n, at);
  };
  // The replay is checked just after its last kept step is applied: before the events that
  // step's thread then produces on its own (a moot step's were never produced here).
  uint32_t last_kept = 0;
  for (uint32_t x = 1; x < steps_.size(); ++x) {
    if (keep[x]) last_kept = x;
  }
  item->check_kept = last_kept != 0;
  const uint32_t check_at = steps_[last_kept].applied_end;
  uint32_t read = kNone;
  for (uint32_t e = 0; e < g.size(); ++e) {
    if (step_of_[e] == rs && g[e].IsRead() && read == kNone) read = e;
    if (e == check_at) item->kept = copy.hash();
    if (!keep[step_of_[e]]) continue;
    Event ev = g[e];
    if (ev.rf != kNone) ev.rf = id[ev.rf];
    if (ev.sync != kNone) ev.sync = id[ev.sync];
    id[e] = copy.Append(ev);
    original.push_back(e);
    if (ev.kind == EventKind::kWrite) place(id[e], g.MoPosition(e));
  }
  MC_INVARIANT(read != kNone, "a revisited step without its read");
  if (check_at >= g.size()) item->kept = copy.hash();
  // Without the read, the kept steps are a po ∪ rf-closed part of a consistent graph.
  if (waits) return true;
  Event r = g[read];
  r.rf = id[w];
  r.value = g[w].value;
  if (steps_[rs].pending.kind == StepKind::kCas) {  // a success, or a failure that reads only
    r.rmw = success;
    r.order = success ? steps_[rs].pending.order : steps_[rs].pending.failure_order;
  } else if (steps_[rs].pending.kind == StepKind::kTryLock) {  // likewise, failing relaxed
    r.rmw = success;
    r.order = success ? steps_[rs].pending.order : relaxed;
  }
  const uint32_t first = copy.Append(r);
  original.push_back(read);
  if (r.rmw) {  // the write half (its value does not matter to consistency)
    Event half;
    half.kind = EventKind::kWrite;
    half.thread = r.thread;
    half.location = r.location;
    half.order = r.order;
    half.atomic = r.atomic;
    half.rmw = true;
    const uint32_t n = copy.Append(half);
    original.push_back(read);
    copy.InsertMo(n, copy.MoPosition(id[w]) + 1);
  }
  return run.model().IsConsistent(copy, first);
}

// GenMC's isMaximalExtension (TruSt's condition), on steps. `keep` holds the steps that stay; the
// revisited read's step rs is not among them, as it is re-done.
bool OptimalSearch::MaximalExtension(const ExecutionGraph& g, uint32_t rs, uint32_t w,
                                     const std::vector<bool>& keep) const {
  const std::vector<uint32_t>& wmo = g.Mo(g[w].location);
  // A write placed before the end of mo revisits only while its successor stays (else the same
  // graph comes from its place at the end).
  if (!g[w].rmw && g.MoPosition(w) + 1 < wmo.size() && !keep[step_of_[wmo[g.MoPosition(w) + 1]]]) {
    return false;
  }
  for (uint32_t x = 1; x < steps_.size(); ++x) {
    if (keep[x]) continue;
    const Step& st = steps_[x];
    if (!st.maximal) return false;
    for (uint32_t id = st.first; id < st.end; ++id) {
      const Event& e = g[id];
      if (!e.IsAccess() || e.kind == EventKind::kInit) continue;
      // mo-before an event that stays (other than w): it was not the latest when added, as the
      // graph will be. (A Go-plain location's writes have no mo: the list is the order they
      // were added in, which no graph tells apart, so a deleted write there is re-added
      // anywhere; its reads still took the last write added, as they must again.)
      if (e.IsWrite() && g.GoPlain(e.location)) continue;
      const uint32_t at = e.IsRead() ? e.rf : id;
      const std::vector<uint32_t>& mo = g.Mo(e.location);
      for (size_t p = g.MoPosition(at) + 1; p < mo.size(); ++p) {
        if (mo[p] != w && keep[step_of_[mo[p]]]) return false;
      }
      // Revisited by a write that goes.
      if (e.IsRead()) {
        const uint32_t source = step_of_[e.rf];
        if (source != x && !keep[source] && steps_[source].stamp > st.stamp) return false;
      }
    }
  }
  (void)rs;
  return true;
}

uint64_t OptimalSearch::Position(const ExecutionGraph& g, uint32_t write, uint32_t s,
                                 const std::vector<bool>& keep) const {
  uint64_t before = 0;
  const std::vector<uint32_t>& mo = g.Mo(g[write].location);
  for (size_t p = 0; p < g.MoPosition(write); ++p) {
    const uint32_t x = step_of_[mo[p]];
    if (keep[x] && x < s) ++before;
  }
  return before;
}

uint64_t OptimalSearch::Translate(const ExecutionGraph& g, uint32_t s,
                                  const std::vector<bool>& keep) const {
  const Step& st = steps_[s];
  switch (st.pending.kind) {
    case StepKind::kRead:
    case StepKind::kRmw:
    case StepKind::kLock:
    case StepKind::kTryLock:
    case StepKind::kCas:
    case StepKind::kCondvar:  // its outcome indexes the state it reads, which stays whole
    case StepKind::kWake: {
      uint32_t read = kNone;
      for (uint32_t id = st.first; id < st.end && read == kNone; ++id) {
        if (g[id].IsRead()) read = id;
      }
      MC_INVARIANT(read != kNone && keep[step_of_[g[read].rf]],
                   "a kept read whose source does not stay");
      const uint64_t position = Position(g, g[read].rf, s, keep);
      switch (st.pending.kind) {
        case StepKind::kCas:
          return 2 * position + st.choice % 2;
        case StepKind::kCondvar:
        case StepKind::kWake:
          return position * Execution::kCondvarSubChoices +
                 st.choice % Execution::kCondvarSubChoices;
        default:
          return position;
      }
    }
    case StepKind::kWrite: {
      for (uint32_t id = st.first; id < st.end; ++id) {
        if (g[id].kind == EventKind::kWrite) return Position(g, id, s, keep);
      }
      MC_INVARIANT(false, "a write step without its write");
    }
    default:
      return st.choice;
  }
}

}  // namespace mc::internal
