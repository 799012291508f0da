#include "plain_races.h"

namespace mc::internal {

bool GoReadAllowed(const ExecutionGraph& g, uint32_t read) {
  const uint32_t w = g[read].rf;
  for (uint32_t other : g.LocationEvents(g[read].location)) {
    if (other != w && g[other].IsWrite() && g.Hb(w, other) && g.Hb(other, read)) return false;
  }
  return true;
}

bool GoPlainReadsAllowed(const ExecutionGraph& g, uint32_t first_new) {
  if (!g.go_plain()) return true;
  for (uint32_t id = first_new; id < g.size(); ++id) {
    const Event& e = g[id];
    if (e.IsRead() && e.IsAccess() && g.GoPlain(e.location) && !GoReadAllowed(g, id)) return false;
  }
  return true;
}

}  // namespace mc::internal
