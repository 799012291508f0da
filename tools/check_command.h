// `mapcheck check`: model-check the registered litmus tests and the claims, and print a verdict
// table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

// Returns the process exit code: 0 when every result matches its expectation, 1 on a mismatch,
// 2 for bad arguments (with the message on `err`), 3 when results are only incomplete.
int CheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
