// Memory orders and memory models as the checker names them.
#pragma once

#include <atomic>
#include <string_view>

namespace mc {

using memory_order = std::memory_order;
inline constexpr memory_order relaxed = std::memory_order_relaxed;
inline constexpr memory_order consume = std::memory_order_consume;  // explored as acquire
inline constexpr memory_order acquire = std::memory_order_acquire;
inline constexpr memory_order release = std::memory_order_release;
inline constexpr memory_order acq_rel = std::memory_order_acq_rel;
inline constexpr memory_order seq_cst = std::memory_order_seq_cst;

// The memory model an exploration is checked against. Adding a model is one enumerator here
// plus one class behind checker/src/memory_model.h (see docs/development.md).
enum class Model {
  kSC,    // sequential consistency: acyclic(po | rf | mo | fr)
  kRC11,  // Lahav et al., PLDI 2017, as herd7's rc11.cat encodes it
};

std::string_view ModelName(Model model);
std::string_view OrderName(memory_order order);

}  // namespace mc
