#include "herd/herd_vocabulary.h"

#include <utility>

namespace herd::internal {

const std::set<std::string, std::less<>>& TypeWords() {
  static const std::set<std::string, std::less<>> words = {
      "int",          "long",        "short",      "char",        "unsigned",    "signed",
      "intptr_t",     "uintptr_t",   "int8_t",     "int16_t",     "int32_t",     "int64_t",
      "uint8_t",      "uint16_t",    "uint32_t",   "uint64_t",    "bool",        "_Bool",
      "const",        "volatile",    "atomic_int", "atomic_long", "atomic_bool", "atomic_intptr_t",
      "atomic_t",     "__int128_t",  "__int128",   "__uint128_t", "_Atomic",     "atomic_uint",
      "atomic_ulong", "atomic_llong"};
  return words;
}

std::optional<mc::memory_order> OrderNamed(std::string_view name) {
  if (name == "memory_order_relaxed") return mc::relaxed;
  if (name == "memory_order_consume") return mc::consume;
  if (name == "memory_order_acquire") return mc::acquire;
  if (name == "memory_order_release") return mc::release;
  if (name == "memory_order_acq_rel") return mc::acq_rel;
  if (name == "memory_order_seq_cst") return mc::seq_cst;
  return std::nullopt;
}

std::optional<CallShape> CallNamed(std::string_view name) {
  static const std::pair<std::string_view, AtomicOp> kBase[] = {
      {"atomic_load", AtomicOp::kLoad},
      {"atomic_store", AtomicOp::kStore},
      {"atomic_exchange", AtomicOp::kExchange},
      {"atomic_fetch_add", AtomicOp::kFetchAdd},
      {"atomic_fetch_sub", AtomicOp::kFetchSub},
      {"atomic_fetch_and", AtomicOp::kFetchAnd},
      {"atomic_fetch_or", AtomicOp::kFetchOr},
      {"atomic_fetch_xor", AtomicOp::kFetchXor},
      {"atomic_compare_exchange_strong", AtomicOp::kCasStrong},
      {"atomic_compare_exchange_weak", AtomicOp::kCasWeak},
  };
  for (const auto& [base, op] : kBase) {
    if (name == base) return CallShape{op, false};
    if (name.size() == base.size() + 9 && name.starts_with(base) && name.ends_with("_explicit")) {
      return CallShape{op, true};
    }
  }
  if (name == "atomic_thread_fence") return CallShape{AtomicOp::kFence, true};
  return std::nullopt;
}

}  // namespace herd::internal
