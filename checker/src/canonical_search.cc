#include "canonical_search.h"

#include <algorithm>

#include "invariant.h"
#include "plain_races.h"

namespace mc::internal {

CanonicalSearch::CanonicalSearch(const std::function<void()>& test, const Options& options)
    : DepthFirstSearch(test, options, RunMode{false, true}) {}

void CanonicalSearch::StartRun() {
  following_.reset();
  passed_.clear();
}

void CanonicalSearch::Replayed(const Execution& run, size_t depth) {
  NoteStep(run, path_.steps()[depth].taken.candidate.thread, depth);
}

CanonicalBranch CanonicalSearch::NewBranch(const std::vector<CanonicalStep>& alternatives) {
  const size_t n = alternatives.size();
  return CanonicalBranch{std::vector<bool>(n, false), std::vector<bool>(n, false),
                         std::vector<std::vector<uint32_t>>(n)};
}

void CanonicalSearch::Taken(const Execution& run) {
  NoteStep(run, path_.back().taken.candidate.thread, path_.size() - 1);
}

bool CanonicalSearch::Advanced(const Execution& run, Execution::Status status) {
  NoteWhatFollowed(run, status);
  // A step outside canonical order counts only if the run ends by a thread before the next
  // unforced decision (see the header).
  if (!path_.empty() && path_.back().taken.must_end) {
    const bool forced = status == Execution::Status::kDecision && run.Forced();
    const bool cut_short = status != Execution::Status::kDecision && run.StoppedByThread();
    if (!forced && !cut_short) return false;
  }
  return true;
}

void CanonicalSearch::NoteStep(const Execution& run, uint32_t thread, size_t depth) {
  const std::vector<uint32_t> eligible = run.Eligible();  // sorted; one thread when forced
  const Passover now{run.graph().size(), static_cast<uint32_t>(depth)};
  for (uint32_t t : eligible) {
    if (t >= thread) break;
    if (passed_.size() <= t) passed_.resize(t + 1);
    passed_[t].push_back(now);
  }
  if (thread < passed_.size()) passed_[thread].clear();
}

bool CanonicalSearch::MayEndTheRun(const Execution& run, const Candidate& c) const {
  if (c.races || !c.response.has_value()) return true;
  // The first passing-over with the source present (a step that reads nothing: the first one).
  const std::vector<Passover>& passes = passed_[c.thread];
  const uint32_t source = c.source == kNone ? 0 : c.source;
  const auto pass = std::find_if(passes.begin(), passes.end(),
                                 [&](const Passover& p) { return p.size > source; });
  MC_INVARIANT(pass != passes.end(), "a step outside canonical order was never passed over");
  const auto& branches = path_.branches();
  const auto branch =
      std::lower_bound(branches.begin(), branches.end(), pass->depth,
                       [](const Path::Branch& b, uint32_t depth) { return b.depth < depth; });
  if (branch == branches.end() || branch->depth != pass->depth) return true;
  for (size_t k = 0; k + 1 < branch->next; ++k) {
    const Candidate& sibling = branch->alternatives[k].candidate;
    if (sibling.thread == c.thread && sibling.response == c.response) {
      if (!branch->data.went_on[k]) return true;
      // Its end would let a thread that waits to join it run here.
      if (branch->data.ended[k] && run.WaitsToJoin(c.thread)) return true;
      // Its plain accesses raced with nothing there; here they can only race with an access
      // added since (the thread's own happens-before predecessors are the same).
      for (uint32_t id = pass->size; id < run.graph().size(); ++id) {
        const Event& e = run.graph()[id];
        if (!e.IsAccess()) continue;
        for (uint32_t location : branch->data.plain[k]) {
          if (e.location == location) return true;
        }
      }
      return false;
    }
  }
  return true;
}

void CanonicalSearch::NoteWhatFollowed(const Execution& run, Execution::Status status) {
  if (path_.AtBranch() && !following_) {
    const Path::Branch& b = path_.branches().back();
    following_ = Following{path_.branches().size() - 1, b.next - 1, path_.back().first_event,
                           path_.back().threads, false};
  }
  if (!following_) return;
  following_->read_the_graph = following_->read_the_graph || run.ReadTheGraph();
  if (status == Execution::Status::kDecision && run.Forced()) return;  // the chain goes on
  const Following f = *following_;
  following_.reset();
  bool went_on =
      status == Execution::Status::kDecision && !run.StoppedByThread() && !f.read_the_graph;
  Path::Branch& branch = path_.branches()[f.branch];
  const uint32_t thread = branch.alternatives[f.alternative].candidate.thread;
  const bool races_stop = RacesStopTheRun(options_.plain_races);
  bool ended = false;
  std::vector<uint32_t> plain;
  for (uint32_t id = f.first_event; went_on && id < run.graph().size(); ++id) {
    const Event& e = run.graph()[id];
    ended = ended || (e.thread == thread && e.kind == EventKind::kThreadEnd);
    went_on = e.thread == thread || e.thread >= f.threads;
    if (races_stop && e.IsAccess() && !run.graph().Location(e.location).atomic) {
      plain.push_back(e.location);
    }
  }
  branch.data.went_on[f.alternative] = went_on;
  branch.data.ended[f.alternative] = ended;
  branch.data.plain[f.alternative] = std::move(plain);
}

std::vector<CanonicalStep> CanonicalSearch::Fresh(Execution& run) {
  std::vector<CanonicalStep> fresh;
  for (const Candidate& c : run.Candidates()) {
    // Canonical order: a thread passed over at graph size n must now read a write added since
    // (a step that reads nothing, a choose, could have been taken then).
    const bool passed = c.thread < passed_.size() && !passed_[c.thread].empty();
    const uint32_t need = passed ? passed_[c.thread].back().size : 0;
    const bool canonical = !passed || (c.source != kNone && c.source >= need);
    // In the forced steps after a step outside canonical order, every step is kept as such.
    const bool tail = !path_.empty() && path_.back().taken.must_end;
    if (tail || canonical || MayEndTheRun(run, c)) fresh.push_back({c, tail || !canonical});
  }
  return fresh;
}

bool CanonicalSearch::FirstTimeAtThisEnd(const Execution& run, const std::string&) {
  // A graph that ends at a racing step is reached by either access.
  return !run.EndedAtTheStep() || raced_ends_.Insert(run.hash());
}

uint64_t CanonicalSearch::Bytes() const {
  return DepthFirstSearch::Bytes() + passed_.capacity() * sizeof(std::vector<Passover>) +
         raced_ends_.bytes();
}

}  // namespace mc::internal
