// The words of herd's C litmus language that mapcheck knows: type words, memory orders, and
// the atomic calls with their shapes.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "herd/herd_program.h"

namespace herd::internal {

const std::set<std::string, std::less<>>& TypeWords();
std::optional<mc::memory_order> OrderNamed(std::string_view name);

struct CallShape {
  AtomicOp op;
  bool explicit_order;
};

// atomic_load / atomic_load_explicit / ... and atomic_thread_fence; nullopt for anything else.
std::optional<CallShape> CallNamed(std::string_view name);

inline constexpr const char* kSupportedCalls =
    "atomic_load, atomic_store, atomic_exchange, atomic_fetch_{add,sub,and,or,xor}, "
    "atomic_compare_exchange_{strong,weak} (each also _explicit), atomic_thread_fence";

}  // namespace herd::internal
