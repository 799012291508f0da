// One run of the test closure: its threads (as fibers), the requests they are blocked on, and the
// execution graph built so far. The search strategy (explorer.h) decides which step comes next;
// this class only offers the consistent candidates and carries out the one chosen.
//
// Threads run until each one waits at an event that needs a decision: a read (which write to read
// from), a write (where in mo), an RMW, a compare-exchange, an mc::choose, or a join whose thread
// has not finished. Events that need no decision (construction of an object, fences, spawns,
// thread ends, joins of finished threads) are added as the thread reaches them.
//
// Which threads may take the next step: if some thread waits at a write or a ready join, only the
// lowest such thread (adding non-reads as early as possible loses no graph, since nothing but po
// points into them); otherwise every thread waiting at a read, RMW, compare-exchange or choose.
//
// Under Strategy::kStatefulSC the run is an SC interleaving instead (interleaving.h): a write is a
// decision like a read (only a ready join is forced), a read takes the latest write and a write
// goes last, so the order events are added in is the SC order, and the state after each step is
// summed up by a key. Under Strategy::kStatefulTSO it is a run of the x86-TSO machine
// (store_buffers.h): a store waits in its thread's buffer, a flush is a step of its own, and a
// read takes the thread's own latest buffered store or memory's value.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <source_location>
#include <string>
#include <utility>
#include <vector>

#include "execution_graph.h"
#include "fiber.h"
#include "interleaving.h"
#include "store_buffers.h"
#include "mc/check.h"
#include "mc/report.h"
#include "mc/runtime_api.h"
#include "condvar_state.h"
#include "memory_model.h"
#include "mutex_state.h"
#include "race_detector.h"
#include "watchdog.h"

namespace mc::internal {

// Thrown into a fiber to unwind it when its run is abandoned. Not a std::exception, so that
// catch (const std::exception&) in test code does not swallow it.
struct AbortRun {};

struct Candidate {
  uint32_t thread = 0;
  uint64_t choice = 0;      // read: mo position of the source (×2 for a CAS, +1 for failure);
                            // write: mo position; choose: the value; join: 0
  Hash128 hash;             // the graph's hash after this step
  uint32_t source = kNone;  // the write the step reads from; kNone when it reads nothing
  // What the thread is told (value, success), when that is all its code goes on with; two steps
  // of one thread in one state with the same response run the same code until its next request.
  std::optional<uint64_t> response;
  bool races = false;  // the step races (checked only when a race stops the run)
  // Strategy::kStatefulSC's independence: the one location the step accesses (kNone for steps
  // that touch none or several, which count as dependent on every step), and whether it may write.
  uint32_t location = kNone;
  bool writes = false;
};

// The choice of a flush under Strategy::kStatefulTSO: the oldest store of the thread's buffer
// reaches memory (store_buffers.h). Far above any mo position or chosen value.
constexpr uint64_t kFlushChoice = uint64_t{1} << 60;

struct Finding {
  Verdict verdict = Verdict::kOk;
  std::string message;
  std::vector<uint32_t> highlighted;  // events of the finding
  // Where threads stopped (a failed assertion, misuse, a deadlocked wait), shown after their
  // events.
  struct Stop {
    uint32_t thread = 0;
    std::string what;
    std::source_location where;
  };
  std::vector<Stop> stops;
};

class Execution final : public detail::Runtime {
 public:
  enum class Status { kDecision, kComplete, kBlocked, kFinding };

  // A part of the graph in `storage` for the run to redo rather than rebuild: its first `events`
  // events, `threads` threads and `locations` locations (the graph at an earlier decision of
  // the run that left it there, see Redo).
  struct Restore {
    uint32_t events = 0;
    uint32_t threads = 0;
    uint32_t locations = 0;
  };
  // `storage`, when given, is a graph whose buffers this run builds in and gives back when it is
  // destroyed (a Search keeps one across runs: a warm search allocates no graph). With
  // `restore`, the run starts from that part of it instead of an empty graph. `interleaved`: the
  // steps are those of an SC interleaving, one event each (the stateful SC search).
  Execution(const Options& options, const MemoryModel& model, StackPool& stacks, Watchdog& watchdog,
            const std::function<void()>& test, uint64_t serial, bool interleaved,
            ExecutionGraph* storage = nullptr, const Restore* restore = nullptr);
  ~Execution();
  Execution(const Execution&) = delete;
  Execution& operator=(const Execution&) = delete;

  // Runs threads until all wait for a decision, or the run ends.
  Status Advance();
  // The consistent next steps (after Advance returned kDecision), in a fixed order.
  std::vector<Candidate> Candidates();
  // The threads that may take the next step (see the header comment).
  std::vector<uint32_t> Eligible() const;
  bool AnyEligible() const;  // !Eligible().empty(), without building the list
  // Whether the next step is forced: a thread waits at a write or a ready join.
  bool Forced() const { return ForcedThread() != kNone; }
  // mc::observe calls so far.
  size_t Observations() const { return observed_.size(); }
  // Whether some thread waits to join `thread` (which has not finished).
  bool WaitsToJoin(uint32_t thread) const;
  // Takes one step. Returns false, changing nothing, when the step is not consistent or not
  // available (a replay token from another test). Any thread that can step may (CanStep): the
  // forced-first order of Eligible is the graph search's choice, not a rule of the execution.
  bool Apply(uint32_t thread, uint64_t choice);
  // Apply, re-creating a step of a graph known to be consistent and race-free (a search
  // replaying a prefix it has checked): the memory model's check and, where a race stops the
  // run, the race check are skipped. The caller must verify the graph it rebuilt (by its hash).
  bool Reapply(uint32_t thread, uint64_t choice);
  // In a run started from a restored graph: takes `thread`'s next step as the restored graph
  // has it (its read's value, its CAS's outcome) without adding anything. While a thread has
  // restored events left, what it does on its own (inits, spawns, notes, its end) is matched
  // against them too. False when the step does not match (the test did something else).
  bool Redo(uint32_t thread);
  // Whether every restored event has been redone, each as the test did it before.
  bool CaughtUp() const;
  // The threads of the steps to redo, in order (a restored run's prefix). A thread that asks for
  // its step while it is the only one running and the next step is its own takes it at once,
  // on its own fiber (Redo): two stack switches fewer per step, and the same order of effects,
  // since the scheduler would have run nothing else before it.
  void PlanRedo(std::vector<uint32_t> threads);
  size_t redone_steps() const { return redo_next_; }
  // Redoes the next planned step (its thread waits for it); false as Redo.
  bool RedoNext();

  // For the optimal search (optimal_search.cc), which schedules threads itself.
  // What a waiting thread's request is, as far as a scheduler needs to know.
  // kLock: a mutex's lock or lock_shared, an RMW that reads an available state (Available).
  // kTryLock: an RMW where the state it reads is available, else a read (it fails).
  // kCondvar, kWake: see kCondvarSubChoices.
  enum class StepKind : uint8_t {
    kNothing,
    kRead,
    kWrite,
    kRmw,
    kCas,
    kChoose,
    kJoin,
    kLock,
    kTryLock,
    kCondvar,  // a condvar's wait (registering) or notify: an RMW on its location
    kWake,     // leaving condition_variable::wait: an RMW that reads a state that notified it
  };
  struct Pending {
    StepKind kind = StepKind::kNothing;
    uint32_t location = kNone;
    uint64_t expected = 0;  // kCas
    bool weak = false;      // kCas
    uint8_t hold = 0;       // kLock: what it takes (Hold)
    memory_order order = relaxed;
    memory_order failure_order = relaxed;  // kCas
    uint8_t request = 0;  // kCondvar, kWake: the request's own kind (wait, notify, wake)
    bool all = false;     // kCondvar: a notify_all
  };
  Pending PendingOf(uint32_t thread) const;
  // A mutex's state in the graph is the value of its latest write: 0 free, kHeldExclusively
  // held by one thread, otherwise the number of shared holders; a semaphore's is its count. What
  // a kLock request takes: the mutex, its shared side, or a semaphore's permit.
  enum class Hold : uint8_t { kExclusive, kShared, kPermit };
  static constexpr uint64_t kHeldExclusively = uint64_t{1} << 63;
  // Whether a kLock request may take `state`, and the state it leaves.
  static bool Available(uint64_t state, uint8_t hold) {
    switch (static_cast<Hold>(hold)) {
      case Hold::kExclusive:
        return state == 0;
      case Hold::kShared:
        return (state & kHeldExclusively) == 0;
      case Hold::kPermit:
        return state > 0;
    }
    return false;
  }
  static uint64_t Taken(uint64_t state, uint8_t hold) {
    switch (static_cast<Hold>(hold)) {
      case Hold::kExclusive:
        return kHeldExclusively;
      case Hold::kShared:
        return state + 1;
      case Hold::kPermit:
        return state - 1;
    }
    return state;
  }
  // Whether `thread` waits at a request it can take now (a join of a finished thread, a free
  // mutex, a notified wait...), and whether that request must go first (a write, a ready join).
  bool CanStep(uint32_t thread) const;
  // Whether `thread` waits at a lock (or a semaphore's acquire) it cannot take now.
  bool WaitsAtLock(uint32_t thread) const;
  // Whether `thread` waits in condition_variable::wait and is not notified (in the latest state).
  bool WaitsUnnotified(uint32_t thread) const;
  // A condition variable step's choice: the mo position of the state it reads (an RMW on the
  // condvar's location) times kCondvarSubChoices, plus which of its outcomes there
  // (CondvarOutcomes: for a wake, 0 notified or 1 spurious; for notify_one, the waiter's index
  // in the state read; else 0).
  static constexpr uint64_t kCondvarSubChoices = uint64_t{1} << 20;
  // The waiters of the condvar at `location` after its write at mo `position` (a fold of its
  // writes up to there).
  CondvarState CondvarAt(uint32_t location, size_t position) const;
  // The outcomes `thread`'s condvar step has reading the state at mo `position`; none for a
  // wake there that is neither notified nor (Options::spurious_wakeups) a spurious one.
  std::vector<uint64_t> CondvarOutcomes(uint32_t thread, size_t position) const;
  // The outcomes a condvar step `step` of `thread`, taken earlier in the run, would have reading
  // `write` instead (a revisit re-does it there).
  std::vector<uint64_t> RedoOutcomes(uint32_t thread, const Pending& step, uint32_t write) const;
  bool IsForced(uint32_t thread) const;
  // The consistent steps of one thread. With `moot`, also the RMW steps that are consistent but
  // for atomicity (their read shares its source with another RMW's), into *moot.
  std::vector<Candidate> CandidatesOf(uint32_t thread, std::vector<Candidate>* moot = nullptr);
  // Whether a step reads the latest write (or writes last, or takes the first value of a
  // choose): the step a thread takes when nothing is known of what other threads do later.
  bool Maximal(uint32_t thread, uint64_t choice) const;
  // Adds the events of a moot step (see CandidatesOf) without telling the thread; RemoveSince
  // takes them out again. Returns the first event added.
  uint32_t AddMoot(uint32_t thread, uint64_t choice);
  void RemoveSince(uint32_t first) { Unbuild(first); }
  // The run's thread with this canonical identity, or kNone.
  uint32_t ThreadWithIdentity(uint64_t canonical) const;
  // Under the exhaustive searches a failed mc::assume stops its thread only: the others run on
  // (their writes may revisit its reads), and the run ends blocked when nothing else can move.
  // With `findings` too (Options::classify_findings), a failed MC_ASSERT or a Go fatal stops its
  // thread only, a data race (PlainRaces::kStop) stops nothing, and the run goes on: the finding
  // is held (finding()) and the run ends with Status::kFinding when nothing else can move,
  // unless an assume blocked a thread (an execution that cannot happen ends kBlocked). Of several
  // held findings the one named is a function of the graph, not of the order the run added
  // events in: a thread's before a race, the thread first in the spawn tree (creation order among
  // one parent's threads), the race of the least pair of events. Other findings (usage errors,
  // deadlocks) end the run at once.
  void StopOnlyTheFailingThread(bool findings) {
    assume_stops_thread_ = true;
    findings_stop_thread_ = findings;
  }
  // When nothing but a spurious wake-up can move, Advance offers the decision instead of ending
  // the run (the optimal search replaying a plan that takes one there, and its every-path judge).
  void SpuriousWakeupsAtTheEnd(bool on) { spurious_at_the_end_ = on; }
  // Whether the finding is one the run goes on past (StopOnlyTheFailingThread).
  bool HoldsFinding() const { return held_; }
  // Whether some thread spins at an mc::yield that observed nothing new.
  bool Spinning() const;

  // Whether the run ended because a thread ended it (a finding its step or its code raised, a
  // failed mc::assume) rather than because every thread finished or none could move. Such an end
  // cuts the other threads short wherever they were.
  bool StoppedByThread() const { return stopped_by_thread_; }
  // Whether the finding came with the step itself (a data race of its access) rather than from
  // the thread's code after it.
  bool EndedAtTheStep() const { return ended_at_step_; }
  // Whether code run since the last Apply asked about the graph beyond its own responses
  // (positions, happens-before, other threads' mutex holds, spin-loop progress).
  bool ReadTheGraph() const { return read_the_graph_; }
  Hash128 hash() const { return graph_.hash(); }
  // An interleaving run's keys (Interleaving::StateKey, EndKey); only for such a run.
  Hash128 StateKey() const;
  Hash128 EndKey() const;
  const ExecutionGraph& graph() const { return graph_; }
  const MemoryModel& model() const { return model_; }
  const Finding& finding() const { return finding_; }
  // "name=value ..." of this run's mc::observe calls.
  std::string Outcome() const;
  // Races recorded when Options::plain_races is not kStop, as "location: read a.cc:1 / write
  // b.cc:2", each once.
  std::set<std::string> races() const { return races_.Sites(graph_); }

  // detail::Runtime: what the public mc:: types do, called from inside the fibers.
  detail::ObjectRef RegisterLocation(uintptr_t object, bool atomic, bool pointer, uint64_t initial,
                                     const std::source_location& where, const char* name) override;
  uint64_t Load(detail::ObjectRef ref, memory_order order, const std::source_location& where,
                const char* op) override;
  void Store(detail::ObjectRef ref, uint64_t value, memory_order order,
             const std::source_location& where, const char* op) override;
  uint64_t Rmw(detail::ObjectRef ref, detail::RmwFn fn, uint64_t operand, memory_order order,
               const std::source_location& where, const char* op) override;
  bool CompareExchange(detail::ObjectRef ref, uint64_t& expected, uint64_t desired,
                       memory_order success, memory_order failure, bool weak,
                       const std::source_location& where) override;
  void Fence(memory_order order, const std::source_location& where) override;
  uint64_t VarAtomicLoad(detail::ObjectRef ref, const std::source_location& where) override;
  uint64_t VarAtomicRmw(detail::ObjectRef ref, detail::RmwFn fn, uint64_t operand,
                        const std::source_location& where, const char* op) override;
  detail::ThreadRef Spawn(std::function<void()> body, const std::source_location& where) override;
  void Join(detail::ThreadRef ref, const std::source_location& where) override;
  void DestroyedJoinable(detail::ThreadRef ref, const std::source_location& where) override;
  uint64_t Choose(uint64_t n, const std::source_location& where) override;
  void Assume(bool condition, const std::source_location& where) override;
  void Yield(const std::source_location& where) override;
  [[noreturn]] void AssertFailed(const char* expression,
                                 const std::source_location& where) override;
  [[noreturn]] void GoFatal(std::string_view message, const std::source_location& where) override;
  void Observe(std::string_view name, int64_t value) override;
  void Note(const char* text, const std::source_location& where) override;
  uint64_t Position() const override;
  bool HappensBefore(uint64_t a, uint64_t b, const std::source_location& where) override;
  detail::ObjectRef RegisterMutex(const std::source_location& where) override;
  void MutexLock(detail::ObjectRef ref, bool shared, const std::source_location& where) override;
  bool MutexTryLock(detail::ObjectRef ref, bool shared, const std::source_location& where) override;
  void MutexUnlock(detail::ObjectRef ref, bool shared, const std::source_location& where) override;
  void MutexDestroyed(detail::ObjectRef ref, const std::source_location& where) override;
  detail::ObjectRef RegisterSemaphore(uint64_t initial, const std::source_location& where) override;
  void SemaphoreAcquire(detail::ObjectRef ref, const std::source_location& where) override;
  void SemaphoreRelease(detail::ObjectRef ref, uint64_t permits,
                        const std::source_location& where) override;
  detail::ObjectRef RegisterCondvar(const std::source_location& where) override;
  void CondvarWait(detail::ObjectRef cv, detail::ObjectRef mutex,
                   const std::source_location& where) override;
  void CondvarNotify(detail::ObjectRef cv, bool all, const std::source_location& where) override;
  [[noreturn]] void UsageError(std::string_view message,
                               const std::source_location& where) override;

 private:
  enum class RequestKind : uint8_t {
    kNothing,
    kRead,
    kWrite,
    kRmw,
    kCas,
    kChoose,
    kJoin,
    kLock,
    kTryLock,
    kCvWait,    // register as a waiter of the condvar at `location` (then it unlocks)
    kCvWake,    // leave the wait: notified, or (Options::spurious_wakeups) spuriously
    kCvNotify,  // notify_one (the choice is the waiter) or notify_all
  };
  struct Request {
    RequestKind kind = RequestKind::kNothing;
    uint32_t location = kNone;
    memory_order order = relaxed;
    memory_order failure_order = relaxed;
    uint64_t value = 0;  // store value, RMW operand, CAS desired
    uint64_t expected = 0;
    detail::RmwFn fn = nullptr;
    bool weak = false;
    uint64_t choices = 0;        // choose
    uint32_t target = kNone;     // join
    bool shared = false;         // lock, try-lock: the reader side of a shared_mutex
    uint8_t hold = 0;            // lock: what it takes (Hold)
    bool atomic_access = false;  // an atomic access to plain memory (Go's atomic.Or8 on a field)
    bool all = false;            // kCvNotify: notify_all
    const char* op = "";
    std::source_location where;
    uint64_t result = 0;   // response: value read / chosen
    bool success = false;  // response: CAS outcome
  };
  enum class ThreadStatus : uint8_t {
    kRunnable,
    kWaiting,
    kFinished,
    kBlocked,
    kStopped,
    kSpinBlocked,  // at mc::yield after an iteration that observed nothing new
  };
  struct ThreadState {
    std::unique_ptr<Fiber> fiber;
    std::function<void()> body;
    ThreadStatus status = ThreadStatus::kRunnable;
    Request request;
    uint32_t spawned = 0;  // children so far, for their canonical identities
    // A restored run: the thread's events in the restored graph, and how many are redone.
    uint32_t restored_events = 0;
    uint32_t redone = 0;
    std::source_location created_at;
    // Spin loops: where the current iteration started (an index in the thread's events), and
    // the rf sources of the previous iteration's reads.
    uint32_t iteration_start = 0;
    bool has_previous_iteration = false;
    std::vector<uint32_t> previous_reads;
    std::source_location yield_at;
    std::source_location mark_at;  // the mc::yield or wait that ended the previous iteration
    bool spin_at_wait = false;     // spin-blocked in condition_variable::wait, not at mc::yield
  };

  // How many of `thread`'s events its code has reached: in a run started from a restored graph,
  // those redone so far (the restored graph holds the rest already).
  size_t EventsReached(uint32_t thread) const {
    const ThreadState& ts = threads_[thread];
    return ts.redone < ts.restored_events ? ts.redone : graph_.ThreadEvents(thread).size();
  }
  CondvarState& Condvar(uint32_t location) { return condvars_[location]; }
  // Whether the condvar `thread` waits at (or last waited at) has notified it, in the latest state.
  bool Notified(uint32_t thread) const;
  // What the RMW of `thread`'s condvar step under `choice` writes: the value (CondvarState::Tag)
  // and the thread it concerns (the write's other_thread); nullopt when the choice is not one
  // of the step's (CondvarOutcomes).
  struct CondvarRecord {
    uint64_t value = 0;
    uint32_t concerns = kNone;
  };
  std::optional<CondvarRecord> CondvarWrite(uint32_t thread, uint64_t choice) const;
  std::vector<uint64_t> OutcomesAt(RequestKind kind, bool all, uint32_t thread, uint32_t location,
                                   size_t position) const;
  // The run's latest state of the condvar takes the operation `write` recorded.
  void RespondCondvar(uint32_t thread, const Event& write);
  // Unlocks `mutex` (held by the current thread): a write, or an RMW for the shared side.
  void PostUnlock(uint32_t mutex, bool shared, const std::source_location& where, const char* op);
  // Whether the events since this thread's previous spin mark (mc::yield, or a wait at the same
  // line) read the same writes and wrote nothing; with `skip_sync`, accesses to mutexes and
  // condvars (a wait's own unlock and re-lock) do not count. Starts the next iteration.
  bool IterationObservedNothingNew(bool skip_sync, const std::source_location& where);
  // Parks the current thread as spin-blocked (not explored further) and unwinds it.
  [[noreturn]] void SpinBlock(const std::source_location& where, bool at_wait);

  uint64_t MutexValue(uint32_t location) const;
  MutexState& Mutex(uint32_t location) { return mutexes_[location]; }
  std::string DescribeWait(uint32_t thread);
  void ReportDeadlock();
  // With nothing left to run and spin-blocked threads: a livelock if each of them already reads
  // the latest writes (kLivelock finding, true), else a blocked execution (false).
  bool ReportLivelock();
  // Records a finding that stops the current thread from inside a destructor (must not throw).
  void StopInDestructor(Verdict verdict, std::string message, std::string what,
                        const std::source_location& where);

  void ThreadMain(uint32_t thread);
  // Posts the current thread's request and waits for the scheduler's response. During teardown
  // the thread steps on its own (SelfStep) and unwinds (AbortRun) only where it cannot.
  void Post(Request request);
  bool SelfStep(uint32_t thread);
  void Respond(uint32_t thread, uint64_t choice, uint32_t first);
  // The thread's lock request has taken its mutex: who holds it (MutexState).
  void TookMutex(uint32_t thread);
  // Stops the current thread for good (it is unwound when the run is torn down).
  [[noreturn]] void StopCurrentThread();
  // Records the run's finding; false if it already has one (the first one is kept).
  // Records a finding; true when it is now the one the run reports. A finding the run goes on
  // past (Holdable) is ordered by `key` (HeldKey); one that ends the run replaces a held one.
  struct HeldKey {
    int kind = 0;  // 0: a thread's (assertion, Go fatal), 1: a race
    uint64_t a = 0, b = 0;
    bool operator<(const HeldKey& o) const {
      return kind != o.kind ? kind < o.kind : a != o.a ? a < o.a : b < o.b;
    }
  };
  bool Holdable(Verdict verdict) const;
  // A thread's place in the spawn tree, as a number that orders threads (SetFinding).
  uint64_t SpawnRank(uint32_t thread) const;
  bool SetFinding(Verdict verdict, std::string message);
  bool SetFinding(Verdict verdict, std::string message, HeldKey key);
  uint32_t CheckedLocation(detail::ObjectRef ref, const std::source_location& where);
  uint32_t AppendEvent(Event e);  // for events added without a decision
  // Appends `e` (of `thread`), or matches it against the thread's next restored event.
  uint32_t AppendOrRedo(uint32_t thread, const Event& e);
  uint32_t NewLocation(bool atomic, bool mutex, bool pointer, uint64_t initial,
                       const std::source_location& where);
  // A request on the object `ref` (checked to belong to this execution).
  Request AccessRequest(RequestKind kind, detail::ObjectRef ref, memory_order order,
                        const std::source_location& where, const char* op);
  void ValidateOrder(memory_order order, bool load, bool store, const std::source_location& where);

  std::vector<uint64_t> ChoiceRange(uint32_t thread) const;
  // Adds the events of `thread`'s request under `choice` and reports whether the result is
  // consistent; Unbuild removes every event from `first` on again.
  bool Build(uint32_t thread, uint64_t choice);
  void Unbuild(uint32_t first);
  // Whether `t` waits at a step it can take that is not a join nor a wake-up only a spurious
  // one would allow.
  bool FreelyEligible(uint32_t t) const;
  // Whether no thread but `self` is runnable (every other waits, or has ended or stopped).
  bool OnlyOneRunning(uint32_t self) const;
  // The lowest thread waiting at a write or a ready join (it must step next), or kNone.
  uint32_t ForcedThread() const;
  Candidate Describe(uint32_t thread, uint64_t choice, uint32_t first) const;
  // Records the races of the events from `first_new` on, or reports the first as the run's
  // finding (Options::plain_races).
  void CheckRaces(uint32_t first_new);
  void Teardown();

  Interleaving::RunState KeyInputs() const;

  // Strategy::kStatefulTSO (execution_tso.cc). Whether `thread`'s own request must wait for
  // its buffer (or another's) to drain; the choices of a request on a location in the TSO
  // machine.
  bool TsoBlocked(uint32_t thread) const;
  std::vector<uint64_t> TsoChoiceRange(uint32_t thread) const;
  // Whether the request is a locked instruction or a seq_cst store (XCHG): it waits for an
  // empty buffer and writes straight to memory.
  bool TsoLocked(const Request& rq) const;
  // Whether `thread` may not take its own step yet: a store it buffered before a barrier of its
  // own (mfence, spawn, join), or its parent's store from before spawning it, is not in memory.
  bool TsoMustWait(uint32_t thread) const;
  // Whether the stores buffered, with the one `thread`'s step added from `first` on, can still
  // all be flushed (in an order that keeps each buffer's and each location's mo).
  bool TsoFlushesPossible(uint32_t thread, uint32_t first) const;
  // The flushes possible now, as candidates; and applying one.
  void TsoFlushCandidates(std::vector<Candidate>& out) const;
  bool TsoFlush(uint32_t thread);
  // After `thread`'s step added the events from `first` on: its store waits in its buffer, or
  // its locked write is in memory.
  void TsoStepTaken(uint32_t thread, uint32_t first);

  const Options& options_;
  bool assume_stops_thread_ = false;   // StopOnlyTheFailingThread
  bool findings_stop_thread_ = false;  // StopOnlyTheFailingThread(true)
  bool held_ = false;                  // finding_ is one the run goes on past
  bool spurious_at_the_end_ = false;   // SpuriousWakeupsAtTheEnd
  HeldKey held_key_;
  bool skip_atomicity_ = false;    // Build of a moot step (CandidatesOf, AddMoot)
  bool known_consistent_ = false;  // Build from Reapply
  // Strategy::kStatefulSC and kStatefulTSO: the run is an interleaving (empty otherwise), and
  // under kStatefulTSO the machine's store buffers.
  std::optional<Interleaving> interleaving_;
  std::optional<StoreBuffers> buffers_;
  // Per thread: how many of its events TsoMustWait has looked at, and the index of the latest
  // barrier among them (kNone if none).
  mutable std::vector<std::pair<uint32_t, uint32_t>> tso_barriers_;
  const MemoryModel& model_;
  StackPool& stacks_;
  Watchdog& watchdog_;
  uint64_t serial_;
  ExecutionGraph* storage_;
  ExecutionGraph graph_;
  // A restored run (Restore): its threads and locations, how many of them the test has
  // re-created, and whether an event it redid differed from the restored one.
  uint32_t restored_threads_ = 0;
  uint32_t restored_locations_ = 0;
  uint32_t next_thread_ = 1;
  uint32_t next_location_ = 0;
  bool redo_differed_ = false;
  std::vector<uint32_t> redo_order_;  // PlanRedo
  size_t redo_next_ = 0;
  std::vector<ThreadState> threads_;
  uint32_t current_ = kNone;  // the thread whose fiber runs, kNone on the scheduler
  bool aborting_ = false;
  bool stopped_by_thread_ = false;
  bool ended_at_step_ = false;
  mutable bool read_the_graph_ = false;
  // Code read the graph at some step of this run (not only since the last Apply): a state key
  // must then include the graph itself.
  bool graph_dependent_ = false;
  Finding finding_;
  std::vector<std::pair<std::string, int64_t>> observed_;
  std::map<uint32_t, MutexState> mutexes_;
  std::map<uint32_t, CondvarState> condvars_;
  RaceDetector races_;  // the races the run goes on past (PlainRaces::kContinue*)
};

}  // namespace mc::internal
