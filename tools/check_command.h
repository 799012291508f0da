// `mapcheck check` and `mapcheck list`: model-check the registered litmus tests and print a
// verdict table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

// Returns the process exit code: 0 when every result matches its expectation, 1 otherwise,
// 2 for bad arguments (with the message on `err`).
int CheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int ListCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
