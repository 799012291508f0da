// Explorer, continued: the sampling strategies (kRandom, kPct, kGuided), which run the test from
// scratch and pick one candidate per decision.
#include <algorithm>
#include <random>

#include "explorer.h"
#include "invariant.h"

namespace mc::internal {

// One candidate per decision: uniformly at random (kRandom), by PCT's priorities (kPct), or by
// the next byte of Options::guide (kGuided).
class Explorer::Sampler {
 public:
  explicit Sampler(const Options& options) : options_(options), rng_(options.seed) {}

  // A new run. PCT draws its change points among the steps of the longest run so far.
  void StartRun() {
    step_ = 0;
    priority_.clear();
    change_points_.clear();
    if (options_.strategy != Strategy::kPct) return;
    const uint64_t k = std::max<uint64_t>(longest_, 1);
    for (uint32_t i = 1; i < options_.pct_depth; ++i) change_points_.push_back(1 + rng_() % k);
  }

  const Candidate& Pick(const std::vector<Candidate>& candidates) {
    ++step_;
    longest_ = std::max(longest_, step_);
    if (options_.strategy == Strategy::kGuided) {
      const size_t byte = step_ - 1;
      const uint8_t b = byte < options_.guide.size() ? options_.guide[byte] : 0;
      return candidates[b % candidates.size()];
    }
    if (options_.strategy != Strategy::kPct) return candidates[rng_() % candidates.size()];
    // The highest-priority thread among those that can step; a new thread gets a random
    // priority above every lowered one (>= pct_depth).
    uint32_t best = kNone;
    for (const Candidate& c : candidates) {
      if (c.thread >= priority_.size()) priority_.resize(c.thread + 1, -1);
      double& p = priority_[c.thread];
      if (p < 0) p = options_.pct_depth + std::uniform_real_distribution<double>(0, 1)(rng_);
      if (best == kNone || p > priority_[best]) best = c.thread;
    }
    std::vector<const Candidate*> mine;
    for (const Candidate& c : candidates) {
      if (c.thread == best) mine.push_back(&c);
    }
    const Candidate& pick = *mine[rng_() % mine.size()];
    // Change point i lowers the stepping thread to priority i (below every initial one).
    for (size_t i = 0; i < change_points_.size(); ++i) {
      if (change_points_[i] == step_) priority_[best] = static_cast<double>(i + 1);
    }
    return pick;
  }

 private:
  const Options& options_;
  std::mt19937_64 rng_;
  uint64_t step_ = 0;
  uint64_t longest_ = 0;
  std::vector<double> priority_;
  std::vector<uint64_t> change_points_;
};

Report Explorer::ExploreBySampling() {
  Sampler sampler(options_);
  const uint64_t runs = options_.strategy == Strategy::kGuided ? 1
                        : options_.max_executions == 0         ? 1000
                                                               : options_.max_executions;
  bool found = false;
  for (uint64_t i = 0; i < runs && !found; ++i) {
    if ((options_.max_seconds > 0 || options_.stop != nullptr) && BudgetExhausted()) break;
    path_.clear();
    sampler.StartRun();
    auto run = NewExecution();
    while (true) {
      const RunEnd end = Conclude(*run, run->Advance());
      if (end == RunEnd::kFound) found = true;
      if (end != RunEnd::kGoOn) break;
      const Hash128 before = run->hash();
      const std::vector<Candidate> candidates = run->Candidates();
      MC_INVARIANT(!candidates.empty(), "a decision without a consistent step");
      const Candidate& pick = sampler.Pick(candidates);
      path_.push_back(PathStep{pick, before, 0});
      ++report_.states;
      MC_INVARIANT(run->Apply(pick.thread, pick.choice), "a consistent step could not be applied");
    }
    Progress(false);
    if (found) {
      run.reset();
      RecheckFinding();
    }
  }
  if (!found && report_.verdict == Verdict::kOk) {
    const bool pct = options_.strategy == Strategy::kPct;
    report_.verdict = Verdict::kBudgetExhausted;
    if (options_.strategy == Strategy::kGuided) {
      report_.message = "one guided run (" + std::to_string(options_.guide.size()) +
                        " guide bytes), no finding; a single run verifies nothing";
      Progress(true);
      Finish();
      return report_;
    }
    const std::string what =
        pct ? "PCT (depth " + std::to_string(options_.pct_depth) + ", " : "random walk (";
    report_.message = what + "seed " + std::to_string(options_.seed) +
                      "): " + std::to_string(report_.runs) + " runs, " +
                      std::to_string(report_.executions) +
                      " complete executions (possibly repeated), no finding; sampling is "
                      "not exhaustive, so nothing is verified";
  }
  Progress(true);
  Finish();
  return report_;
}

}  // namespace mc::internal
