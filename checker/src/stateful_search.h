// The stateful searches: Strategy::kStatefulSC, and Strategy::kStatefulTSO (the same over the runs
// of the x86-TSO machine, store_buffers.h, whose flushes are steps of their own).
//
// A depth-first search over the states of SC interleavings (Execution in its interleaving mode),
// each remembered by Execution::StateKey, with sleep sets (Godefroid, "Partial-Order Methods for
// the Verification of Concurrent Systems", 1996) so that two independent steps are not taken in
// both orders only to meet again:
//   explore(s, Z):   (Z: steps explored from an earlier state that need no exploring here)
//     if s was seen with sleep set Z0: T = Z0 \ Z (steps asleep then, awake now); Z0 = Z0 ∩ Z
//     else: remember s with Z; T = the steps of s not in Z
//     for t in T: explore(s after t, {u in Z : u independent of t}); Z = Z ∪ {t}
// which visits every state the search without sleep sets visits, so every end state (counted by
// its Execution::EndKey) and every race site is still found.
//
// Independence is judged on the steps themselves: two steps of different threads are independent
// when each accesses one location and they access different ones, or only read the same one;
// then either order leaves the same memory, the same values read, the same happens-before views.
// What a thread's code does after its step must not tell the orders apart either, so a step joins
// a sleep set only if it was quiet when explored (StatefulBranch::quiet): its thread went on to its next
// request and nothing else happened (an observation, a spawn, a thread's end, a finding, a
// question about the graph would each differ with the order). A thread with several candidate
// steps (a weak CAS, an mc::choose) never sleeps. Under x86-TSO a thread's own step and the flush
// of its oldest store sleep apart (a flush writes its location; it is quiet, running no code). Sleep sets are remembered per state as bits
// by the rank of each thread's canonical identity, which equal keys make the same.
//
// Fibers cannot be copied, so a state is re-created by replaying the path (search_path.h).
#pragma once

#include <ostream>
#include <vector>

#include "depth_first_search.h"
#include "visited_set.h"

namespace mc::internal {

struct StatefulStep {
  Candidate candidate;
  bool can_sleep = false;  // its thread had this one step, on one location
};

// A step explored from an earlier state that needs no exploring from this one (a sleep set's
// member): its thread's pending step, which has not changed since.
struct Sleeper {
  uint32_t thread = 0;
  uint32_t location = kNone;
  bool writes = false;
  bool flush = false;  // Strategy::kStatefulTSO: the flush of the thread's oldest store
};

struct StatefulBranch {
  // The sleep set when the next alternative is taken.
  std::vector<Sleeper> sleep;
  // Per alternative, once explored, whether it was quiet: its thread went on to its next
  // request and did nothing else (no observation, no spawn, no end, no question about the
  // graph, no other thread moved).
  std::vector<bool> quiet;
};

class StatefulSearch : public DepthFirstSearch<StatefulStep, StatefulBranch> {
 public:
  StatefulSearch(const std::function<void()>& test, const Options& options);

 private:
  bool Advanced(const Execution& run, Execution::Status status) override;
  std::vector<StatefulStep> Fresh(Execution& run) override;
  StatefulBranch NewBranch(const std::vector<StatefulStep>& alternatives) override;
  void Taken(const Execution& run) override;
  void RunOver(const Execution& run) override;
  void Backtracked() override;
  bool FirstTimeAtThisEnd(const Execution& run, const std::string& outcome) override;
  void ProgressDetail(std::ostream& line, bool final, double elapsed) const override;
  uint64_t Bytes() const override;

  // The sleepers that stay asleep across step `c`, and the bits of a sleep set in the run's
  // current state.
  static std::vector<Sleeper> Across(const std::vector<Sleeper>& sleep, const Candidate& c);
  uint64_t Bits(const Execution& run, const std::vector<Sleeper>& sleep) const;

  // State keys, each with the threads asleep when it was last explored (bits by the rank of the
  // thread's canonical identity).
  StateMap<uint64_t> asleep_;
  std::vector<Sleeper> sleep_;  // the sleep set of the state the run reaches next
  VisitedSet completed_;        // the ends counted so far
  // Strategy::kStatefulTSO: a thread has two steps that sleep apart, its own and the flush of its
  // oldest store (bits 2 rank and 2 rank + 1, so up to 32 threads sleep).
  bool flushes_ = false;
};

}  // namespace mc::internal
