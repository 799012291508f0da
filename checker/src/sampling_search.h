// The sampling strategies (Strategy::kRandom, kPct, kGuided): each run starts from scratch and a
// picker chooses one candidate per decision. They verify nothing; they find bugs fast.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "search.h"

namespace mc::internal {

// Chooses one candidate per decision.
class Picker {
 public:
  virtual ~Picker() = default;
  virtual void StartRun() {}
  virtual const Candidate& Pick(const std::vector<Candidate>& candidates) = 0;
  // How many runs to make.
  virtual uint64_t Runs(const Options& options) const {
    return options.max_executions == 0 ? 1000 : options.max_executions;
  }
  // The message of a search whose runs found nothing.
  virtual std::string NothingFound(const Options& options, const Report& report) const = 0;
};

// Uniformly at random (kRandom), by PCT's priorities (kPct), by the bytes of Options::guide
// (kGuided).
std::unique_ptr<Picker> MakeRandomPicker(const Options& options);
std::unique_ptr<Picker> MakePctPicker(const Options& options);
std::unique_ptr<Picker> MakeGuidedPicker(const Options& options);

class SamplingSearch : public Search {
 public:
  SamplingSearch(const std::function<void()>& test, const Options& options,
                 std::unique_ptr<Picker> picker);

  Report Run() override;

 private:
  std::vector<TokenStep> TakenSteps() const override { return taken_; }
  uint64_t Bytes() const override { return taken_.capacity() * sizeof(TokenStep); }

  std::unique_ptr<Picker> picker_;
  std::vector<TokenStep> taken_;  // the current run's steps
};

}  // namespace mc::internal
