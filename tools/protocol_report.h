// How `mapcheck protocol` and `mapcheck merge` print a protocol case's result: one text block
// (the header line, then each class with its executions) or one JSON object.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "litmus/go_map/protocol.h"

namespace mapcheck {

// `shard` is "I/N" for the part of a sharded search (mapcheck protocol --shard), else "".
void PrintProtocolResult(const litmus::go_map::ProtocolResult& r, const std::string& shard,
                         bool first, std::ostream& out);
std::string ProtocolResultJson(const litmus::go_map::ProtocolResult& r, const std::string& shard);

// One case checked under several models, side by side: a line per model (what it explored),
// then each class with a column per model, and beside a class that RC11 shows and TSO does not
// "needs weaker ordering than x86 (Arm/POWER, or a compiler reordering)", beside one TSO shows
// and SC does not "seen on x86, not under SC": where both searches were exhaustive only (a
// sample proves nothing absent).
void PrintProtocolResultsSideBySide(const std::vector<const litmus::go_map::ProtocolResult*>& rs,
                                    bool first, std::ostream& out);

}  // namespace mapcheck
