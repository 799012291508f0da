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

}  // namespace mc::internal
