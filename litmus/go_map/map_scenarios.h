// The map scenarios the suite runs: the ones every fix must pass and the one that kills each
// mutant (litmus/go_map/fixes_test.cc, mutants_test.cc and `mapcheck verify` run them; the
// schedule fuzz targets are seeded from them). Test data for the scenario runner
// (scenario/scenario.h).
#pragma once

#include <string>
#include <vector>

#include "mc/mc.h"
#include "scenario/scenario.h"

namespace litmus::go_map {

using map_scenario::Scenario;

// The scenarios every fix must pass (2 and 3 threads, 1 to 3 operations each, keys 1 to 3, every
// API call).
const std::vector<Scenario>& FixScenarios();

// How each mutant is killed: a scenario and the finding it must produce.
struct Kill {
  std::string mutant;  // MutantInfo::name
  Scenario scenario;
  mc::Verdict finding;
};
const std::vector<Kill>& MutantKills();

}  // namespace litmus::go_map
