// How `mapcheck protocol` and `mapcheck merge` print a protocol case's result: one text block
// (the header line, then each class with its executions) or one JSON object.
#pragma once

#include <ostream>
#include <string>

#include "litmus/go_map/protocol.h"

namespace mapcheck {

// `shard` is "I/N" for the part of a sharded search (mapcheck protocol --shard), else "".
void PrintProtocolResult(const litmus::go_map::ProtocolResult& r, const std::string& shard,
                         bool first, std::ostream& out);
std::string ProtocolResultJson(const litmus::go_map::ProtocolResult& r, const std::string& shard);

}  // namespace mapcheck
