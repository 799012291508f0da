// Checker throughput: executions per second and state memory for the conformance tests, N threads
// each doing one relaxed fetch_add (N! executions), 3-thread store-buffering / IRIW-style
// stress, and a GoMap growth beside a reader (a graph of hundreds of events; also under the
// stateful SC search). Run:
// build/default/bench/checker_benchmark (add --benchmark_filter=... to select).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <functional>
#include <vector>

#include "litmus/litmus.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/go_map/go_map.h"

namespace {

void Report(benchmark::State& state, const mc::Report& last, uint64_t executions) {
  state.counters["executions"] = static_cast<double>(last.executions);
  state.counters["states"] = static_cast<double>(last.states);
  state.counters["runs"] = static_cast<double>(last.runs);
  state.counters["state_KiB"] = static_cast<double>(last.state_bytes) / 1024.0;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_RSS_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  state.counters["exec/s"] =
      benchmark::Counter(static_cast<double>(executions), benchmark::Counter::kIsRate);
}

// Runs `test` under mc::check once per benchmark iteration and reports its counters.
void Measure(benchmark::State& state, const std::function<void()>& test,
             const mc::Options& options = {}) {
  mc::Report last;
  uint64_t executions = 0;
  for (auto _ : state) {
    last = mc::check(test, options);
    executions += last.executions;
  }
  Report(state, last, executions);
}

void BM_FetchAdd(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  auto test = [n] {
    mc::atomic<int> x{0};
    std::vector<mc::thread> threads;
    for (int i = 0; i < n; ++i) threads.emplace_back([&] { x.fetch_add(1, mc::relaxed); });
    for (auto& t : threads) t.join();
  };
  Measure(state, test);
}
BENCHMARK(BM_FetchAdd)->DenseRange(2, 7)->Unit(benchmark::kMillisecond);

// Three threads each store to their own location and load the next one's (a 3-cycle of SB).
void BM_StoreBuffering3(benchmark::State& state) {
  const auto model = static_cast<mc::Model>(state.range(0));
  auto test = [] {
    mc::atomic<int> x{0}, y{0}, z{0};
    litmus::Threads(
        [&] {
          x.store(1, mc::relaxed);
          (void)y.load(mc::relaxed);
        },
        [&] {
          y.store(1, mc::relaxed);
          (void)z.load(mc::relaxed);
        },
        [&] {
          z.store(1, mc::relaxed);
          (void)x.load(mc::relaxed);
        });
  };
  Measure(state, test, {.model = model});
}
BENCHMARK(BM_StoreBuffering3)
    ->Arg(static_cast<int>(mc::Model::kRC11))
    ->Arg(static_cast<int>(mc::Model::kSC));

// IRIW with a third writer of both locations: 5 threads, mixed release/acquire/seq_cst.
void BM_IriwStress(benchmark::State& state) {
  auto test = [] {
    mc::atomic<int> x{0}, y{0};
    litmus::Threads([&] { x.store(1, mc::release); }, [&] { y.store(1, mc::release); },
                    [&] {
                      x.store(2, mc::seq_cst);
                      y.store(2, mc::seq_cst);
                    },
                    [&] {
                      (void)x.load(mc::acquire);
                      (void)y.load(mc::seq_cst);
                    },
                    [&] {
                      (void)y.load(mc::acquire);
                      (void)x.load(mc::seq_cst);
                    });
  };
  Measure(state, test);
}
BENCHMARK(BM_IriwStress)->Unit(benchmark::kMillisecond);

// A larger graph (a few hundred events): the protocol case growing_writer_vs_reader of
// litmus/go_map with 2 cells per bucket (a Store that grows the map beside a Load, plain fields
// racing), under RC11 and SC. Under SC every candidate step used to search the whole graph for a
// cycle; it now searches from the new events only.
void GrowthVsReader() {
  models::GoMap<models::ModelBackend, int64_t, int64_t, 2> m(models::GoMapConfig{.hint = 1});
  m.Store(1, 1);
  m.Store(2, 1);
  mc::thread w([&] { m.Store(100, 2); });
  mc::thread r([&] {
    int64_t v = 0;
    (void)m.Load(1, &v);
  });
  w.join();
  r.join();
}

void BM_GoMapGrowthVsReader(benchmark::State& state) {
  const auto model = static_cast<mc::Model>(state.range(0));
  Measure(state, GrowthVsReader,
          {.model = model,
           .plain_races = mc::PlainRaces::kContinueCoherent,
           .classify_findings = true});
}
BENCHMARK(BM_GoMapGrowthVsReader)
    ->Arg(static_cast<int>(mc::Model::kRC11))
    ->Arg(static_cast<int>(mc::Model::kSC))
    ->Unit(benchmark::kMillisecond);

// The same under the stateful SC search (Strategy::kStatefulSC): every SC interleaving, states
// merged; "executions" are behaviours here, fewer than the SC graphs above.
void BM_GoMapGrowthVsReaderStateful(benchmark::State& state) {
  Measure(state, GrowthVsReader,
          {.model = mc::Model::kSC,
           .strategy = mc::Strategy::kStatefulSC,
           .plain_races = mc::PlainRaces::kContinueCoherent,
           .classify_findings = true});
}
BENCHMARK(BM_GoMapGrowthVsReaderStateful)->Unit(benchmark::kMillisecond);

// Every conformance row, one benchmark each, under RC11.
void RegisterConformance() {
  for (const auto& t : litmus::Registry()) {
    benchmark::RegisterBenchmark(("BM_Conformance/" + t.name).c_str(),
                                 [&t](benchmark::State& state) { Measure(state, t.body); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  RegisterConformance();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
