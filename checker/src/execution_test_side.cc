// Execution, continued: what a test calls besides memory and synchronisation (mc::choose,
// mc::assume, MC_ASSERT, the Go fatal, mc::observe, mc::note, positions and happens-before).
#include <string>

#include "execution.h"
#include "source_text.h"

namespace mc::internal {

uint64_t Execution::Choose(uint64_t n, const std::source_location& where) {
  if (n == 0) UsageError("mc::choose(0): there is nothing to choose from", where);
  if (n == 1) return 0;
  Request rq;
  rq.kind = RequestKind::kChoose;
  rq.choices = n;
  rq.op = "choose";
  rq.where = where;
  Post(rq);
  return threads_[current_].request.result;
}

void Execution::Assume(bool condition, const std::source_location& /*where*/) {
  if (aborting_) throw AbortRun{};
  if (condition) return;
  const uint32_t self = current_;
  threads_[self].status = ThreadStatus::kBlocked;
  threads_[self].fiber->Suspend();
  throw AbortRun{};
}

void Execution::AssertFailed(const char* expression, const std::source_location& where) {
  if (aborting_) throw AbortRun{};
  // A second failing thread of a run that goes on past findings shows where it stopped too.
  if (SetFinding(Verdict::kAssertionFailed, std::string("MC_ASSERT(") + expression +
                                                ") failed in thread " + std::to_string(current_) +
                                                " at " + SourceText(where)) ||
      HoldsFinding()) {
    finding_.stops.push_back(
        {current_, std::string("MC_ASSERT(") + expression + ") failed", where});
  }
  StopCurrentThread();
}

// Unlocks run in destructors (lock_guard, unique_lock), which must not throw: when the run is torn
// down, an unlock returns and the thread unwinds at its next event instead.

void Execution::GoFatal(std::string_view message, const std::source_location& where) {
  if (aborting_) throw AbortRun{};
  if (SetFinding(Verdict::kGoMapFatal, std::string(message) + " (thread " +
                                           std::to_string(current_) + " at " + SourceText(where) +
                                           ")") ||
      HoldsFinding()) {
    finding_.stops.push_back({current_, "fatal error: " + std::string(message), where});
  }
  StopCurrentThread();
}

uint64_t Execution::Position() const {
  // Not reading the graph: a position is opaque, only ever handed to happens_before (which is).
  return graph_.ThreadEvents(current_)[EventsReached(current_) - 1];
}

bool Execution::HappensBefore(uint64_t a, uint64_t b, const std::source_location& where) {
  read_the_graph_ = true;
  if (a >= graph_.size() || b >= graph_.size()) {
    UsageError("mc::happens_before of a position from another execution", where);
  }
  return a == b || graph_.Hb(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
}

void Execution::Note(const char* text, const std::source_location& where) {
  if (aborting_) return;
  Event e;
  e.kind = EventKind::kNote;
  e.op = text;
  e.where = where;
  AppendEvent(e);
}

void Execution::Observe(std::string_view name, int64_t value) {
  if (aborting_) return;
  observed_.emplace_back(std::string(name), value);
}

}  // namespace mc::internal
