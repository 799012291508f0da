// Cycle detection over a relation given by a successor function, iterative (no recursion depth
// limit on long graphs).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace mc::internal {

// `for_each_successor(v, emit)` calls emit(w) for every edge v -> w, with v, w < n.
template <class ForEachSuccessor>
bool IsAcyclic(uint32_t n, ForEachSuccessor&& for_each_successor) {
  std::vector<uint8_t> state(n, 0);  // 0 unvisited, 1 on the DFS stack, 2 finished
  std::vector<std::pair<uint32_t, std::vector<uint32_t>>> stack;
  auto successors = [&](uint32_t v) {
    std::vector<uint32_t> out;
    for_each_successor(v, [&](uint32_t w) { out.push_back(w); });
    return out;
  };
  for (uint32_t root = 0; root < n; ++root) {
    if (state[root] != 0) continue;
    state[root] = 1;
    stack.emplace_back(root, successors(root));
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next.empty()) {
        state[v] = 2;
        stack.pop_back();
        continue;
      }
      const uint32_t w = next.back();
      next.pop_back();
      if (state[w] == 1) return false;
      if (state[w] == 0) {
        state[w] = 1;
        stack.emplace_back(w, successors(w));
      }
    }
  }
  return true;
}

}  // namespace mc::internal
