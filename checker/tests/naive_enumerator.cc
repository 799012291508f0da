#include "naive_enumerator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace mc::testing {

std::string Describe(const internal::ExecutionGraph& g) {
  std::vector<std::string> events;
  for (uint32_t id = 0; id < g.size(); ++id) {
    const internal::Event& e = g[id];
    std::ostringstream out;
    out << e.canonical << ":" << static_cast<int>(e.kind) << ":" << e.value;
    if (e.location != internal::kNone) out << "@" << g.Location(e.location).canonical;
    if (e.rf != internal::kNone) out << "<" << g[e.rf].canonical;
    // (Go-plain memory has no coherence order, plain_races.h: the order its writes were added in
    // tells no two graphs apart.)
    if (e.IsWrite() && e.location != internal::kNone && g.MoPosition(id) != internal::kNone &&
        !g.GoPlain(e.location)) {
      out << "#" << g.MoPosition(id);
    }
    events.push_back(out.str());
  }
  std::sort(events.begin(), events.end());
  std::string all;
  for (const std::string& e : events) all += e + " ";
  return all;
}

NaiveEnumerator::NaiveEnumerator(const std::function<void()>& test, const Options& options,
                                 bool assume_stops_thread)
    : test_(test),
      options_(options),
      assume_stops_thread_(assume_stops_thread),
      model_(internal::MakeMemoryModel(options.model)),
      stacks_(internal::StackPoolFor(options.stack_size)),
      watchdog_(0) {}

void NaiveEnumerator::Walk(const std::vector<std::pair<uint32_t, uint64_t>>& path) {
  if (too_big || ++runs_ > kMaxRuns) {
    too_big = true;
    return;
  }
  std::vector<internal::Candidate> next;
  {
    // One run at a time: the run's fibers are gone before the next one starts.
    internal::Execution run(options_, *model_, stacks_, watchdog_, test_, ++serial_, false);
    if (assume_stops_thread_) run.StopOnlyTheFailingThread(options_.classify_findings);
    // The path may go on where only a spurious wake-up could (below).
    run.SpuriousWakeupsAtTheEnd(assume_stops_thread_);
    for (const auto& [thread, choice] : path) {
      ASSERT_EQ(run.Advance(), internal::Execution::Status::kDecision);
      ASSERT_TRUE(run.Apply(thread, choice));
    }
    run.SpuriousWakeupsAtTheEnd(false);
    const auto status = run.Advance();
    if (status == internal::Execution::Status::kDecision) {
      next = run.Candidates();
    } else {
      Record(run, status);
      // The optimal search's rule: a waiter that was not notified may also wake spuriously
      // where nothing else can move (the graph where it never wakes is the one just recorded).
      for (uint32_t t = 0; assume_stops_thread_ && t < run.graph().thread_count(); ++t) {
        if (!run.WaitsUnnotified(t)) continue;
        for (const internal::Candidate& c : run.CandidatesOf(t)) next.push_back(c);
      }
    }
  }
  for (const internal::Candidate& c : next) {
    auto longer = path;
    longer.emplace_back(c.thread, c.choice);
    Walk(longer);
  }
}

void NaiveEnumerator::Record(const internal::Execution& run, internal::Execution::Status status) {
  if (!ends_.insert(Describe(run.graph())).second) return;
  if (status == internal::Execution::Status::kBlocked) {
    ++blocked;
    return;
  }
  ++executions;
  std::string outcome = run.Outcome();
  if (status == internal::Execution::Status::kFinding) {
    outcome += std::string(outcome.empty() ? "" : " ") +
               "finding=" + std::string(VerdictName(run.finding().verdict));
  }
  ++outcomes[outcome];
}

}  // namespace mc::testing
