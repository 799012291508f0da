// The standard DPOR benchmarks (bench/dpor_programs.h) under the exhaustive search, at the sizes
// of docs/performance.md's table: executions, runs (one per execution when the search is
// optimal), executions per second, the search's memory. With --canonical, the canonical-order
// search instead (Options::optimal_search = false), for the before/after columns; with
// --threads N, the optimal search on N OS threads (Options::threads; read the wall-clock Time
// column then, as CPU time counts only the calling thread).
//   build/default/bench/dpor_benchmark [--canonical] [--threads N] [--benchmark_filter=readers]
// bench/dpor-vs-genmc runs it beside GenMC on the same programs.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "bench/dpor_programs.h"

namespace {

bool canonical = false;
unsigned threads = 1;

void Run(benchmark::State& state, void (*program)(int), mc::Model model) {
  const auto n = static_cast<int>(state.range(0));
  mc::Options options;
  options.model = model;
  options.optimal_search = !canonical;
  options.threads = threads;
  mc::Report last;
  uint64_t executions = 0;
  for (auto _ : state) {
    last = mc::check([&] { program(n); }, options);
    executions += last.executions;
  }
  if (!last.ok()) state.SkipWithError(last.message.c_str());
  state.counters["executions"] = static_cast<double>(last.executions);
  state.counters["runs"] = static_cast<double>(last.runs);
  state.counters["runs/exec"] =
      static_cast<double>(last.runs) / static_cast<double>(last.executions + last.blocked);
  state.counters["state_KiB"] = static_cast<double>(last.state_bytes) / 1024.0;
  state.counters["exec/s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
}

void Register(const char* name, void (*program)(int), std::initializer_list<int> sizes) {
  for (const mc::ModelInfo& info : mc::kModels) {
    const mc::Model model = info.model;
    const std::string label = std::string(name) + "/" + std::string(info.name);
    auto* b = benchmark::RegisterBenchmark(
        label.c_str(), [program, model](benchmark::State& s) { Run(s, program, model); });
    for (int n : sizes) b->Arg(n);
    b->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Our flags, taken out before Google Benchmark reads the rest.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--canonical") == 0) {
      canonical = true;
    } else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  using namespace mapcheck::bench;
  Register("readers", Readers, {8, 12, 13});
  Register("lastzero", LastZero, {13});
  Register("casrot", CasRot, {10});
  Register("fib_bench", FibBench, {5});
  Register("indexer", Indexer, {8, 15});
  Register("fetch_add", FetchAdd, {9});
  Register("locked_counter", LockedCounter, {8});
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
