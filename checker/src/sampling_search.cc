#include "sampling_search.h"

#include <algorithm>
#include <random>

#include "invariant.h"

namespace mc::internal {
namespace {

std::string Budget(const Options& options, const Report& report, const std::string& what) {
  return what + "seed " + std::to_string(options.seed) + "): " + std::to_string(report.runs) +
         " runs, " + std::to_string(report.executions) +
         " complete executions (possibly repeated), no finding; sampling is not exhaustive, so "
         "nothing is verified";
}

class RandomPicker : public Picker {
 public:
  explicit RandomPicker(const Options& options) : rng_(options.seed) {}

  const Candidate& Pick(const std::vector<Candidate>& candidates) override {
    return candidates[rng_() % candidates.size()];
  }
  std::string NothingFound(const Options& options, const Report& report) const override {
    return Budget(options, report, "random walk (");
  }

 private:
  std::mt19937_64 rng_;
};

// PCT (Burckhardt et al., ASPLOS 2010): random thread priorities, lowered at depth - 1 change
// points drawn among the steps of the longest run so far.
class PctPicker : public Picker {
 public:
  explicit PctPicker(const Options& options) : depth_(options.pct_depth), rng_(options.seed) {}

  void StartRun() override {
    step_ = 0;
    priority_.clear();
    change_points_.clear();
    const uint64_t k = std::max<uint64_t>(longest_, 1);
    for (uint32_t i = 1; i < depth_; ++i) change_points_.push_back(1 + rng_() % k);
  }

  const Candidate& Pick(const std::vector<Candidate>& candidates) override {
    ++step_;
    longest_ = std::max(longest_, step_);
    // The highest-priority thread among those that can step; a new thread gets a random
    // priority above every lowered one (>= depth).
    uint32_t best = kNone;
    for (const Candidate& c : candidates) {
      if (c.thread >= priority_.size()) priority_.resize(c.thread + 1, -1);
      double& p = priority_[c.thread];
      if (p < 0) p = depth_ + std::uniform_real_distribution<double>(0, 1)(rng_);
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

  std::string NothingFound(const Options& options, const Report& report) const override {
    return Budget(options, report, "PCT (depth " + std::to_string(depth_) + ", ");
  }

 private:
  const uint32_t depth_;
  std::mt19937_64 rng_;
  uint64_t step_ = 0;
  uint64_t longest_ = 0;
  std::vector<double> priority_;
  std::vector<uint64_t> change_points_;
};

// One run, decision i taking candidate guide[i] mod their number (0 past the guide's end).
class GuidedPicker : public Picker {
 public:
  explicit GuidedPicker(const Options& options) : guide_(options.guide) {}

  void StartRun() override { step_ = 0; }
  const Candidate& Pick(const std::vector<Candidate>& candidates) override {
    const uint8_t b = step_ < guide_.size() ? guide_[step_] : 0;
    ++step_;
    return candidates[b % candidates.size()];
  }
  uint64_t Runs(const Options&) const override { return 1; }
  std::string NothingFound(const Options&, const Report&) const override {
    return "one guided run (" + std::to_string(guide_.size()) +
           " guide bytes), no finding; a single run verifies nothing";
  }

 private:
  const std::vector<uint8_t> guide_;
  size_t step_ = 0;
};

}  // namespace

std::unique_ptr<Picker> MakeRandomPicker(const Options& options) {
  return std::make_unique<RandomPicker>(options);
}
std::unique_ptr<Picker> MakePctPicker(const Options& options) {
  return std::make_unique<PctPicker>(options);
}
std::unique_ptr<Picker> MakeGuidedPicker(const Options& options) {
  return std::make_unique<GuidedPicker>(options);
}

SamplingSearch::SamplingSearch(const std::function<void()>& test, const Options& options,
                               std::unique_ptr<Picker> picker)
    : Search(test, options, RunMode{}), picker_(std::move(picker)) {}

Report SamplingSearch::Run() {
  const uint64_t runs = picker_->Runs(options_);
  bool found = false;
  for (uint64_t i = 0; i < runs && !found; ++i) {
    if ((options_.max_seconds > 0 || options_.stop != nullptr) && BudgetExhausted()) break;
    taken_.clear();
    picker_->StartRun();
    auto run = NewExecution();
    while (true) {
      const RunEnd end = Conclude(*run, run->Advance());
      if (end == RunEnd::kFound) found = true;
      if (end != RunEnd::kGoOn) break;
      const std::vector<Candidate> candidates = run->Candidates();
      MC_INVARIANT(!candidates.empty(), "a decision without a consistent step");
      const Candidate& pick = picker_->Pick(candidates);
      taken_.push_back({pick.thread, pick.choice});
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
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = picker_->NothingFound(options_, report_);
  }
  Progress(true);
  Finish();
  return report_;
}

}  // namespace mc::internal
