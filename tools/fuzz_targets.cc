#include "fuzz_targets.h"

#include <algorithm>

namespace mapcheck {

std::vector<FuzzTarget> FuzzTargets() {
  std::vector<FuzzTarget> out;
  for (const models::MapRow& row : models::kMapRows) {
    for (const models::FuzzKind& kind : models::kFuzzKinds) {
      if ((row.fuzz_kinds & kind.bit) == 0) continue;
      out.push_back({models::FuzzTargetName(row, kind), std::string(kind.name), &row});
    }
  }
  out.push_back({"herd_parser_fuzzer", "herd", nullptr});
  std::sort(out.begin(), out.end(),
            [](const FuzzTarget& a, const FuzzTarget& b) { return a.name < b.name; });
  return out;
}

}  // namespace mapcheck
