#include "execution.h"

#include <algorithm>
#include <exception>
#include <sstream>

#include "invariant.h"
#include "runtime.h"
#include "source_text.h"

namespace mc::internal {

Execution::Execution(const Options& options, const MemoryModel& model, StackPool& stacks,
                     Watchdog& watchdog, const std::function<void()>& test, uint64_t serial,
                     bool interleaved, ExecutionGraph* storage, const Restore* restore)
    : options_(options),
      model_(model),
      stacks_(stacks),
      watchdog_(watchdog),
      serial_(serial),
      storage_(storage),
      graph_(model.AtomicsAreSeqCst(),
             GoPlainMemory(options.plain_races, model.kind())) {
  if (storage_ != nullptr) {
    graph_ = std::move(*storage_);
    if (restore != nullptr) {
      graph_.TruncateTo(restore->events, restore->threads, restore->locations);
      restored_threads_ = restore->threads;
      restored_locations_ = restore->locations;
    } else {
      graph_.Clear(model.AtomicsAreSeqCst(),
                   GoPlainMemory(options.plain_races, model.kind()));
    }
  }
  if (interleaved) interleaving_.emplace();
  if (interleaved && model.kind() == Model::kTSO) buffers_.emplace();
  stacks_.ReleaseAll();
  threads_.emplace_back();
  if (restored_threads_ > 0) {  // the main thread and its start are restored
    threads_[0].restored_events = static_cast<uint32_t>(graph_.ThreadEvents(0).size());
    threads_[0].redone = 1;
    threads_[0].body = test;
    threads_[0].fiber = std::make_unique<Fiber>(stacks_.Acquire(), [this] { ThreadMain(0); });
    return;
  }
  const uint32_t main = graph_.AddThread(Mix(1));
  threads_[main].body = test;
  threads_[main].fiber =
      std::make_unique<Fiber>(stacks_.Acquire(), [this, main] { ThreadMain(main); });
  Event start;
  start.kind = EventKind::kThreadStart;
  start.thread = main;
  start.op = "start";
  graph_.Append(start);
}

Execution::~Execution() {
  Teardown();
  if (storage_ != nullptr) *storage_ = std::move(graph_);
}

void Execution::Teardown() {
  CurrentExecution current(this);
  aborting_ = true;
  // Newest threads first: a thread may use its parent's locals, so the parent's stack must
  // outlive it. Each unfinished fiber is resumed and either completes on its own (SelfStep) or
  // unwinds (AbortRun), so the destructors of the test's objects run.
  for (uint32_t t = static_cast<uint32_t>(threads_.size()); t-- > 0;) {
    auto& fiber = *threads_[t].fiber;
    for (int tries = 0; threads_[t].status != ThreadStatus::kFinished && tries < 1000; ++tries) {
      current_ = t;
      fiber.Resume();
      current_ = kNone;
    }
    MC_INVARIANT(threads_[t].status == ThreadStatus::kFinished,
                 "a thread did not unwind: does the test catch (...) and keep going?");
  }
}

// ---------------------------------------------------------------------------------------------
// Scheduler side.

Execution::Status Execution::Advance() {
  CurrentExecution current(this);
  if (finding_.verdict != Verdict::kOk && !HoldsFinding()) {  // found by the last step
    stopped_by_thread_ = true;
    ended_at_step_ = true;
    return Status::kFinding;
  }
  while (true) {
    bool ran = false;
    for (uint32_t t = 0; t < threads_.size(); ++t) {
      if (threads_[t].status != ThreadStatus::kRunnable) continue;
      current_ = t;
      const Request& last = threads_[t].request;
      watchdog_.Running(t,
                        last.kind == RequestKind::kNothing ? threads_[t].created_at : last.where);
      threads_[t].fiber->Resume();
      watchdog_.Returned();
      current_ = kNone;
      ran = true;
      if (finding_.verdict != Verdict::kOk && !HoldsFinding()) {
        stopped_by_thread_ = true;
        return Status::kFinding;
      }
    }
    if (!ran) break;
  }
  bool all_finished = true;
  bool spinning = false;
  bool blocked = false;  // a thread stopped by a failed mc::assume
  for (const auto& t : threads_) {
    if (t.status == ThreadStatus::kBlocked) {
      blocked = true;
      if (assume_stops_thread_) continue;  // the others run on
      stopped_by_thread_ = true;
      return Status::kBlocked;
    }
    all_finished = all_finished && t.status == ThreadStatus::kFinished;
    spinning = spinning || t.status == ThreadStatus::kSpinBlocked;
  }
  // The x86-TSO machine: a run ends once every buffered store is in memory.
  all_finished = all_finished && (!buffers_ || buffers_->AllEmpty());
  if (all_finished) {  // (a held race is the finding of a run whose threads all finished)
    return blocked ? Status::kBlocked : HoldsFinding() ? Status::kFinding : Status::kComplete;
  }
  bool spurious = false;  // a waiter that a spurious wake-up would free (SpuriousWakeupsAtTheEnd)
  for (uint32_t t = 0; t < threads_.size() && spurious_at_the_end_; ++t) {
    spurious = spurious || (options_.spurious_wakeups && WaitsUnnotified(t));
  }
  std::vector<Candidate> flushes;
  if (buffers_) TsoFlushCandidates(flushes);
  if (!AnyEligible() && !spurious && flushes.empty()) {
    if (blocked) return Status::kBlocked;         // an execution that cannot happen: not a deadlock
    if (HoldsFinding()) return Status::kFinding;  // the others ran on as far as they could
    if (spinning) return ReportLivelock() ? Status::kFinding : Status::kBlocked;
    ReportDeadlock();
    return Status::kFinding;
  }
  return Status::kDecision;
}

uint32_t Execution::ForcedThread() const {
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    if (IsForced(t)) return t;
  }
  return kNone;
}

bool Execution::WaitsToJoin(uint32_t thread) const {
  for (const auto& ts : threads_) {
    if (ts.status == ThreadStatus::kWaiting && ts.request.kind == RequestKind::kJoin &&
        ts.request.target == thread) {
      return true;
    }
  }
  return false;
}

Interleaving::RunState Execution::KeyInputs() const {
  MC_INVARIANT(interleaving_.has_value(), "a state key outside an interleaving search");
  return {.observed = observed_,
          .condvars = condvars_,
          .held = held_,
          .held_kind = held_key_.kind,
          .held_a = held_key_.a,
          .held_b = held_key_.b,
          .graph_dependent = graph_dependent_ || read_the_graph_,
          .buffers = buffers_ ? &*buffers_ : nullptr};
}

Hash128 Execution::StateKey() const {
  const Interleaving::RunState inputs = KeyInputs();  // checks that the run is an interleaving
  return interleaving_->StateKey(graph_, inputs);
}

Hash128 Execution::EndKey() const {
  const Interleaving::RunState inputs = KeyInputs();
  return interleaving_->EndKey(graph_, inputs);
}

bool Execution::IsForced(uint32_t thread) const {
  const auto& ts = threads_[thread];
  if (ts.status != ThreadStatus::kWaiting) return false;
  if (ts.request.kind == RequestKind::kWrite) return !interleaving_;
  return ts.request.kind == RequestKind::kJoin &&
         threads_[ts.request.target].status == ThreadStatus::kFinished &&
         (!buffers_ || buffers_->Empty(ts.request.target));
}

bool Execution::CanStep(uint32_t thread) const {
  const auto& ts = threads_[thread];
  if (ts.status != ThreadStatus::kWaiting) return false;
  switch (ts.request.kind) {
    case RequestKind::kJoin:
      return threads_[ts.request.target].status == ThreadStatus::kFinished;
    case RequestKind::kLock:  // blocked until the mutex is released
      // A restored run's thread redoes its lock from the state its restored event read (Redo
      // checks it), not from the mutex's latest state in the restored graph, which is later.
      return ts.redone < ts.restored_events ||
             Available(MutexValue(ts.request.location), ts.request.hold);
    case RequestKind::kCvWake:
      return Notified(thread) || options_.spurious_wakeups;
    default:
      return true;
  }
}

bool Execution::WaitsAtLock(uint32_t thread) const {
  const auto& ts = threads_[thread];
  return ts.status == ThreadStatus::kWaiting && ts.request.kind == RequestKind::kLock &&
         !CanStep(thread);
}

bool Execution::FreelyEligible(uint32_t t) const {
  const auto& ts = threads_[t];
  return ts.status == ThreadStatus::kWaiting && ts.request.kind != RequestKind::kJoin &&
         CanStep(t) && !(ts.request.kind == RequestKind::kCvWake && !Notified(t));
}

bool Execution::AnyEligible() const {
  if (ForcedThread() != kNone) return true;
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    if (FreelyEligible(t)) return true;
  }
  return false;
}

std::vector<uint32_t> Execution::Eligible() const {
  if (const uint32_t forced = ForcedThread(); forced != kNone) return {forced};
  std::vector<uint32_t> eligible;
  std::vector<uint32_t> spurious;  // waiters that only a spurious wake-up would free
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    const auto& ts = threads_[t];
    if (ts.status != ThreadStatus::kWaiting || ts.request.kind == RequestKind::kJoin) continue;
    if (!CanStep(t)) continue;
    if (!FreelyEligible(t)) {
      spurious.push_back(t);
      continue;
    }
    eligible.push_back(t);
  }
  // Spurious wake-ups are possible, never promised: while nothing else can move, the waiters are
  // blocked (a deadlock), not woken.
  if (eligible.empty()) return eligible;
  eligible.insert(eligible.end(), spurious.begin(), spurious.end());
  std::sort(eligible.begin(), eligible.end());
  return eligible;
}

bool Execution::Apply(uint32_t thread, uint64_t choice) {
  if (buffers_ && choice == kFlushChoice) return TsoFlush(thread);
  if (thread >= threads_.size() || !CanStep(thread)) return false;
  if (buffers_) {  // only the machine's own choices (a replay token could ask for any)
    const std::vector<uint64_t> range = ChoiceRange(thread);
    if (std::find(range.begin(), range.end(), choice) == range.end()) return false;
  }
  const uint32_t first = graph_.size();
  if (!Build(thread, choice)) {
    Unbuild(first);
    return false;
  }
  Respond(thread, choice, first);
  if (buffers_) TsoStepTaken(thread, first);
  threads_[thread].status = ThreadStatus::kRunnable;
  graph_dependent_ = graph_dependent_ || read_the_graph_;
  read_the_graph_ = false;
  // Reapplied steps were checked for races when first taken, unless the run goes on past races
  // (then which one it names depends on every race of the graph).
  if (!known_consistent_ || !RacesStopTheRun(options_.plain_races) || findings_stop_thread_) {
    CheckRaces(first);
  }
  return true;
}

bool Execution::Reapply(uint32_t thread, uint64_t choice) {
  known_consistent_ = true;
  const bool applied = Apply(thread, choice);
  known_consistent_ = false;
  return applied;
}

void Execution::Respond(uint32_t thread, uint64_t choice, uint32_t first) {
  Request& rq = threads_[thread].request;
  for (uint32_t id = first; id < graph_.size(); ++id) {
    const Event& e = graph_[id];
    if (e.IsRead() || e.kind == EventKind::kChoose) rq.result = e.value;
  }
  rq.success = rq.kind == RequestKind::kCas && choice % 2 == 0;
  RespondCondvar(thread, graph_[graph_.size() - 1]);
  if (rq.kind == RequestKind::kLock || rq.kind == RequestKind::kTryLock) {
    rq.success = graph_[graph_.size() - 1].IsWrite();  // the RMW happened: the lock is taken
    if (rq.success) TookMutex(thread);
  }
}

void Execution::TookMutex(uint32_t thread) {
  const Request& rq = threads_[thread].request;
  if (static_cast<Hold>(rq.hold) == Hold::kPermit) return;
  Mutex(rq.location).Take(thread, rq.shared);
}

// Teardown: the thread takes the first consistent step of its own request and goes on, so that
// code running in a destructor (an RAII unlock, say) completes instead of being unwound by an
// exception it must not let escape. False when the request cannot proceed on its own.
bool Execution::SelfStep(uint32_t thread) {
  for (uint64_t c : ChoiceRange(thread)) {
    const uint32_t first = graph_.size();
    if (Build(thread, c)) {
      Respond(thread, c, first);
      return true;
    }
    Unbuild(first);
  }
  return false;
}

std::string Execution::Outcome() const {
  std::string out;
  for (const auto& [name, value] : observed_) {
    if (!out.empty()) out += ' ';
    out += name;
    out += '=';
    out += std::to_string(value);
  }
  return out;
}

bool Execution::Holdable(Verdict verdict) const {
  return findings_stop_thread_ &&
         (verdict == Verdict::kAssertionFailed || verdict == Verdict::kGoMapFatal ||
          verdict == Verdict::kDataRace);
}

uint64_t Execution::SpawnRank(uint32_t thread) const {
  // The spawns' positions in their parents' program order, root first, 8 bits a level from the
  // top: creation order among one parent's threads, and a function of the graph.
  uint64_t rank = 0;
  std::vector<uint32_t> path;
  for (uint32_t t = thread; t != 0;) {
    const Event& spawn = graph_[graph_[graph_.ThreadEvents(t)[0]].sync];
    path.push_back(spawn.index);
    t = spawn.thread;
  }
  int shift = 56;
  for (auto it = path.rbegin(); it != path.rend() && shift >= 0; ++it, shift -= 8) {
    rank |= std::min<uint64_t>(*it + 1, 255) << shift;
  }
  return rank;
}

bool Execution::SetFinding(Verdict verdict, std::string message) {
  // A thread's own finding: ordered by the thread's place in the spawn tree (not by the order in
  // which the run reached the failures).
  const HeldKey key = current_ == kNone
                          ? HeldKey{}
                          : HeldKey{0, SpawnRank(current_), graph_.ThreadCanonical(current_)};
  return SetFinding(verdict, std::move(message), key);
}

bool Execution::SetFinding(Verdict verdict, std::string message, HeldKey key) {
  if (finding_.verdict != Verdict::kOk) {
    if (!held_) return false;  // a finding that ended the run stays
    // One the run goes on past gives way to one that comes first by its key; one that ends the
    // run replaces it, so that it is not lost.
    if (Holdable(verdict) && !(key < held_key_)) return false;
    finding_.highlighted.clear();
  }
  finding_.verdict = verdict;
  finding_.message = std::move(message);
  held_ = Holdable(verdict);
  held_key_ = key;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Fiber side.

void Execution::ThreadMain(uint32_t thread) {
  // The body moves to this fiber's stack: threads_ may reallocate while it runs.
  std::function<void()> body = std::move(threads_[thread].body);
  if (aborting_) {  // torn down before it ever ran
    threads_[thread].status = ThreadStatus::kFinished;
    return;
  }
  try {
    body();
    if (aborting_) throw AbortRun{};
    Event end;
    end.kind = EventKind::kThreadEnd;
    end.thread = thread;
    end.op = "end";
    AppendOrRedo(thread, end);
  } catch (const AbortRun&) {
  } catch (const std::exception& e) {
    if (!aborting_) {
      SetFinding(Verdict::kUsageError, "thread " + std::to_string(thread) +
                                           " ended with an uncaught exception: " + e.what());
    }
  } catch (...) {
    if (!aborting_) {
      SetFinding(Verdict::kUsageError,
                 "thread " + std::to_string(thread) + " ended with an uncaught exception");
    }
  }
  threads_[thread].status = ThreadStatus::kFinished;
}

void Execution::Post(Request request) {
  const uint32_t self = current_;
  if (graph_.ThreadEvents(self).size() >= options_.max_events_per_thread) {
    UsageError("thread " + std::to_string(self) + " exceeded " +
                   std::to_string(options_.max_events_per_thread) +
                   " events in one execution (Options::max_events_per_thread); a loop that "
                   "never ends? Bound it, or mark a spin loop with mc::yield()",
               request.where);
  }
  threads_[self].request = request;
  if (!aborting_) {
    threads_[self].status = ThreadStatus::kWaiting;
    if (redo_next_ < redo_order_.size() && redo_order_[redo_next_] == self &&
        finding_.verdict == Verdict::kOk && OnlyOneRunning(self) && RedoNext()) {
      return;  // redone on this fiber (PlanRedo)
    }
    threads_[self].fiber->Suspend();
  }
  // Torn down while waiting, or called during the teardown: finish the step alone, or unwind.
  if (aborting_ && !SelfStep(self)) throw AbortRun{};
}

void Execution::StopCurrentThread() {
  const uint32_t self = current_;
  MC_INVARIANT(self != kNone, "StopCurrentThread outside a fiber");
  threads_[self].status = ThreadStatus::kStopped;
  threads_[self].fiber->Suspend();
  throw AbortRun{};
}

void Execution::UsageError(std::string_view message, const std::source_location& where) {
  if (aborting_) throw AbortRun{};
  if (SetFinding(Verdict::kUsageError, SourceText(where) + ": " + std::string(message))) {
    finding_.stops.push_back({current_, "usage error", where});
  }
  StopCurrentThread();
}

uint32_t Execution::CheckedLocation(detail::ObjectRef ref, const std::source_location& where) {
  if (ref.serial != serial_) {
    UsageError(
        "an mc object used here was constructed outside this execution (a static or global, or "
        "one kept from an earlier execution); construct mc objects inside the test",
        where);
  }
  return ref.location;
}

uint32_t Execution::AppendEvent(Event e) {
  e.thread = current_;
  return AppendOrRedo(current_, e);
}

detail::ThreadRef Execution::Spawn(std::function<void()> body, const std::source_location& where) {
  if (aborting_) throw AbortRun{};
  if (threads_.size() >= options_.max_threads) {
    UsageError("more than " + std::to_string(options_.max_threads) +
                   " threads in one execution (Options::max_threads)",
               where);
  }
  const uint32_t parent = current_;
  const uint64_t canonical = Combine(graph_.ThreadCanonical(parent), ++threads_[parent].spawned);
  const bool restored = next_thread_ < restored_threads_;
  const uint32_t child = restored ? next_thread_++ : graph_.AddThread(canonical);
  if (restored && graph_.ThreadCanonical(child) != canonical) redo_differed_ = true;
  Event spawn;
  spawn.kind = EventKind::kSpawn;
  spawn.other_thread = child;
  spawn.op = "spawn";
  spawn.where = where;
  const uint32_t spawn_id = AppendEvent(spawn);
  Event start;
  start.kind = EventKind::kThreadStart;
  start.thread = child;
  start.sync = spawn_id;
  start.op = "start";
  start.where = where;
  MC_INVARIANT(child == threads_.size(), "a spawned thread out of step with the graph's threads");
  threads_.emplace_back();
  if (restored) {
    threads_[child].restored_events = static_cast<uint32_t>(graph_.ThreadEvents(child).size());
  }
  AppendOrRedo(child, start);
  threads_[child].body = std::move(body);
  threads_[child].created_at = where;
  threads_[child].fiber =
      std::make_unique<Fiber>(stacks_.Acquire(), [this, child] { ThreadMain(child); });
  return detail::ThreadRef{serial_, child};
}

void Execution::Join(detail::ThreadRef ref, const std::source_location& where) {
  if (ref.serial != serial_ || ref.thread >= threads_.size()) {
    UsageError("join() of a thread from another execution", where);
  }
  if (ref.thread == current_) UsageError("a thread cannot join itself", where);
  Request rq;
  rq.kind = RequestKind::kJoin;
  rq.target = ref.thread;
  rq.op = "join";
  rq.where = where;
  Post(rq);
}

void Execution::DestroyedJoinable(detail::ThreadRef ref, const std::source_location& where) {
  // Called from a destructor: must not throw. During unwinding it is expected and harmless.
  if (aborting_ || std::uncaught_exceptions() > 0) return;
  StopInDestructor(Verdict::kUsageError,
                   "the mc::thread created at " + SourceText(where) + " (thread " +
                       std::to_string(ref.thread) +
                       ") was destroyed without join(); std::thread would call std::terminate",
                   "destroyed a joinable mc::thread", where);
}

void Execution::StopInDestructor(Verdict verdict, std::string message, std::string what,
                                 const std::source_location& where) {
  if (SetFinding(verdict, std::move(message))) {
    finding_.stops.push_back({current_, std::move(what), where});
  }
  threads_[current_].status = ThreadStatus::kStopped;
  threads_[current_].fiber->Suspend();
}

}  // namespace mc::internal
