// `mapcheck list`: what there is to check.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int ListCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
