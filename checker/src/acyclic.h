// Cycle detection over a relation given by a successor function: the successors are gathered into
// one adjacency array, then searched depth-first without recursion. Buffers are reused between
// calls (the memory models call this for every candidate step).
#pragma once

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

}  // namespace mc::internal
