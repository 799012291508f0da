// Cycle detection over a relation given by a successor function: the successors are gathered into
// one adjacency array, then searched depth-first without recursion. Buffers are reused between
// calls (the memory models call this for every candidate step).
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace mc::internal {

// `for_each_successor(v, emit)` calls emit(w) for every edge v -> w, with v, w < n.
template <class ForEachSuccessor>
bool IsAcyclic(uint32_t n, ForEachSuccessor&& for_each_successor) {
  thread_local std::vector<uint32_t> offsets, edges;
  thread_local std::vector<uint8_t> state;  // 0 unvisited, 1 on the DFS stack, 2 finished
  thread_local std::vector<std::pair<uint32_t, uint32_t>> stack;  // (node, next edge index)
  offsets.assign(n + 1, 0);
  edges.clear();
  for (uint32_t v = 0; v < n; ++v) {
    offsets[v] = static_cast<uint32_t>(edges.size());
    for_each_successor(v, [&](uint32_t w) { edges.push_back(w); });
  }
  offsets[n] = static_cast<uint32_t>(edges.size());
  state.assign(n, 0);
  stack.clear();
  for (uint32_t root = 0; root < n; ++root) {
    if (state[root] != 0) continue;
    state[root] = 1;
    stack.emplace_back(root, offsets[root]);
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next == offsets[v + 1]) {
        state[v] = 2;
        stack.pop_back();
        continue;
      }
      const uint32_t w = edges[next++];
      if (state[w] == 1) return false;
      if (state[w] == 0) {
        state[w] = 1;
        stack.emplace_back(w, offsets[w]);
      }
    }
  }
  return true;
}

// Whether no cycle passes through a node from `first_new` on, among nodes < n (the graph was
// acyclic before those were added, and every edge between two older nodes was an edge before, or
// is implied by a path that was: so a new cycle passes through a new node). The search visits
// what the new nodes reach, usually a small part of the graph. `for_each_successor` as above.
template <class ForEachSuccessor>
bool NoCycleThroughNew(uint32_t n, uint32_t first_new, ForEachSuccessor&& for_each_successor) {
  thread_local std::vector<uint8_t> state;  // 0 unvisited, 1 on the DFS stack, 2 finished
  thread_local std::vector<std::pair<uint32_t, std::vector<uint32_t>>> stack;
  thread_local std::vector<std::vector<uint32_t>> spare;  // successor buffers, reused
  state.assign(n, 0);
  auto push = [&](uint32_t v) {
    std::vector<uint32_t> succ;
    if (!spare.empty()) {
      succ = std::move(spare.back());
      spare.pop_back();
    }
    succ.clear();
    for_each_successor(v, [&](uint32_t w) { succ.push_back(w); });
    state[v] = 1;
    stack.emplace_back(v, std::move(succ));
  };
  for (uint32_t root = first_new; root < n; ++root) {
    if (state[root] != 0) continue;
    push(root);
    while (!stack.empty()) {
      auto& [v, succ] = stack.back();
      if (succ.empty()) {
        state[v] = 2;
        spare.push_back(std::move(succ));
        stack.pop_back();
        continue;
      }
      const uint32_t w = succ.back();
      succ.pop_back();
      if (state[w] == 1) {
        while (!stack.empty()) {
          spare.push_back(std::move(stack.back().second));
          stack.pop_back();
        }
        return false;
      }
      if (state[w] == 0) push(w);
    }
  }
  return true;
}

// An edge of a cycle, with its name (graph_edges.h).
struct CycleEdge {
  uint32_t from = 0;
  uint32_t to = 0;
  const char* name = "";
};

// A shortest cycle among nodes < n, its edges in order (empty if there is none), by a
// breadth-first search from every node: for explaining one graph, not for the search's checks.
// `for_each_successor(v, emit)` calls emit(w, name) for every edge v -> w.
template <class ForEachSuccessor>
std::vector<CycleEdge> ShortestCycle(uint32_t n, ForEachSuccessor&& for_each_successor) {
  std::vector<CycleEdge> best;
  std::vector<uint32_t> parent(n);
  std::vector<const char*> via(n);
  std::vector<uint32_t> queue;
  for (uint32_t start = 0; start < n; ++start) {
    std::fill(parent.begin(), parent.end(), UINT32_MAX);
    queue.assign(1, start);
    bool closed = false;
    uint32_t last = 0;
    const char* closing = "";
    for (size_t head = 0; head < queue.size() && !closed; ++head) {
      const uint32_t v = queue[head];
      for_each_successor(v, [&](uint32_t w, const char* name) {
        if (closed) return;
        if (w == start) {
          closed = true;
          last = v;
          closing = name;
        } else if (parent[w] == UINT32_MAX) {
          parent[w] = v;
          via[w] = name;
          queue.push_back(w);
        }
      });
    }
    if (!closed) continue;
    std::vector<CycleEdge> cycle{{last, start, closing}};
    for (uint32_t v = last; v != start; v = parent[v]) cycle.push_back({parent[v], v, via[v]});
    if (best.empty() || cycle.size() < best.size()) {
      best.assign(cycle.rbegin(), cycle.rend());
    }
  }
  return best;
}

}  // namespace mc::internal
