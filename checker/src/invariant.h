// Engine invariants, checked in every build type: an engine bug must never look like a verified
// program. A violation prints "[mc internal bug]" with the condition and aborts.
#pragma once

namespace mc::internal {

[[noreturn]] void InternalBug(const char* condition, const char* message, const char* file,
                              int line);

}  // namespace mc::internal

#define MC_INVARIANT(condition, message) \
  ((condition) ? static_cast<void>(0)    \
               : ::mc::internal::InternalBug(#condition, message, __FILE__, __LINE__))
