// The claims of the incident write-up (docs/incident-claims.md) that the models decide, as a
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
  // The verdict our tests establish, or "measured" for a claim decided by a benchmark on the
  // machine that ran it (any decided verdict is accepted; see Settled).
  std::string expected;
  std::string test;       // the test that decides it
  std::function<Decision()> decide;
};

std::vector<Claim>& Registry();

// Whether `d` is the verdict `c` expects: equal, or for a measured claim, any decided verdict.
inline bool Settled(const Claim& c, const Decision& d) {
  if (c.expected == "measured") {
    return d.verdict == "true" || d.verdict == "false" || d.verdict == "partly true";
  }
  return d.verdict == c.expected;
}

struct Register {
  explicit Register(Claim claim) { Registry().push_back(std::move(claim)); }
};

}  // namespace claims
