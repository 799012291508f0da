// `mapcheck fuzz`: the nightly fuzzing campaign over the libFuzzer targets.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int FuzzCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
