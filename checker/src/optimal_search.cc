#include "optimal_search.h"

#include <algorithm>

#include "invariant.h"

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
    run.SpuriousWakeupsAtTheEnd(true);  // the prefix may take a spurious wake-up there
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
    // A plan may go on where nothing but a waiter's spurious wake-up can (PushWaitingThreads).
    run.SpuriousWakeupsAtTheEnd(i < planned);
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
      PushWaitingThreads(run, path, next_stamp);
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

void OptimalSearch::PushWaitingThreads(Execution& run,
                                       const std::shared_ptr<std::vector<PlanStep>>& path,
                                       uint32_t next_stamp) {
  // A thread still waiting at a lock when nothing can move never takes it in this graph; the
  // graphs where it took the mutex before another thread's lock did are reached from here, by
  // its moot steps at each earlier state it could take (GenMC adds the blocked lock's read here,
  // reading the held state, for the same alternatives). Likewise a waiter of a condition
  // variable that was never notified: this graph is the one where it never wakes, and those
  // where it woke spuriously come from here, at the latest state (a step after this graph) and
  // at each earlier state where it was waiting (moot steps).
  for (uint32_t t = 0; t < run.graph().thread_count(); ++t) {
    const bool lock = run.WaitsAtLock(t);
    if (!lock && !run.WaitsUnnotified(t)) continue;
    Step waiting;
    waiting.thread = t;
    waiting.thread_id = run.graph().ThreadCanonical(t);
    waiting.pending = run.PendingOf(t);
    std::vector<Candidate> moot;
    const std::vector<Candidate> spurious = run.CandidatesOf(t, &moot);
    MC_INVARIANT(!lock || spurious.empty(), "a thread waiting at a lock can take it");
    for (const Candidate& c : spurious) {
      PlanStep wake;
      wake.thread = waiting.thread_id;
      wake.choice = c.choice;
      wake.stamp = next_stamp;
      wake.maximal = false;  // the maximal end is this graph's: the waiter never wakes
      Work item;
      item.base = path;
      item.prefix = path->size();
      item.tail = {wake};
      item.next_stamp = next_stamp + 1;
      work_.push_back(std::move(item));
    }
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
    // A waiter of a condition variable steps when notified (its spurious wake-ups are pushed at
    // the run's end, PushWaitingThreads).
    if (!run.CanStep(t) || run.WaitsUnnotified(t)) continue;
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

}  // namespace mc::internal
