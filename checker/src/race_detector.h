// Data races on plain memory: two conflicting accesses to a plain location (at least one a
// write, not both atomic accesses) that happens-before does not order.
//
// The detector finds the pairs among the events a step added, and keeps those a run goes on past
// (PlainRaces::kContinue*) as one pair per pair of source sites: the first two events seen racing
// there. Their text is made only when the run is counted (Sites), since nearly every step of a
// test whose plain memory races by design (a Go map) races again.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "execution_graph.h"

namespace mc::internal {

class RaceDetector {
 public:
  // Calls f(a, b) for every racing pair with b among the events from `first_new` on; f returns
  // false to stop.
  template <typename F>
  static void ForEach(const ExecutionGraph& g, uint32_t first_new, F f) {
    for (uint32_t id = first_new; id < g.size(); ++id) {
      const Event& e = g[id];
      if (!e.IsAccess() || g.Location(e.location).atomic) continue;
      for (uint32_t a : g.LocationEvents(e.location)) {
        const Event& other = g[a];
        if (a == id || other.thread == e.thread || !(other.IsWrite() || e.IsWrite())) continue;
        if ((other.atomic && e.atomic) || g.Hb(a, id)) continue;
        if (!f(a, id)) return;
      }
    }
  }
  // Whether an event from `first_new` on races.
  static bool AnyFrom(const ExecutionGraph& g, uint32_t first_new);
  // The finding's text for the racing pair (a, b).
  static std::string Describe(const ExecutionGraph& g, uint32_t a, uint32_t b);

  // Keeps the racing pair (a, b) unless its pair of sites already has one.
  void Record(const ExecutionGraph& g, uint32_t a, uint32_t b);
  // The kept pairs as "location: read file:line / write file:line", one per pair of sites (sites
  // that differ only in how a file name is spelled merge here).
  std::set<std::string> Sites(const ExecutionGraph& g) const;

 private:
  struct Site {
    uint32_t location;
    uintptr_t first_file;  // the address of its name (compared as a number: a total order)
    uint32_t first_line;
    bool first_writes;
    uintptr_t second_file;
    uint32_t second_line;
    bool second_writes;
    auto operator<=>(const Site&) const = default;
  };
  std::map<Site, std::pair<uint32_t, uint32_t>> sites_;
};

}  // namespace mc::internal
