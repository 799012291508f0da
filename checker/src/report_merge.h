// Adding up the reports of parts of one search (the workers of a parallel search): counts and
// per-outcome tables are summed, the first part's finding is kept.
#pragma once

#include "mc/report.h"

namespace mc::internal {

// Adds `part` into `total`. Counts, outcomes and races are summed, memory too (the parts ran at
// once); an outcome's witness token is the first part's that has one; the verdict, message,
// counterexample and token are `part`'s when `total` has no finding yet (kOk).
void AddReport(Report& total, const Report& part);

}  // namespace mc::internal
