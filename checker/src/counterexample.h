// Turns the graph of a failing execution into the report's counterexample.
#pragma once

#include "execution.h"
#include "execution_graph.h"
#include "mc/report.h"

namespace mc::internal {

Counterexample BuildCounterexample(const ExecutionGraph& graph, const Finding& finding);

}  // namespace mc::internal
