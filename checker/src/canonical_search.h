// The canonical-order search (Strategy::kExhaustive where the optimal search does not take the
// program): exact and stateless, each consistent complete graph once.
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
#pragma once

#include <optional>
#include <vector>

#include "depth_first_search.h"
#include "visited_set.h"

namespace mc::internal {

struct CanonicalStep {
  Candidate candidate;
  bool must_end = false;  // outside canonical order: kept only if it ends the run
};

// Per alternative of a branch, once explored: its thread's code went on to its next request
// without ending the run and without reading the graph (see above), whether its thread ended
// on the way, and the plain locations it accessed (when a race ends the run).
struct CanonicalBranch {
  std::vector<bool> went_on;
  std::vector<bool> ended;
  std::vector<std::vector<uint32_t>> plain;
};

class CanonicalSearch : public DepthFirstSearch<CanonicalStep, CanonicalBranch> {
 public:
  CanonicalSearch(const std::function<void()>& test, const Options& options);

 private:
  struct Passover {
    uint32_t size = 0;   // graph size then
    uint32_t depth = 0;  // index in the path of the step that passed it over
  };

  void StartRun() override;
  void Replayed(const Execution& run, size_t depth) override;
  bool Advanced(const Execution& run, Execution::Status status) override;
  std::vector<CanonicalStep> Fresh(Execution& run) override;
  CanonicalBranch NewBranch(const std::vector<CanonicalStep>& alternatives) override;
  void Taken(const Execution& run) override;
  bool FirstTimeAtThisEnd(const Execution& run, const std::string& outcome) override;
  uint64_t Bytes() const override;

  // Records that `thread` takes the step at `depth`: the eligible threads below it are passed
  // over.
  void NoteStep(const Execution& run, uint32_t thread, size_t depth);
  // Whether a step outside canonical order could end the run (so it must be tried).
  bool MayEndTheRun(const Execution& run, const Candidate& c) const;
  // After each Advance: follows the forced steps after a branch's alternative and notes, at the
  // next unforced decision or the end of the run, whether it went on (CanonicalBranch::went_on).
  void NoteWhatFollowed(const Execution& run, Execution::Status status);

  // Per thread: each time a higher thread stepped while it was eligible, since it last stepped.
  // Its next step must read from an event at least as new as the last of these.
  std::vector<std::vector<Passover>> passed_;
  // The alternative whose forced steps NoteWhatFollowed is following in this run.
  struct Following {
    size_t branch = 0;         // index in the path's branches
    size_t alternative = 0;    // index in its alternatives
    uint32_t first_event = 0;  // the graph size before the step
    uint32_t threads = 0;      // threads before the step: later ones are its children
    bool read_the_graph = false;
  };
  std::optional<Following> following_;
  VisitedSet raced_ends_;  // the end states found at their step, counted so far
};

}  // namespace mc::internal
