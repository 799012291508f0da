// The concurrent targets' linearizability check, in a library of its own: it runs on the
// fuzzer's main thread after the workers finished, so it needs neither ThreadSanitizer nor
// libFuzzer's coverage instrumentation, and with them it took about nine tenths of a concurrent
// target's time (and its search's branches counted as coverage, so inputs that only made the
// search take another path were kept as new). fuzz/CMakeLists.txt builds it uninstrumented.
#pragma once

#include <string>
#include <vector>

#include "models/testing/linearizability.h"

namespace fuzz {

// models::testing::CheckLinearizable of a history with stamps from one counter, from the empty
// map: "" when linearizable, else why; `undecided` names a key the search gave up on.
std::string CheckHistory(const std::vector<models::testing::Operation>& history,
                         std::string* undecided);

}  // namespace fuzz
