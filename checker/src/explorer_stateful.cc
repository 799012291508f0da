// Explorer, continued: the stateful SC search (Strategy::kStatefulSC).
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
// a sleep set only if it was quiet when explored (Frame::quiet): its thread went on to its next
// request and nothing else happened (an observation, a spawn, a thread's end, a finding, a
// question about the graph would each differ with the order). A thread with several candidate
// steps (a weak CAS, an mc::choose) never sleeps. Sleep sets are remembered per state as bits
// by the rank of each thread's canonical identity, which equal keys make the same.
//
// Fibers cannot be copied, so as in Explore a state is re-created by replaying the path.
#include <algorithm>

#include "explorer.h"
#include "invariant.h"

namespace mc::internal {
namespace {

bool Independent(uint32_t thread, uint32_t location, bool writes, const Candidate& c) {
  return thread != c.thread && location != kNone && c.location != kNone &&
         (location != c.location || (!writes && !c.writes));
}

}  // namespace

std::vector<Explorer::Sleeper> Explorer::Across(const std::vector<Sleeper>& sleep,
                                                const Candidate& c) {
  std::vector<Sleeper> out;
  for (const Sleeper& s : sleep) {
    if (Independent(s.thread, s.location, s.writes, c)) out.push_back(s);
  }
  return out;
}

uint64_t Explorer::Bits(const Execution& run, const std::vector<Sleeper>& sleep) {
  if (sleep.empty()) return 0;
  const ExecutionGraph& g = run.graph();
  uint64_t bits = 0;
  for (const Sleeper& s : sleep) {
    uint32_t rank = 0;
    for (uint32_t t = 0; t < g.thread_count(); ++t) {
      rank += g.ThreadCanonical(t) < g.ThreadCanonical(s.thread) ? 1U : 0U;
    }
    MC_INVARIANT(rank < 64, "a sleeper past the 64 threads a sleep set holds");
    bits |= uint64_t{1} << rank;
  }
  return bits;
}

void Explorer::NoteQuiet(const Execution& run, Execution::Status status) {
  if (frames_.empty() || path_.empty() || frames_.back().depth + 1 != path_.size()) return;
  Frame& f = frames_.back();
  const PathStep& step = path_.back();
  bool quiet = status == Execution::Status::kDecision && !run.ReadTheGraph() &&
               run.Observations() == step.observations &&
               run.graph().thread_count() == step.threads;
  for (uint32_t id = step.first_event; quiet && id < run.graph().size(); ++id) {
    const Event& e = run.graph()[id];
    quiet = e.thread == step.step.thread && e.kind != EventKind::kThreadEnd;
  }
  f.quiet[f.next - 1] = quiet;
}

Report Explorer::ExploreStates() {
  bool done = false;
  sleep_.clear();
  while (!done) {
    if (BudgetExhausted()) break;
    auto run = NewExecution();
    run->StopOnlyTheFailingThread(options_.classify_findings);
    if (!ReplayPath(*run)) break;
    bool found = false;
    while (true) {
      const Execution::Status status = run->Advance();
      NoteQuiet(*run, status);
      const RunEnd end = Conclude(*run, status);
      if (end == RunEnd::kFound) found = true;
      if (end != RunEnd::kGoOn) break;
      const std::vector<Candidate> candidates = run->Candidates();
      // Past 64 threads nothing sleeps: each state is explored in full, once.
      const bool sleeping = run->graph().thread_count() <= 64;
      const uint64_t asleep = sleeping ? Bits(*run, sleep_) : 0;
      const auto [seen, first_visit] = asleep_.Insert(run->StateKey(), asleep);
      uint64_t explore = ~asleep;  // by thread rank: the threads whose steps to take
      if (!first_visit) {
        explore = *seen & ~asleep;
        *seen &= asleep;
      }
      std::vector<Step> todo;
      std::vector<bool> can_sleep;
      for (const Candidate& c : candidates) {
        const std::vector<Sleeper> one{{c.thread, c.location, c.writes}};
        if (sleeping ? (Bits(*run, one) & explore) == 0 : !first_visit) continue;
        const auto same_thread =
            std::count_if(candidates.begin(), candidates.end(),
                          [&](const Candidate& o) { return o.thread == c.thread; });
        todo.push_back(Step{c});
        can_sleep.push_back(sleeping && same_thread == 1 && c.location != kNone);
      }
      // Nothing to take: every step from here was taken from this state before, or from an
      // earlier one whose step commutes with those since.
      if (todo.empty()) break;
      if (todo.size() > 1) {
        frame_bytes_ += todo.size() * (sizeof(Step) + 1);
        frames_.push_back(Frame{path_.size(),
                                todo,
                                1,
                                {},
                                {},
                                {},
                                sleep_,
                                can_sleep,
                                std::vector<bool>(todo.size(), false)});
      }
      const Candidate& first = todo.front().candidate;
      sleep_ = Across(sleep_, first);
      path_.push_back(PathStep{first, run->hash(), 0, false, run->graph().size(),
                               run->graph().thread_count(), run->Observations()});
      ++report_.states;
      NoteMemory();
      MC_INVARIANT(run->Apply(first.thread, first.choice),
                   "a consistent candidate could not be applied");
    }
    // A run that stops at a state seen before ends no execution, yet its steps so far may race
    // where no other run's do.
    for (const std::string& race : run->races()) ++report_.races[race];
    Progress(false);
    if (found) {
      run.reset();
      RecheckFinding();
      break;
    }
    if (!Backtrack()) {
      done = true;
      break;
    }
    Frame& f = frames_.back();
    const size_t last = f.next - 1;
    if (f.can_sleep[last] && f.quiet[last]) {
      const Candidate& c = f.alternatives[last].candidate;
      f.sleep.push_back(Sleeper{c.thread, c.location, c.writes});
    }
    sleep_ = Across(f.sleep, TakeNextAlternative(f).candidate);
  }
  return FinishSearch(done);
}

}  // namespace mc::internal
