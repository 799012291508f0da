// Why an execution graph is not consistent under a model (mc::Options::why_not, for a replay):
// the model's shortest cycle (MemoryModel::ShortestCycle), one edge a line, each event named as
// the trace names it (T1.3) with what it does and its source line.
#pragma once

#include <string>

#include "execution_graph.h"
#include "mc/memory_order.h"
#include "mc/report.h"

namespace mc::internal {

// "consistent under sc: ..." or "not sc: a cycle of N edges ...", lines ending in '\n'; an
// empty string when the model cannot explain itself as one cycle (RC11). `trace` is the graph's
// counterexample (BuildCounterexample), whose first events are the graph's, in order.
std::string WhyNot(const ExecutionGraph& g, const Counterexample& trace, Model model);

}  // namespace mc::internal
