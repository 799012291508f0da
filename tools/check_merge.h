// `mapcheck merge` of the shards of `mapcheck check --shard I/N --json`: each shard did every
// Nth row of the table, whole; the merge puts the rows back in their places and prints and
// judges the table as one unsplit check does.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "json_reader.h"

namespace mapcheck {

// `reports`: (file, its parsed document), each with a "results" list. Prints what one unsplit
// `mapcheck check` prints (with `json`, its --json report) and returns its exit status; 2 on a
// report that is not a shard of the same check, naming the file.
int MergeCheckReports(const std::vector<std::pair<std::string, JsonValue>>& reports, bool json,
                      std::ostream& out, std::ostream& err);

}  // namespace mapcheck
