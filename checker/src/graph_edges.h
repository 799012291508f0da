// The edges the axiomatic models share, as successor functions over an ExecutionGraph: the
// spawn and join synchronisation, and the communication relations rf, mo and fr. mo and fr go
// to the next write only, which preserves reachability since mo is a chain per location; the
// cycle searches of the models (acyclic.h) only need reachability. Each edge comes with its
// name as herd7 writes it (f(to, name)), for the explanation of a cycle.
#pragma once

#include <cstdint>

#include "execution_graph.h"

namespace mc::internal {

// spawn -> the child's start, and a thread's last event -> every join of it.
template <class F>
void ForEachSyncSuccessor(const ExecutionGraph& g, uint32_t v, F&& f) {
  const Event& e = g[v];
  if (e.kind == EventKind::kSpawn && e.other_thread < g.thread_count()) {
    const auto& child = g.ThreadEvents(e.other_thread);
    if (!child.empty() && g[child[0]].sync == v) f(child[0], "spawn");
  }
  if (e.index + 1 == g.ThreadEvents(e.thread).size()) {
    for (uint32_t t = 0; t < g.thread_count(); ++t) {
      for (uint32_t w : g.ThreadEvents(t)) {
        if (g[w].kind == EventKind::kJoin && g[w].sync == v) f(w, "join");
      }
    }
  }
}

// rf (every read of a write; with `external_rf_only`, those of other threads: herd's rfe), mo
// and fr.
template <class F>
void ForEachComSuccessor(const ExecutionGraph& g, uint32_t v, bool external_rf_only, F&& f) {
  const Event& e = g[v];
  if (e.IsWrite() && g.MoPosition(v) != kNone) {
    for (uint32_t r : g.LocationEvents(e.location)) {
      if (!g[r].IsRead() || g[r].rf != v) continue;
      if (g[r].thread != e.thread) {
        f(r, "rfe");
      } else if (!external_rf_only) {
        f(r, "rfi");
      }
    }
    const auto& mo = g.Mo(e.location);
    if (g.MoPosition(v) + 1 < mo.size()) f(mo[g.MoPosition(v) + 1], "mo");
  }
  if (e.IsRead()) {
    const auto& mo = g.Mo(e.location);
    if (g.MoPosition(e.rf) + 1 < mo.size()) f(mo[g.MoPosition(e.rf) + 1], "fr");
  }
}

}  // namespace mc::internal
