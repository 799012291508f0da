// `mapcheck protocol`: classify the bare GoMap's protocol cases (litmus/go_map/protocol.cc) and
// print, per case, how many executions fell in each class, with a witness of each.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int ProtocolCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
