// `--html FILE`: one self-contained page (inline SVG and CSS, no network) that draws a
// counterexample as swimlanes: a column per thread, the events top to bottom in the order the
// execution performed them, reads-from arrows (solid) and modification-order arrows (dashed)
// between them, the events of the finding highlighted, and each event's source line, value and
// memory order on hover.
#pragma once

#include <string>

#include "mc/report.h"

namespace mapcheck {

// `title` names the test; `replay` is the qualified token that reproduces the execution.
std::string CounterexampleHtml(const std::string& title, const std::string& replay,
                               const mc::Report& report);

}  // namespace mapcheck
