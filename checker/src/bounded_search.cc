#include "bounded_search.h"

namespace mc::internal {

BoundedSearch::BoundedSearch(const std::function<void()>& test, const Options& options)
    : DepthFirstSearch(test, options, RunMode{}) {}

std::vector<BoundedStep> BoundedSearch::Fresh(Execution& run) {
  std::vector<BoundedStep> fresh;
  const uint32_t used = path_.empty() ? 0 : path_.back().taken.preemptions;
  const uint32_t last = path_.empty() ? kNone : path_.back().taken.candidate.thread;
  bool last_can_go_on = false;
  if (last != kNone) {
    for (uint32_t t : run.Eligible()) last_can_go_on = last_can_go_on || t == last;
  }
  for (const Candidate& c : run.Candidates()) {
    uint32_t preemptions = used;
    if (last_can_go_on && c.thread != last) ++preemptions;
    if (preemptions > options_.preemption_bound) {
      ++report_.cut;
      continue;
    }
    Hash128 key = c.hash;
    key.lo = Combine(key.lo, preemptions);
    key.hi = Combine(key.hi, c.thread);
    if (visited_.Insert(key)) fresh.push_back({c, preemptions});
  }
  return fresh;
}

bool BoundedSearch::FirstTimeAtThisEnd(const Execution& run, const std::string&) {
  return completed_.Insert(run.hash());  // one graph may be completed from several states
}

void BoundedSearch::Done(bool done) {
  if (done && report_.verdict == Verdict::kOk && report_.cut > 0) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "every execution with at most " + std::to_string(options_.preemption_bound) +
                      " preemptions explored, nothing found; the bound cut " +
                      std::to_string(report_.cut) +
                      " steps, so executions with more preemptions are not verified";
  }
}

uint64_t BoundedSearch::Bytes() const {
  return DepthFirstSearch::Bytes() + visited_.bytes() + completed_.bytes();
}

}  // namespace mc::internal
