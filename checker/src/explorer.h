// The search over execution graphs (exact, and for kExhaustive stateless).
//
// A state is a partial execution graph; since threads are deterministic given the values their
// reads return, the graph determines every thread's state. From a state the explorer takes one
// step (Execution::Candidates): a forced one (the lowest thread waiting at a write or a ready
// join) or, otherwise, a read-like step (read, RMW, compare-exchange, lock, condvar, choose) of
// any eligible thread with any consistent choice. Every consistent complete graph is reachable,
// because events can be added in any order compatible with po ∪ rf (acyclic under RC11 and SC)
// and every po ∪ rf-closed part of a consistent graph is consistent.
//
// Exactly once, without remembering states (kExhaustive). Many orders of steps build the same
// graph G; the search follows only G's canonical order: at every unforced step, the lowest
// eligible thread whose next event in G can be added now (its reads-from source is already in
// the graph). So a path that steps thread t while a lower eligible thread u waits stays canonical
// only if u's step, when it comes, reads from a write added after that moment. The explorer keeps,
// per thread, the moments it was passed over since it last stepped (passed_) and prunes any step
// of it whose source is older than the last one (a choose, which reads nothing, can never be
// passed over). Every canonical path survives (each check is necessary), and two surviving paths
// to one final graph would make the same choice at the state where they part, so each consistent
// complete graph (and each deadlocked end state) is reached exactly once, with no hash deciding
// identity.
//
// Runs cut short. A run that a thread cuts short (a finding it raises, a failed mc::assume) ends
// in a graph whose last step is necessarily the one that ended it, however late canonical order
// would have placed it. So a step outside canonical order is still tried, and kept only if the
// run ends that way before the next unforced decision, the forced steps in between (the thread's
// writes) included (must_end). The graph before it is reached once, canonically, so again each
// end state is counted once.
//
// Most such tries are known to be useless without a run (MayEndTheRun). The thread waited,
// unchanged, since it was first passed over with that source present, and there the same step
// was a canonical alternative of that frame, explored already (lower threads come first). If that
// step and its forced steps then reached an unforced decision with only the thread's own events
// (and its new children's), without ending the run and without asking about the graph
// (Execution::ReadTheGraph), the same response makes it do the same here, unless:
//   - it ended there and a thread here waits to join it (its end would let that thread run);
//   - a race ends the run and an access added since then touches a plain location it accessed
//     (its happens-before predecessors are the same, so only a newer access can race);
//   - the step itself races here (checked where it stands: Candidate::races).
//
// One end is not tied to a single last step: a data race is found when the second of two racing
// accesses is added, and either may come second. So end states found at the step
// (Execution::EndedAtTheStep) are counted through a set of their graph hashes; it holds those end
// states only, which a search that stops at its first finding never has more than one of.
//
// Memory: the current path, the untried alternatives per decision (with what followed each),
// per thread its passings-over since it last stepped, and that set; never a record of the states
// visited.
//
// Fibers cannot be copied, so a state is re-created by re-running the test with the recorded
// choices (the path); the depth-first search keeps the untried alternatives per decision (frames)
// and, on backtracking, replays the path up to the deepest frame with an alternative left. The
// replay compares the graph hash at each step with the recorded one: a divergence means the test
// depends on something outside the checker and is reported as kNondeterministic.
//
// The stateful SC search (Strategy::kStatefulSC, explorer_stateful.cc) steps one event of an SC
// interleaving at a time (Execution in its interleaving mode) and remembers every decision state
// by Execution::StateKey, which two states share only when their futures are the same, with its
// sleep set; a state seen before is explored again only for steps that slept then and are awake
// now. Ends are counted once per Execution::EndKey and outcome.
//
// Bounded search (Strategy::kBounded) is a stateful search over states extended by (preemptions
// used, last thread): a step by another thread while the last one could have gone on costs one
// preemption, and steps past the bound are cut. Its states go into a set of 128-bit graph hashes
// (16 bytes each), and complete executions are counted through a second such set, so that a graph
// reached in several states is counted once. The sampling strategies (kRandom, kPct, kGuided) run
// the test from scratch and pick one candidate per decision.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "execution.h"
#include "fiber.h"
#include "mc/check.h"
#include "mc/report.h"
#include "memory_model.h"
#include "optimal_search.h"
#include "replay_token.h"
#include "visited_set.h"
#include "watchdog.h"

namespace mc::internal {

class SharedWork;

class Explorer {
 public:
  Explorer(const std::function<void()>& test, const Options& options);

  // Strategy::kExhaustive by the optimal search (explorer_optimal.cc) where it supports the
  // program, else by Explore.
  Report ExploreOptimally();
  // Strategy::kExhaustive with Options::threads > 1: the optimal search on that many OS threads
  // (explorer_parallel.cc), falling back as ExploreOptimally does.
  Report ExploreInParallel();
  // Whether the options let the optimal search take the program (what it meets at run time may
  // still send it back to Explore: mutexes, condition variables, blocking spin loops).
  bool OptimalSupports() const;
  // Strategy::kExhaustive (the canonical-order search) and kBounded.
  Report Explore();
  // Strategy::kStatefulSC (explorer_stateful.cc).
  Report ExploreStates();
  // Strategy::kRandom, kPct and kGuided.
  Report ExploreBySampling();
  // Runs the execution `steps` leads to. `strict`: the token must lead to a finding.
  Report Replay(const ReplayToken& token);

 private:
  struct Step {
    Candidate candidate;
    uint32_t preemptions = 0;  // kBounded: preemptions used up to and including this step
    bool must_end = false;     // kExhaustive: outside canonical order, kept only if it ends the run
  };
  struct PathStep {
    Candidate step;
    Hash128 before;            // the graph hash before the step, to detect divergence on replay
    uint32_t preemptions = 0;  // as in Step
    bool must_end = false;     // as in Step
    uint32_t first_event = 0;  // the graph size before the step
    uint32_t threads = 0;      // the threads before the step
    size_t observations = 0;   // kStatefulSC: mc::observe calls before the step
  };
  // kStatefulSC: a step explored from an earlier state that needs no exploring from this one
  // (a sleep set's member): its thread's pending step, which has not changed since.
  struct Sleeper {
    uint32_t thread = 0;
    uint32_t location = kNone;
    bool writes = false;
  };
  struct Frame {
    size_t depth = 0;  // index in path_ of the step this frame chooses
    std::vector<Step> alternatives;
    size_t next = 0;
    // Per alternative, once explored: its thread's code went on to its next request without
    // ending the run and without reading the graph (see the header comment).
    std::vector<bool> went_on;
    std::vector<bool> ended;  // and its thread ended on the way
    // and the plain locations it accessed (when a race ends the run)
    std::vector<std::vector<uint32_t>> plain;
    // kStatefulSC: the sleep set when the next alternative is taken, and per alternative whether
    // it can sleep (its thread had this one step, on one location) and, once explored, whether
    // it was quiet: its thread went on to its next request and did nothing else (no
    // observation, no spawn, no end, no question about the graph, no other thread moved).
    std::vector<Sleeper> sleep = {};
    std::vector<bool> can_sleep = {};
    std::vector<bool> quiet = {};
  };
  struct Passover {
    uint32_t size = 0;   // graph size then
    uint32_t depth = 0;  // index in path_ of the step that passed it over
  };
  // Picks one of `candidates` for a sampling strategy.
  class Sampler;

  // The next steps from the run's current state that the search has not seen yet: for
  // kExhaustive those of the canonical order (see above), for kBounded the unvisited ones within
  // the bound (the others are counted in report_.cut).
  std::vector<Step> FreshSteps(Execution& run);
  // Records that `thread` takes the step at `depth`: the eligible threads below it are passed
  // over.
  void NoteStep(const Execution& run, uint32_t thread, size_t depth);
  // kStatefulSC (explorer_stateful.cc): the sleepers that stay asleep across step `c`, the
  // bits of a sleep set in the run's current state, and the quiet flag of the frame alternative
  // the run has just taken.
  static std::vector<Sleeper> Across(const std::vector<Sleeper>& sleep, const Candidate& c);
  static uint64_t Bits(const Execution& run, const std::vector<Sleeper>& sleep);
  void NoteQuiet(const Execution& run, Execution::Status status);
  // Whether a step outside canonical order could end the run (so it must be tried).
  bool MayEndTheRun(const Execution& run, const Candidate& c) const;
  // After each Advance: follows the forced steps after a frame's alternative and notes, at the
  // next unforced decision or the end of the run, whether it went on (Frame::went_on).
  void NoteWhatFollowed(const Execution& run, Execution::Status status);
  // The search's own memory now (path, frames, visited sets, and `more` held elsewhere);
  // report_.state_bytes keeps the peak.
  void NoteMemory(uint64_t more = 0);
  // The estimated share of the search tree finished (see Report::explored_fraction).
  double ExploredFraction() const;
  void Progress(bool final);

  // Pops the frames with no alternative left; false when none is left (the search is done).
  bool Backtrack();
  // Puts the frame's next alternative in place of its step on the path (for the next replay).
  const Step& TakeNextAlternative(Frame& f);
  // The report of a depth-first search, `done` or stopped by a budget.
  Report FinishSearch(bool done);

  // A run; with `restore`, starting from that part of the last run's graph (Execution::Restore).
  std::unique_ptr<Execution> NewExecution(const Execution::Restore* restore = nullptr);
  // Runs a fresh execution along path_; false (with report_ filled) if the replay diverged.
  bool ReplayPath(Execution& run);
  void RecordFinding(Execution& run);
  // What the run's status means for the search: go on deciding, the run ended (counted), or a
  // finding that stops the search.
  enum class RunEnd { kGoOn, kEnded, kFound };
  RunEnd Conclude(Execution& run, Execution::Status status);
  // Under Options::classify_findings: whether this finding only ends its execution.
  bool Classifiable(Verdict verdict) const;
  void CountExecution(const Execution& run, const std::string& finding);
  // Whether the search reaches this end (complete, blocked, or cut short with `outcome`) for the
  // first time; a stateful search may reach one end from several states.
  bool FirstTimeAtThisEnd(const Execution& run, const std::string& outcome);
  void RecheckFinding();
  bool BudgetExhausted();
  ReplayToken Token() const;
  void Finish();

  const std::function<void()>& test_;
  Options options_;
  std::unique_ptr<MemoryModel> model_;
  StackPool& stacks_;
  Watchdog watchdog_;
  ExecutionGraph spare_graph_{false, false};  // the buffers each run builds its graph in
  VisitedSet visited_;                        // kBounded: graph hashes
  // kStatefulSC: state keys, each with the threads asleep when it was last explored (bits by
  // the rank of the thread's canonical identity).
  StateMap<uint64_t> asleep_;
  std::vector<Sleeper> sleep_;  // kStatefulSC: the sleep set of the state the run reaches next
  VisitedSet completed_;        // kBounded, kStatefulSC: the ends counted so far
  VisitedSet raced_ends_;       // kExhaustive: the end states found at their step, counted so far
  std::vector<PathStep> path_;
  std::vector<Frame> frames_;
  size_t frame_bytes_ = 0;  // the alternatives held by frames_
  // kExhaustive, per thread: each time a higher thread stepped while it was eligible, since it
  // last stepped. Its next step must read from an event at least as new as the last of these.
  std::vector<std::vector<Passover>> passed_;
  // The alternative whose forced steps NoteWhatFollowed is following in this run.
  struct Following {
    size_t frame = 0;          // index in frames_
    size_t alternative = 0;    // index in its alternatives
    uint32_t first_event = 0;  // the graph size before the step
    uint32_t threads = 0;      // threads before the step: later ones are its children
    bool read_the_graph = false;
  };
  std::optional<Following> following_;
  const OptimalSearch* optimal_ = nullptr;  // the optimal search, while it runs
  // A worker of a parallel optimal search: the work and totals it shares, its index, and how
  // many of its own items it has counted in shared_->pending.
  SharedWork* shared_ = nullptr;
  unsigned worker_ = 0;
  size_t reported_pending_ = 0;
  // Options::shard_count > 1 (explorer_optimal.cc): the work list is split once it holds
  // kItemsPerShard items per shard, or after kRunsBeforeSplit runs once it holds one per shard
  // (a depth-first search whose list stays short, as the map protocol cases' does), or when it
  // is empty (the whole tree was explored before).
  static constexpr size_t kItemsPerShard = 8;
  static constexpr uint64_t kRunsBeforeSplit = 256;
  bool split_ = false;
  void SplitForShard(OptimalSearch& search);
  // Explore(), for the programs the optimal search does not support: under sharding, whole in
  // the first shard and nothing in the others.
  Report ExploreCanonically();
  Report report_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_progress_;
};

}  // namespace mc::internal
