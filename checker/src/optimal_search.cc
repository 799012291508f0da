#include "optimal_search.h"

#include <algorithm>

#include "invariant.h"
#include "memory_model.h"

namespace mc::internal {

using Status = Execution::Status;
using StepKind = Execution::StepKind;

uint64_t OptimalSearch::bytes() const {
  uint64_t bytes = work_.capacity() * sizeof(Work) + steps_.capacity() * sizeof(Step) +
                   step_of_.capacity() * sizeof(uint32_t);
  for (const Work& w : work_) bytes += w.tail.capacity() * sizeof(PlanStep);
  bytes += preds_.capacity() * sizeof(uint32_t);
  return bytes;
}

OptimalSearch::Outcome OptimalSearch::Run(Execution& run, const Work& work,
                                          const Execution::Restore* restore) {
  run.StopOnlyTheFailingThread(classify_findings_);
  const size_t planned = work.prefix + work.tail.size();
  // The path of this run, shared by the alternatives it pushes; the last run's buffer is reused
  // when none of them holds it.
  const bool restored = restore != nullptr;
  std::shared_ptr<std::vector<PlanStep>> last = spare_path_;
  if (spare_path_ == nullptr || spare_path_.use_count() > 1) {
    spare_path_ = std::make_shared<std::vector<PlanStep>>();
  }
  std::shared_ptr<std::vector<PlanStep>> path = spare_path_;
  spawn_paths_.clear();
  size_t start = 0;
  if (restored) {
    // The run starts from the graph of the last run at this work's decision (Restorable): the
    // search's steps up to it stay, and the test's threads redo the steps of the prefix from
    // the graph instead of rebuilding it.
    MC_INVARIANT(last != nullptr && work.prefix < steps_.size() && work.prefix <= last->size(),
                 "a restore of another run");
    steps_.resize(work.prefix + 1);
    preds_.resize(steps_.back().preds_end);
    step_of_.resize(steps_.back().end);
    taken_.resize(work.prefix);
    if (path != last) path->assign(last->begin(), last->begin() + static_cast<long>(work.prefix));
    path->resize(work.prefix);
    // Which thread takes each step: the restored graph's threads have the same numbers.
    std::vector<uint32_t> order(work.prefix, kNone);
    for (size_t k = 0; k < work.prefix; ++k) {
      for (uint32_t t = 0; t < restore->threads && order[k] == kNone; ++t) {
        if (run.graph().ThreadCanonical(t) == (*work.base)[k].thread) order[k] = t;
      }
      if (order[k] == kNone) {
        diverged_at_ = k;
        return {Result::kDiverged};
      }
    }
    run.PlanRedo(std::move(order));
    // A thread redoes its own steps on its fiber while it runs alone (Execution::PlanRedo); the
    // others are redone from here.
    while (run.redone_steps() < work.prefix) {
      const Status status = run.Advance();
      if (run.redone_steps() == work.prefix) break;
      if (status != Status::kDecision || !run.RedoNext()) {
        diverged_at_ = run.redone_steps();
        return {Result::kDiverged};
      }
    }
    start = work.prefix;
  } else {
    steps_.clear();
    preds_.clear();
    step_of_.clear();
    taken_.clear();
    steps_.push_back(Step{});  // the root: what the test does before its first decision
    path->clear();
  }
  path->reserve(planned + 16);
  uint32_t next_stamp = work.next_stamp;
  for (size_t i = start;; ++i) {
    const Status status = run.Advance();
    if (restored && i == start) {  // the restored step is closed already
      if (!run.CaughtUp()) {
        diverged_at_ = i;
        return {Result::kDiverged};
      }
    } else {
      CloseStep(run);
    }
    // The write of the step just taken revisits: every new step, and a plan's last one (a
    // forward alternative, or the read a revisit re-did) unless it has revisited already.
    if (i > planned || (i == planned && i > 0 && work.last_is_new)) {
      PushRevisits(run, static_cast<uint32_t>(steps_.size() - 1), next_stamp, kNone);
    }
    if (status != Status::kDecision) {
      if (i < planned) {
        diverged_at_ = i;
        return {Result::kDiverged};
      }
      PushWaitingLocks(run, next_stamp);
      return {Result::kEnded, status};
    }
    Step step;
    if (i < planned) {  // re-create the plan's graph
      const PlanStep& ps = i < work.prefix ? (*work.base)[i] : work.tail[i - work.prefix];
      step.thread = run.ThreadWithIdentity(ps.thread);
      if (step.thread != kNone) step.pending = run.PendingOf(step.thread);
      step.first = run.graph().size();
      // Every step but a plan's last re-creates a step of a graph already checked: a prefix of
      // the path that pushed this work (checked by its hash below), or a kept step of a revisit
      // (checked whole by RevisitConsistent, and its replay by the hash below).
      const bool known = i + 1 < planned;
      if (step.thread == kNone ||
          !(known ? run.Reapply(step.thread, ps.choice) : run.Apply(step.thread, ps.choice))) {
        // A revisit's last step is the one the plan could not check beforehand.
        if (i + 1 == planned && work.base == nullptr) return {Result::kWasted};
        diverged_at_ = i;
        return {Result::kDiverged};
      }
      step.applied_end = run.graph().size();
      if ((ps.check && !(run.hash() == ps.after)) ||
          (i + (work.redoes_read ? 2 : 1) == planned && work.check_kept &&
           !(run.hash() == work.kept))) {
        diverged_at_ = i;
        return {Result::kDiverged};
      }
      step.thread_id = ps.thread;
      step.choice = ps.choice;
      step.stamp = ps.stamp;
      step.maximal = ps.maximal;
      step.revisitable = ps.revisitable;
    } else {  // a new step: the scheduler's thread, each of its steps an alternative
      step.thread = Schedule(run);
      MC_INVARIANT(step.thread != kNone, "a decision with no thread that can step");
      step.pending = run.PendingOf(step.thread);
      if (step.pending.kind == StepKind::kOther) return {Result::kUnsupported};
      step.thread_id = run.graph().ThreadCanonical(step.thread);
      std::vector<Candidate> moot;
      const std::vector<Candidate> candidates = run.CandidatesOf(step.thread, &moot);
      MC_INVARIANT(!candidates.empty(),
                   "a thread that can step has no consistent step (not even from the latest "
                   "write)");
      size_t taken = 0;
      while (taken + 1 < candidates.size() && !run.Maximal(step.thread, candidates[taken].choice)) {
        ++taken;
      }
      if (!run.Maximal(step.thread, candidates[taken].choice)) taken = 0;
      for (size_t k = 0; k < candidates.size(); ++k) {
        if (k == taken) continue;
        PlanStep alt;
        alt.thread = step.thread_id;
        alt.choice = candidates[k].choice;
        alt.stamp = next_stamp;
        alt.maximal = run.Maximal(step.thread, alt.choice);
        Work item;
        item.base = path;
        item.prefix = path->size();
        item.tail = {alt};
        item.next_stamp = next_stamp + 1;
        work_.push_back(std::move(item));
      }
      PushMoot(run, step, moot, next_stamp);
      step.choice = candidates[taken].choice;
      step.maximal = run.Maximal(step.thread, step.choice);
      step.stamp = next_stamp++;
      step.first = run.graph().size();
      MC_INVARIANT(run.Apply(step.thread, step.choice),
                   "a consistent candidate could not be applied");
      step.applied_end = run.graph().size();
      MC_INVARIANT(run.hash() == candidates[taken].hash, "the graph hash of a step changed");
    }
    taken_.push_back(Taken{step.thread, step.choice});
    PlanStep record;
    record.thread = step.thread_id;
    record.choice = step.choice;
    record.stamp = step.stamp;
    record.maximal = step.maximal;
    record.revisitable = step.revisitable;
    record.check = true;
    record.after = run.hash();
    path->push_back(record);
    steps_.push_back(std::move(step));
  }
}

void OptimalSearch::PushMoot(Execution& run, const Step& step, const std::vector<Candidate>& moot,
                             uint32_t next_stamp) {
  for (const Candidate& m : moot) {
    // Added just long enough to revisit from its write (see the header).
    Step trial = step;
    trial.choice = m.choice;
    trial.stamp = next_stamp;
    trial.maximal = run.Maximal(step.thread, m.choice);
    trial.first = run.AddMoot(step.thread, m.choice);
    trial.applied_end = run.graph().size();
    steps_.push_back(std::move(trial));
    CloseStep(run);
    // The RMW it conflicts with reads the same source; its revisits must delete it.
    uint32_t conflict = kNone;
    for (uint32_t r : run.graph().LocationEvents(step.pending.location)) {
      const Event& e = run.graph()[r];
      if (e.IsRead() && e.rmw && e.rf == m.source && step_of_[r] + 1 != steps_.size()) {
        conflict = step_of_[r];
      }
    }
    MC_INVARIANT(conflict != kNone, "a moot step without the RMW it conflicts with");
    PushRevisits(run, static_cast<uint32_t>(steps_.size() - 1), next_stamp + 1, conflict);
    steps_.pop_back();
    step_of_.resize(steps_.back().end);
    run.RemoveSince(steps_.back().end);
  }
}

void OptimalSearch::PushWaitingLocks(Execution& run, uint32_t next_stamp) {
  // A thread still waiting at a lock when nothing can move never takes it in this graph; the
  // graphs where it took the mutex before another thread's lock did are reached from here, by
  // its moot steps at each earlier state it could take (GenMC adds the blocked lock's read here,
  // reading the held state, for the same alternatives).
  for (uint32_t t = 0; t < run.graph().thread_count(); ++t) {
    if (!run.WaitsAtLock(t)) continue;
    Step waiting;
    waiting.thread = t;
    waiting.thread_id = run.graph().ThreadCanonical(t);
    waiting.pending = run.PendingOf(t);
    std::vector<Candidate> moot;
    const std::vector<Candidate> none = run.CandidatesOf(t, &moot);
    MC_INVARIANT(none.empty(), "a thread waiting at a lock can take it");
    PushMoot(run, waiting, moot, next_stamp);
  }
}

void OptimalSearch::CloseStep(const Execution& run) {
  const ExecutionGraph& g = run.graph();
  const auto index = static_cast<uint32_t>(steps_.size() - 1);
  Step& s = steps_.back();
  s.end = g.size();
  step_of_.resize(s.end, index);
  s.preds_begin = index == 0 ? 0 : steps_[index - 1].preds_end;
  preds_.resize(s.preds_begin);
  auto add = [&](uint32_t event) {
    const uint32_t p = step_of_[event];
    const auto from = preds_.begin() + s.preds_begin;
    if (p != index && std::find(from, preds_.end(), p) == preds_.end()) preds_.push_back(p);
  };
  for (uint32_t id = s.first; id < s.end; ++id) {
    const Event& e = g[id];
    if (e.index > 0) add(g.ThreadEvents(e.thread)[e.index - 1]);
    if (e.IsRead()) add(e.rf);
    if (e.sync != kNone) add(e.sync);
  }
  s.preds_end = static_cast<uint32_t>(preds_.size());
  s.threads_end = g.thread_count();
  s.locations_end = g.location_count();
}

bool OptimalSearch::Restorable(const Work& work, Execution::Restore* restore) const {
  if (work.base == nullptr || spare_path_ == nullptr || work.prefix == 0 ||
      work.prefix >= steps_.size() || work.prefix > spare_path_->size()) {
    return false;
  }
  // The last run took the same first steps (a forward alternative it pushed, or one an
  // ancestor of it pushed before the point where they part): the same graph there.
  if (work.base != spare_path_) {
    const std::vector<PlanStep>& a = *work.base;
    const std::vector<PlanStep>& b = *spare_path_;
    for (size_t k = work.prefix; k-- > 0;) {
      if (a[k].thread != b[k].thread || a[k].choice != b[k].choice || a[k].stamp != b[k].stamp ||
          a[k].maximal != b[k].maximal || a[k].revisitable != b[k].revisitable) {
        return false;
      }
    }
  }
  const Step& at = steps_[work.prefix];
  *restore = Execution::Restore{at.end, at.threads_end, at.locations_end};
  return true;
}

const std::vector<uint32_t>& OptimalSearch::SpawnPath(const Execution& run, uint32_t thread) {
  std::vector<uint32_t>& path = spawn_paths_[thread];
  if (thread == 0 || !path.empty()) return path;
  const ExecutionGraph& g = run.graph();
  const Event& spawn = g[g[g.ThreadEvents(thread)[0]].sync];
  std::vector<uint32_t> p = SpawnPath(run, spawn.thread);
  p.push_back(spawn.index);
  spawn_paths_[thread] = std::move(p);
  return spawn_paths_[thread];
}

uint32_t OptimalSearch::Schedule(const Execution& run) {
  spawn_paths_.resize(run.graph().thread_count());  // SpawnPath's references stay valid
  uint32_t best = kNone;
  bool best_forced = false;
  for (uint32_t t = 0; t < run.graph().thread_count(); ++t) {
    if (!run.CanStep(t)) continue;
    const bool forced = run.IsForced(t);
    if (best == kNone || (forced && !best_forced) ||
        (forced == best_forced && SpawnPath(run, t) < SpawnPath(run, best))) {
      best = t;
      best_forced = forced;
    }
  }
  return best;
}

const std::vector<bool>& OptimalSearch::Prefix(uint32_t s) {
  std::vector<bool>& in = prefix_;
  in.assign(steps_.size(), false);
  stack_.assign(1, s);
  in[s] = true;
  while (!stack_.empty()) {
    const uint32_t x = stack_.back();
    stack_.pop_back();
    for (uint32_t k = steps_[x].preds_begin; k < steps_[x].preds_end; ++k) {
      const uint32_t p = preds_[k];
      if (!in[p]) {
        in[p] = true;
        stack_.push_back(p);
      }
    }
  }
  return in;
}

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
    // takes it once an unlock is added (as GenMC does with a lock's read that would block).
    const bool waits =
        r.pending.kind == StepKind::kLock && !Execution::Available(g[w].value, r.pending.hold);
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
    case StepKind::kCas: {
      uint32_t read = kNone;
      for (uint32_t id = st.first; id < st.end && read == kNone; ++id) {
        if (g[id].IsRead()) read = id;
      }
      MC_INVARIANT(read != kNone && keep[step_of_[g[read].rf]],
                   "a kept read whose source does not stay");
      const uint64_t position = Position(g, g[read].rf, s, keep);
      return st.pending.kind == StepKind::kCas ? 2 * position + st.choice % 2 : position;
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
