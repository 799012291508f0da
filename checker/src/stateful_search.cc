#include "stateful_search.h"

#include <algorithm>

#include "invariant.h"

namespace mc::internal {
namespace {

bool IsFlush(const Candidate& c) { return c.choice == kFlushChoice; }

bool Independent(uint32_t thread, uint32_t location, bool writes, const Candidate& c) {
  return thread != c.thread && location != kNone && c.location != kNone &&
         (location != c.location || (!writes && !c.writes));
}

}  // namespace

StatefulSearch::StatefulSearch(const std::function<void()>& test, const Options& options)
    : DepthFirstSearch(test, options, RunMode{true, true}),
      flushes_(options.strategy == Strategy::kStatefulTSO) {
  count_races_at_ends_ = false;  // counted per run (RunOver)
}

std::vector<Sleeper> StatefulSearch::Across(const std::vector<Sleeper>& sleep,
                                            const Candidate& c) {
  std::vector<Sleeper> out;
  for (const Sleeper& s : sleep) {
    if (Independent(s.thread, s.location, s.writes, c)) out.push_back(s);
  }
  return out;
}

uint64_t StatefulSearch::Bits(const Execution& run, const std::vector<Sleeper>& sleep) const {
  if (sleep.empty()) return 0;
  const ExecutionGraph& g = run.graph();
  uint64_t bits = 0;
  for (const Sleeper& s : sleep) {
    uint32_t rank = 0;
    for (uint32_t t = 0; t < g.thread_count(); ++t) {
      rank += g.ThreadCanonical(t) < g.ThreadCanonical(s.thread) ? 1U : 0U;
    }
    const uint32_t bit = flushes_ ? 2 * rank + (s.flush ? 1U : 0U) : rank;
    MC_INVARIANT(bit < 64, "a sleeper past the threads a sleep set holds");
    bits |= uint64_t{1} << bit;
  }
  return bits;
}

bool StatefulSearch::Advanced(const Execution& run, Execution::Status status) {
  if (!path_.AtBranch()) return true;
  // Whether the alternative just taken was quiet.
  Path::Branch& b = path_.branches().back();
  const Path::Step& step = path_.back();
  bool quiet = status == Execution::Status::kDecision && !run.ReadTheGraph() &&
               run.Observations() == step.observations &&
               run.graph().thread_count() == step.threads;
  for (uint32_t id = step.first_event; quiet && id < run.graph().size(); ++id) {
    const Event& e = run.graph()[id];
    quiet = e.thread == step.taken.candidate.thread && e.kind != EventKind::kThreadEnd;
  }
  b.data.quiet[b.next - 1] = quiet;
  return true;
}

std::vector<StatefulStep> StatefulSearch::Fresh(Execution& run) {
  const std::vector<Candidate> candidates = run.Candidates();
  // Past 64 threads (32 with flushes) nothing sleeps: each state is explored in full, once.
  const bool sleeping = run.graph().thread_count() <= (flushes_ ? 32U : 64U);
  const uint64_t asleep = sleeping ? Bits(run, sleep_) : 0;
  const auto [seen, first_visit] = asleep_.Insert(run.StateKey(), asleep);
  uint64_t explore = ~asleep;  // by thread rank: the threads whose steps to take
  if (!first_visit) {
    explore = *seen & ~asleep;
    *seen &= asleep;
  }
  // Empty when every step from here was taken from this state before, or from an earlier one
  // whose step commutes with those since.
  std::vector<StatefulStep> todo;
  for (const Candidate& c : candidates) {
    const std::vector<Sleeper> one{{c.thread, c.location, c.writes, IsFlush(c)}};
    if (sleeping ? (Bits(run, one) & explore) == 0 : !first_visit) continue;
    const auto same_thread =
        std::count_if(candidates.begin(), candidates.end(), [&](const Candidate& o) {
          return o.thread == c.thread && IsFlush(o) == IsFlush(c);
        });
    todo.push_back({c, sleeping && same_thread == 1 && c.location != kNone});
  }
  return todo;
}

StatefulBranch StatefulSearch::NewBranch(const std::vector<StatefulStep>& alternatives) {
  return StatefulBranch{sleep_, std::vector<bool>(alternatives.size(), false)};
}

void StatefulSearch::Taken(const Execution&) {
  sleep_ = Across(sleep_, path_.back().taken.candidate);
}

void StatefulSearch::RunOver(const Execution& run) {
  // A run that stops at a state seen before ends no execution, yet its steps so far may race
  // where no other run's do.
  for (const std::string& race : run.races()) ++report_.races[race];
}

void StatefulSearch::Backtracked() {
  Path::Branch& b = path_.branches().back();
  const size_t last = b.next - 1;
  if (b.alternatives[last].can_sleep && b.data.quiet[last]) {
    const Candidate& c = b.alternatives[last].candidate;
    b.data.sleep.push_back(Sleeper{c.thread, c.location, c.writes, IsFlush(c)});
  }
  const Candidate next = path_.TakeNextAlternative().candidate;
  sleep_ = Across(b.data.sleep, next);
  ++report_.states;
}

bool StatefulSearch::FirstTimeAtThisEnd(const Execution& run, const std::string& outcome) {
  // One end state from many interleavings; the outcome too: a finding's message may name the
  // first of several racing accesses.
  Hash128 end = run.EndKey();
  const uint64_t h = std::hash<std::string>{}(outcome);
  end.lo = Combine(end.lo, h);
  end.hi = Combine(end.hi, Mix(h));
  return completed_.Insert(end);
}

void StatefulSearch::ProgressDetail(std::ostream& line, bool final, double elapsed) const {
  line << ", " << asleep_.size() << " distinct";
  DepthFirstSearch::ProgressDetail(line, final, elapsed);
}

uint64_t StatefulSearch::Bytes() const {
  return DepthFirstSearch::Bytes() + completed_.bytes() + asleep_.bytes();
}

}  // namespace mc::internal
