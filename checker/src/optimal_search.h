// The optimal exhaustive search: every consistent execution graph once, and no run that does not
// end in one (TruSt: Kokologiannakis, Marmanis, Gladstein, Vafeiadis, "Truly Stateless, Optimal
// Dynamic Partial Order Reduction", POPL 2022; GenMC's driver is the reference implementation).
//
// The search adds events in one fixed order: a thread is chosen by a function of the graph alone
// (the thread that must go first, a write or a ready join, else the lowest thread by its place in
// the spawn tree) and all of its consistent steps are alternatives (forward revisits): a read from
// each write it may read, a write at each place in mo it may take, each value of an mc::choose.
// A read never waits for a write that comes later in that order; instead, when a write w is added,
// every earlier read r of its location outside w's po ∪ rf prefix may be revisited (a backward
// revisit): the graph keeps the events added up to r and w's prefix, deletes the rest, and r reads
// from w. The revisit is taken only when every deleted event, and r, was added *maximally* (a read
// from the latest write, a write at the end of mo, the first value of a choose), none of them is
// mo-before an event that stays (other than w), and no deleted read was itself revisited by a
// deleted write; and a write placed before the end of mo revisits only while its mo-successor
// stays. That condition names, for every graph, the one path that builds it, so each consistent
// graph is reached exactly once, without remembering any.
//
// Steps, not events. A step is what Execution::Apply adds and the events the thread then produces
// on its own until its next request (inits, fences, spawns and the first events of the threads
// spawned, notes, its end). Those events are a function of the step, so the search stamps, keeps
// and deletes whole steps; the read and write of an RMW are one step.
//
// A revisit is a new graph, so it is a new run: the test is re-run along a plan, the kept steps in
// the order they were first taken (their choices translated to the smaller graph) and r's step
// last, reading w. The kept steps are a po ∪ rf-closed part of a consistent graph, so each of them
// is consistent again; whether r may read w there is checked beforehand on a scratch graph
// (RevisitConsistent), and the rebuilt kept part is compared with it by hash.
//
// A forward alternative continues a run at one of its decisions. When the last run took the same
// steps up to there (it pushed the alternative, or shares the steps with the run that did), the
// new run starts from the last run's graph cut back to the decision (Restorable), and the test's
// threads redo the prefix from it (Execution::Redo) instead of the search rebuilding it.
//
// RMWs. An RMW's read may not share its source with another RMW (atomicity), yet the graph where
// the other RMW reads this one's write is reached only by revisiting from it. Such a step is
// "moot": it is added to the graph for as long as it takes to compute its write's revisits, those
// that delete the RMW it conflicts with, and taken out again without running anything after it.
//
// Stopping. A finding stops the search. A failed mc::assume stops only its thread (the other
// threads may write what revisits its reads): the run ends blocked once nothing else can move,
// and such blocked graphs are counted once each, apart. Under Options::classify_findings a failed
// assertion or a Go fatal likewise stops only its thread, for the same reason, and a data race
// (PlainRaces::kStop) stops nothing: the execution it classifies is the graph in which every
// failing thread stopped at its failure and every other thread went as far as it could
// (Execution::StopOnlyTheFailingThread), one graph once, named by a finding chosen by the graph
// alone. The canonical-order and stateful SC searches follow the same rule.
//
// Mutexes. A lock is an RMW that reads an available state of the mutex (free, or not held
// exclusively for lock_shared) and is added only when the latest state is available: a thread
// whose lock would block waits, and takes the lock reading the unlock that frees it. The graphs
// where a lock reads an earlier state are reached as RMWs' are, by moot steps (that earlier
// state was taken by another lock, which the moot step's write revisits). A revisited lock that
// would read a held state does not read it: its thread waits at the lock again (the revisit's
// plan ends with the kept steps, Work::redoes_read). When nothing can move, every thread still
// waiting at a lock pushes its moot steps (PushWaitingLocks): the graphs where it took the
// mutex before the lock that holds it now. This is GenMC's treatment of a lock's read that would
// block (removed, and re-added when the mutex is released or nothing else can run).
//
// try_lock is a CAS on the mutex's state: it takes an available state (an RMW, at the latest
// state or as a moot step) or fails reading a held one, and a revisit re-does it as a success or
// a failure by the state of the write it then reads.
//
// Spin loops. An iteration that reads what the previous one read cuts its thread short at its
// mc::yield (Execution's spin-loop rule): the thread stops there, as at a failed mc::assume, and
// the others run on; their writes revisit its reads, which then end the loop. A graph that ends
// with a spinning thread is counted blocked, once, or is a livelock when the spinner reads the
// latest writes and nothing else can move. Whether an iteration repeats the last is a function
// of the thread's own events and their sources, so the rule is one of the graph.
//
// Go's plain-read rule (PlainRaces::kContinueGo under RC11): Go-plain writes have no mo (the
// list is the order they were added in, which the graph hash leaves out), each is appended, and
// a read takes any write Go's rule allows, the last one added being its maximal choice. In the
// maximality condition a deleted Go-plain write is not "mo-before" anything (it is re-added
// anywhere, to the same graph); its reads are held to the rule of every read.
//
// Condition variables. Every wait, wake and notify is an RMW on the condvar's location whose
// write records what it did, so the waiters are a fold of that location's mo (CondvarState),
// and a step's choice is the state's mo position and its outcome there (which waiter a
// notify_one wakes; a wake notified or spurious). Registering and notifying are RMWs as any
// other (the latest state, earlier ones by moot steps). A waiter steps, lock-like, only when
// notified, reading a state that notifies it. A run that ends with a waiter nobody notified is
// the graph where it never wakes (a deadlock when nothing else can move); the graphs where it
// woke spuriously come from there (PushWaitingThreads): at the latest state, a step after the
// run's graph marked not maximal (the graph's own maximal end is the one without it), and at
// each earlier state it waited in, moot steps. A revisited notify_one is re-done with each
// waiter of the state it then reads (the first maximal); a revisited wake whose new state does
// not notify it waits again, as a lock that would read a held state does (its spurious wake-ups
// there come when its run ends, or as moot steps once it is notified). A plan that takes a
// spurious wake-up where nothing else can move replays it there
// (Execution::SpuriousWakeupsAtTheEnd).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "execution.h"

namespace mc::internal {

class OptimalSearch {
 public:
  // With `classify_findings`, a failed assertion or Go fatal stops only its thread (see above).
  explicit OptimalSearch(bool classify_findings) : classify_findings_(classify_findings) {}
  // A step of a plan: which thread, which choice in the graph the plan has built so far, its
  // stamp (the order of the search), and what the maximality condition needs to know of it.
  struct PlanStep {
    uint64_t thread = 0;  // the thread's canonical identity
    uint64_t choice = 0;
    uint32_t stamp = 0;
    bool maximal = true;
    bool revisitable = true;  // false once in the prefix of a write that revisited a read
    bool check = false;       // `after` is the graph hash after the step (an exact replay)
    Hash128 after;
  };
  // A graph to explore from: its plan is the first `prefix` steps of `base` and then `tail`.
  struct Work {
    std::shared_ptr<const std::vector<PlanStep>> base;
    size_t prefix = 0;
    std::vector<PlanStep> tail;
    uint32_t next_stamp = 1;
    bool last_is_new = true;  // the last step's write has not revisited yet
    // A revisit: the graph's hash just after its last kept step is applied (the kept steps are
    // replayed without re-checking them, so this checks the replay).
    bool check_kept = false;
    Hash128 kept;
    // A revisit's last step re-does the revisited read, but where the read was a lock's that
    // cannot take the state it would read: then its thread waits at the lock.
    bool redoes_read = true;
  };

  // What one run of a plan came to: it ended (Execution::Status `status`, the run left at its
  // final state for the caller to count), its last step turned out inconsistent (a revisit that
  // cannot be: a wasted run), or the test did not replay the same (kDiverged, at plan step
  // diverged_at()).
  enum class Result { kEnded, kWasted, kDiverged };
  struct Outcome {
    Result result = Result::kEnded;
    Execution::Status status = Execution::Status::kComplete;
  };
  // Runs `work` in the fresh `run` to its end, pushing the alternatives and revisits it meets
  // onto the work list. The steps applied, in order, are left in taken() (a replay token).
  // With `restore` (from Restorable), `run` starts from the last run's graph at the work's
  // decision and redoes its prefix (Execution::Redo) instead of rebuilding it.
  Outcome Run(Execution& run, const Work& work, const Execution::Restore* restore = nullptr);
  // Whether `work` continues the last run at one of its decisions (a forward alternative it
  // pushed), so that its graph there can be restored from the last run's: what to restore.
  bool Restorable(const Work& work, Execution::Restore* restore) const;
  struct Taken {
    uint32_t thread;
    uint64_t choice;
  };
  const std::vector<Taken>& taken() const { return taken_; }

  std::vector<Work>& work() { return work_; }
  size_t pending() const { return work_.size(); }
  uint64_t bytes() const;
  size_t diverged_at() const { return diverged_at_; }

 private:
  // A step of the current run.
  struct Step {
    uint64_t thread_id = 0;
    uint32_t thread = 0;
    uint64_t choice = 0;
    uint32_t first = 0;  // its events: [first, end); those of the step itself up to applied_end,
    uint32_t applied_end = 0;  // then those its thread produced on its own
    uint32_t end = 0;
    uint32_t threads_end = 0;  // the graph's threads and locations at its end
    uint32_t locations_end = 0;
    uint32_t stamp = 0;
    bool maximal = true;
    bool revisitable = true;
    Execution::Pending pending;  // the request it answered
    // The steps holding its events' po, rf and sync predecessors: preds_[preds_begin, preds_end).
    uint32_t preds_begin = 0;
    uint32_t preds_end = 0;
  };

  // Pushes the revisits of the moot steps of `step` (a thread's next step, not taken yet): each
  // is added, revisits from its write, and is taken out again.
  void PushMoot(Execution& run, const Step& step, const std::vector<Candidate>& moot,
                uint32_t next_stamp);
  // At the end of a run (its steps: `path`): the moot steps of every thread that waits at a lock
  // it cannot take, and the spurious wake-ups of every waiter of a condition variable that was
  // not notified.
  void PushWaitingThreads(Execution& run, const std::shared_ptr<std::vector<PlanStep>>& path,
                          uint32_t next_stamp);
  // Ends the last step at the graph's current size and records what its events depend on.
  void CloseStep(const Execution& run);
  // The next thread, a function of the graph alone.
  uint32_t Schedule(const Execution& run);
  // Pushes the backward revisits of the write in steps_[ws]; a moot step's must delete the step
  // `conflict` of the RMW it conflicts with: only reads stamped no later than it, and none when
  // it is in the write's prefix.
  void PushRevisits(const Execution& run, uint32_t ws, uint32_t next_stamp, uint32_t conflict);
  // The steps in the po ∪ rf ∪ sync prefix of steps_[s] (s included), in prefix_.
  const std::vector<bool>& Prefix(uint32_t s);
  // Whether the graph of the kept steps, with rs's read reading w, is consistent: built apart
  // from the run (no fibers), so that a revisit that cannot be costs no run.
  // With `waits`, rs's step is not re-done (a lock that would read a held state waits).
  bool RevisitConsistent(const Execution& run, const std::vector<bool>& keep, uint32_t rs,
                         uint32_t w, bool success, bool waits, Work* item) const;
  bool MaximalExtension(const ExecutionGraph& g, uint32_t rs, uint32_t w,
                        const std::vector<bool>& keep) const;
  // The choice that steps_[s] makes in the graph of the kept steps taken before it.
  uint64_t Translate(const ExecutionGraph& g, uint32_t s, const std::vector<bool>& keep) const;
  // The mo position that `write` has among the kept writes of its location added before step s.
  uint64_t Position(const ExecutionGraph& g, uint32_t write, uint32_t s,
                    const std::vector<bool>& keep) const;
  const std::vector<uint32_t>& SpawnPath(const Execution& run, uint32_t thread);

  bool classify_findings_;
  std::vector<Work> work_;
  std::vector<Taken> taken_;
  std::vector<Step> steps_;
  std::vector<uint32_t> preds_;    // of every step, in order (Step::preds_begin)
  std::vector<uint32_t> step_of_;  // per event of the run's graph
  // Buffers of Prefix and PushRevisits, kept across calls so that a warm search allocates none.
  std::vector<bool> prefix_;
  std::vector<uint32_t> stack_;
  std::vector<uint32_t> reads_;
  std::vector<bool> keep_;
  std::shared_ptr<std::vector<PlanStep>> spare_path_;
  std::vector<std::vector<uint32_t>> spawn_paths_;
  size_t diverged_at_ = 0;
  // RevisitConsistent's graph and maps, kept so that checking a revisit allocates nothing.
  mutable ExecutionGraph scratch_{false, false};
  mutable std::vector<uint32_t> scratch_id_;
  mutable std::vector<uint32_t> scratch_original_;
};

}  // namespace mc::internal
