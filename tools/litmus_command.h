// `mapcheck litmus FILE.litmus...`: herd7 C litmus files, model-checked.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int LitmusCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
