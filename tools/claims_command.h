// `mapcheck claims`: decide every registered claim of the incident write-up and print the ledger
// (text, or the Markdown of docs/claims.md).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int ClaimsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
