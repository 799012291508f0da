// Execution, continued: what a run does with the data races of a step (RaceDetector finds them).
#include <algorithm>
#include <cstdint>

#include "execution.h"

namespace mc::internal {

void Execution::CheckRaces(uint32_t first_new) {
  RaceDetector::ForEach(graph_, first_new, [&](uint32_t a, uint32_t id) {
    if (!RacesStopTheRun(options_.plain_races)) {  // recorded, and the execution goes on
      races_.Record(graph_, a, id);
      return true;
    }
    // Under StopOnlyTheFailingThread(true) the run goes on, and of its races the one named is
    // that of the least pair of events (by identity, not by the order they were added in).
    const uint64_t x = graph_[a].canonical;
    const uint64_t y = graph_[id].canonical;
    if (SetFinding(Verdict::kDataRace, RaceDetector::Describe(graph_, a, id),
                   HeldKey{1, std::min(x, y), std::max(x, y)})) {
      finding_.highlighted = {a, id};
    }
    return HoldsFinding();  // held: look for a race that comes first
  });
}

}  // namespace mc::internal
