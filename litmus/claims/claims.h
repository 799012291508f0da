// The claims of the incident write-up (../shared/CLAIMS.md) that the models decide, as a
// registry shared by ctest (claims_test) and `mapcheck check`. Each claim runs its model checks
// and returns the verdict they support with the evidence (execution counts).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace claims {

struct Decision {
  std::string verdict;   // "true", "false", "partly true"
  std::string evidence;  // what the model checks found, with counts
};

struct Claim {
  std::string id;         // "C1"
  std::string statement;  // the claim as the write-up states it
  std::string expected;   // the verdict our tests establish
  std::string test;       // the test that decides it
  std::function<Decision()> decide;
};

std::vector<Claim>& Registry();

struct Register {
  explicit Register(Claim claim) { Registry().push_back(std::move(claim)); }
};

}  // namespace claims
