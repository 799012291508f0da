// `mapcheck merge`: adds up the --json reports of the shards of a search (mapcheck protocol
// --shard I/N) into the report one search would have printed.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapcheck {

int MergeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapcheck
