// Ctrl-C and SIGTERM during a long command: the first one sets a flag that the searches poll
// (mc::Options::stop), so the command ends its current check as interrupted, writes what it has
// (JSON, JUnit) and exits 130; a second one kills the process at once, as usual.
#pragma once

#include <atomic>

namespace mapcheck {

// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool>& InterruptFlag();
inline bool Interrupted() { return InterruptFlag().load(std::memory_order_relaxed); }
// The exit status of a command that was interrupted (128 + SIGINT, as shells report it).
inline constexpr int kInterruptedExit = 130;

}  // namespace mapcheck
