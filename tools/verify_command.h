// `mapcheck verify`: model-check the map-protocol scenarios on the fixes (every history must be
// linearizable) and the mutants' kill scenarios (each must be caught), and print one verdict.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int VerifyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
