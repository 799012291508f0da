// Explorer, continued: the optimal search on Options::threads OS threads (shared_work.h). Each
// worker is an Explorer of its own (its own runs, fibers, stacks and report) on the work it
// shares; their reports are added up. Without a finding the counts are exactly those of one
// thread: every graph is explored once whichever worker explores it. With one, the search stops
// at the first finding any worker makes, so which of several findings is reported may differ
// from run to run (each is a real one, with its own replay token).
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <thread>

#include "explorer.h"
#include "report_merge.h"
#include "runtime.h"
#include "shared_work.h"

namespace mc::internal {

Report Explorer::ExploreInParallel() {
  if (!OptimalSupports()) {
    return ExploreCanonically();
  }
  const unsigned workers =
      options_.threads != 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
  SharedWork shared(workers);
  Options worker_options = options_;
  worker_options.threads = 1;
  worker_options.progress = false;  // this thread prints one line for all
  std::vector<Report> reports(workers);
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) {
    threads.emplace_back([&, i] {
      CheckScope scope;  // as mc::check on this OS thread
      Explorer worker(test_, worker_options);
      worker.shared_ = &shared;
      worker.worker_ = i;
      reports[i] = worker.ExploreOptimally();
      shared.Finished();
    });
  }
  while (!shared.WaitOver(options_.progress ? 1000 : 60000)) {
    if (!options_.progress) continue;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    std::fprintf(
        stderr,
        "mc: %llu executions, %llu runs, %llu runs/s, %d s, %llu graphs to explore (%u threads)\n",
        static_cast<unsigned long long>(shared.executions.load()),
        static_cast<unsigned long long>(shared.runs.load()),
        static_cast<unsigned long long>(static_cast<double>(shared.runs.load()) / elapsed.count()),
        static_cast<int>(elapsed.count()), static_cast<unsigned long long>(shared.pending.load()),
        workers);
  }
  for (std::thread& t : threads) t.join();
  if (shared.unsupported.load()) {
    // Start again with the canonical-order search on this thread; the runs spent stay counted.
    uint64_t runs = 0;
    for (const Report& r : reports) runs += r.runs;
    report_ = Report{};
    report_.runs = runs;
    return ExploreCanonically();
  }
  // A finding comes first, then a budget that stopped one worker (and so all; its message
  // counts every worker's executions), then the rest.
  auto rank = [](const Report& r) {
    return r.verdict == Verdict::kOk ? 2 : r.verdict == Verdict::kBudgetExhausted ? 1 : 0;
  };
  Report total;
  bool all_done = true;
  for (int pass = 0; pass < 3; ++pass) {
    for (const Report& r : reports) {
      if (rank(r) != pass) continue;
      AddReport(total, r);
      all_done = all_done && r.explored_fraction == 1.0;
    }
  }
  total.exhaustive = all_done && total.verdict == Verdict::kOk;
  total.explored_fraction = all_done ? 1.0 : 0.0;
  report_ = total;
  Finish();
  if (options_.progress && report_.seconds >= 1) {
    std::fprintf(stderr, "mc: %llu executions, %llu runs, %d s, %u threads: done\n",
                 static_cast<unsigned long long>(report_.executions),
                 static_cast<unsigned long long>(report_.runs), static_cast<int>(report_.seconds),
                 workers);
  }
  return report_;
}

}  // namespace mc::internal
