// Execution, continued: data races on plain memory (two conflicting accesses, at least one a
// write, that happens-before does not order).
#include <algorithm>
#include <cstdint>
#include <sstream>

#include "execution.h"
#include "source_text.h"

namespace mc::internal {
namespace {

uintptr_t FileKey(const std::source_location& where) {
  return reinterpret_cast<uintptr_t>(where.file_name());
}

}  // namespace

// Calls f(a, b) for every pair of conflicting accesses, b among the events from `first_new` on,
// that happens-before does not order; f returns false to stop.
template <typename F>
void Execution::ForEachRace(uint32_t first_new, F f) const {
  for (uint32_t id = first_new; id < graph_.size(); ++id) {
    const Event& e = graph_[id];
    if (!e.IsAccess() || graph_.Location(e.location).atomic) continue;
    for (uint32_t a : graph_.LocationEvents(e.location)) {
      const Event& other = graph_[a];
      if (a == id || other.thread == e.thread || !(other.IsWrite() || e.IsWrite())) continue;
      if ((other.atomic && e.atomic) || graph_.Hb(a, id)) continue;
      if (!f(a, id)) return;
    }
  }
}

bool Execution::StepRaces(uint32_t first_new) const {
  bool races = false;
  ForEachRace(first_new, [&](uint32_t, uint32_t) {
    races = true;
    return false;
  });
  return races;
}

void Execution::CheckRaces(uint32_t first_new) {
  ForEachRace(first_new, [&](uint32_t a, uint32_t id) {
    const Event& e = graph_[id];
    const Event& other = graph_[a];
    if (options_.plain_races != PlainRaces::kStop) {
      // Recorded, and the execution goes on.
      races_.try_emplace(RaceSite{e.location, FileKey(other.where), other.where.line(),
                                  other.IsWrite(), FileKey(e.where), e.where.line(), e.IsWrite()},
                         a, id);
      return true;
    }
    std::ostringstream msg;
    msg << "data race on " << graph_.LocationLabel(e.location) << ": "
        << (other.IsWrite() ? "write" : "read") << " by thread " << other.thread << " at "
        << SourceText(other.where) << " and " << (e.IsWrite() ? "write" : "read") << " by thread "
        << e.thread << " at " << SourceText(e.where) << " are not ordered by happens-before";
    // Under StopOnlyTheFailingThread(true) the run goes on, and of its races the one named is
    // that of the least pair of events (by identity, not by the order they were added in).
    const uint64_t x = other.canonical;
    const uint64_t y = e.canonical;
    if (SetFinding(Verdict::kDataRace, msg.str(), HeldKey{1, std::min(x, y), std::max(x, y)})) {
      finding_.highlighted = {a, id};
    }
    return HoldsFinding();  // held: look for a race that comes first
  });
}

std::set<std::string> Execution::races() const {
  std::set<std::string> out;  // sites that differ only in how a file name is spelled merge here
  for (const auto& [site, pair] : races_) {
    const Event& other = graph_[pair.first];
    const Event& e = graph_[pair.second];
    out.insert(graph_.LocationLabel(site.location) + ": " + (other.IsWrite() ? "write " : "read ") +
               SourceText(other.where) + " / " + (e.IsWrite() ? "write " : "read ") +
               SourceText(e.where));
  }
  return out;
}

}  // namespace mc::internal
