// `mapcheck replay TEST@TOKEN`: one execution, re-run, with its full counterexample.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int ReplayCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
