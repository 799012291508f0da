// Test-side primitives: assertions, assumptions, nondeterministic choice and outcomes.
#pragma once

#include <cstdint>
#include <exception>
#include <source_location>
#include <string_view>

#include "mc/runtime_api.h"

namespace mc {

// Blocks the execution unless `condition` holds. Blocked executions are counted in
// Report::blocked and never in Report::executions.
inline void assume(bool condition, std::source_location where = std::source_location::current()) {
  detail::Active(where, "mc::assume").Assume(condition, where);
}

// Marks the end of one iteration of a spin loop: `while (!flag.load(acquire)) mc::yield();`.
// An iteration that wrote nothing and read exactly what the previous one read observed nothing
// new, so exploring it again is pointless: the execution stops there and is counted in
// Report::blocked (GenMC's spin-assume). A spin loop bounds its own cost this way, whatever its
// iteration limit. If no thread can run any more and every read of such a loop already returns
// the latest write, it can never make progress: a kLivelock finding naming this line.
inline void yield(std::source_location where = std::source_location::current()) {
  detail::Active(where, "mc::yield").Yield(where);
}

// A nondeterministic value in [0, n), every value explored.
inline uint64_t choose(uint64_t n, std::source_location where = std::source_location::current()) {
  return detail::Active(where, "mc::choose").Choose(n, where);
}

// Records part of this execution's outcome; Report::outcomes counts executions per outcome.
// Outcomes read "name=value ..." in the order of the observe calls.
inline void observe(std::string_view name, int64_t value,
                    std::source_location where = std::source_location::current()) {
  detail::Active(where, "mc::observe").Observe(name, value);
}

// Adds a line to this thread's trace: `text` (a string literal: it must outlive the check) at
// the caller's source line. No effect on memory or scheduling; a counterexample shows it where
// the thread passed. Models use it to mark code whose effect is an omission (a lock not taken).
inline void note(const char* text, std::source_location where = std::source_location::current()) {
  detail::Active(where, "mc::note").Note(text, where);
}

// A point in the calling thread's execution: just after its latest event. Valid only within the
// execution that made it (store positions in the test's own variables, not across executions),
// and opaque: its number depends on the order the checker built the execution in, so compare
// positions only with happens_before, never branch on them.
struct position {
  uint64_t event = 0;
  friend bool operator==(const position&, const position&) = default;
};
inline position current_position(std::source_location where = std::source_location::current()) {
  return position{detail::Active(where, "mc::position").Position()};
}
// Whether everything before `a` happens before everything after `b` (a is b, or a's event
// happens-before b's). With positions taken before and after operations, "operation X
// happens-before operation Y" is happens_before(end of X, start of Y): the real-time order
// that linearizability needs in a weak memory model.
inline bool happens_before(position a, position b,
                           std::source_location where = std::source_location::current()) {
  return detail::Active(where, "mc::happens_before").HappensBefore(a.event, b.event, where);
}

// The modelled Go runtime's fatal(message) (e.g. "concurrent map writes"): ends the check with
// kGoMapFatal. Used by models/ through ModelBackend::Fatal.
[[noreturn]] inline void go_fatal(std::string_view message,
                                  std::source_location where = std::source_location::current()) {
  detail::Active(where, "mc::go_fatal").GoFatal(message, where);
  std::terminate();  // not reached: GoFatal does not return (the compiler cannot see it through
                     // the virtual call)
}

}  // namespace mc

// Fails the check with kAssertionFailed, the expression and its source line.
#define MC_ASSERT(condition)                                                        \
  ((condition) ? static_cast<void>(0)                                               \
               : ::mc::detail::Active(std::source_location::current(), "MC_ASSERT") \
                     .AssertFailed(#condition, std::source_location::current()))
