#include "parallel_search.h"

#include <algorithm>
#include <sstream>
#include <thread>

#include "optimal_runner.h"
#include "report_merge.h"
#include "runtime.h"
#include "shared_work.h"

namespace mc::internal {

ParallelSearch::ParallelSearch(const std::function<void()>& test, const Options& options)
    : Search(test, options, RunMode{false, true}) {}

Report ParallelSearch::Run() {
  const unsigned workers =
      options_.threads != 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
  SharedWork shared(workers);
  Options worker_options = options_;
  worker_options.threads = 1;
  worker_options.progress = nullptr;  // this thread reports one line for all
  std::vector<Report> reports(workers);
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) {
    threads.emplace_back([&, i] {
      CheckScope scope;  // as mc::check on this OS thread
      OptimalRunner worker(test_, worker_options, &shared, i);
      reports[i] = worker.Run();
      shared.Finished();
    });
  }
  while (!shared.WaitOver(options_.progress ? 1000 : 60000)) {
    if (!options_.progress) continue;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    std::ostringstream line;
    line << shared.executions.load() << " executions, " << shared.runs.load() << " runs, "
         << static_cast<uint64_t>(static_cast<double>(shared.runs.load()) / elapsed.count())
         << " runs/s, " << static_cast<int>(elapsed.count()) << " s, " << shared.pending.load()
         << " graphs to explore (" << workers << " threads)";
    options_.progress(line.str(), false);
  }
  for (std::thread& t : threads) t.join();
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
    std::ostringstream line;
    line << report_.executions << " executions, " << report_.runs << " runs, "
         << static_cast<int>(report_.seconds) << " s, " << workers << " threads: done";
    options_.progress(line.str(), true);
  }
  return report_;
}

}  // namespace mc::internal
