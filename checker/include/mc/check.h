// Entry points: mc::check explores every consistent execution of a test closure; mc::replay runs
// the one execution a replay token names.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mc/memory_order.h"
#include "mc/report.h"

namespace mc {

// Data races on plain memory (mc::var).
enum class PlainRaces {
  // A race is a kDataRace finding (C++: undefined behaviour).
  kStop,
  // A race is recorded (Report::races) and the execution goes on; plain accesses keep RC11's
  // per-location coherence, as hardware gives word-sized accesses. For models of Go code whose
  // runtime checks (the map's hashWriting) are themselves racy: what happens next.
  kContinueCoherent,
  // Recorded and going on with Go's memory model for word-sized values: a read returns any write
  // to the variable that happens-before does not hide from it (none hb-after the read, none
  // overwritten by a write hb-before it); no per-location coherence, no values out of thin air.
  // Weaker than kContinueCoherent, and its state space is much larger.
  kContinueGo,
};

// How executions are chosen. Every strategy writes the same replay tokens.
enum class Strategy {
  // Every consistent execution, each once (the default). Only this one can verify.
  kExhaustive,
  // Random walk: each run takes a uniformly random consistent step at every decision, with
  // Options::seed; Options::max_executions runs (default 1000). Runs may repeat an execution.
  // Ends with kBudgetExhausted when nothing was found: a random walk never verifies.
  kRandom,
  // Exhaustive over the executions whose schedule switches away from a thread that could have
  // gone on at most Options::preemption_bound times (CHESS's preemption bounding, counted on the
  // checker's steps). When the bound cut nothing, the result is exhaustive and can verify;
  // otherwise a clean search ends with kBudgetExhausted, naming how many steps the bound cut.
  kBounded,
  // PCT (Burckhardt et al., ASPLOS 2010), Options::max_executions runs (default 1000) seeded by
  // Options::seed: random thread priorities, Options::pct_depth - 1 random priority change
  // points, the highest-priority thread always steps (a read's source is chosen uniformly). A
  // bug of depth d among n threads and k steps is found by each run with probability at least
  // 1/(n k^(d-1)). Never verifies.
  kPct,
  // One run whose every decision is read from Options::guide: at each decision among n
  // candidates (thread to step, write to read from, CAS spurious failure, mc::choose value) the
  // next byte b picks candidate b mod n; once the bytes run out, candidate 0. The same bytes
  // always give the same execution, so a fuzzer can drive the schedule (the *_sched_fuzzer
  // targets).
  // A finding is reported with its token; a clean run ends with kBudgetExhausted.
  kGuided,
  // Every sequentially consistent interleaving, with states merged by what they can still do
  // (requires Options::model == Model::kSC). The search steps one event at a time in SC order
  // and remembers each state it reaches by a key: each thread's events with the values it read
  // and wrote, the latest value of every location, and the happens-before views that decide
  // races to come (checker/src/interleaving.cc). A state reached again by another
  // interleaving is not explored again, so runs that differ only in the order of writes that
  // store the same values (two writers both setting a field to 4) converge.
  // Report::executions counts distinct end states: a behaviour, in which every thread read the
  // same values and memory ended the same, is counted once however many interleavings reach it
  // (so it can be fewer than kExhaustive's graphs). Every outcome of a complete SC execution,
  // every finding and every race site is found. Classified findings follow kExhaustive's rule
  // (Options::classify_findings); a finding that ends the run ends it where its interleaving
  // was, so its outcome shows only what came before the failing step in SC order. Report::races
  // counts
  // runs, not executions. Sleep sets spare it most orders of independent steps (steps on
  // different locations, or reads of one). Costs 24 bytes per state remembered. Its replay
  // tokens read "mc1-sci-".
  kStatefulSC,
  // The same over the runs of the x86-TSO machine (requires Options::model == Model::kTSO):
  // each thread's stores wait in its FIFO buffer and reach memory at steps of their own, a read
  // takes its thread's latest buffered store to the location or else memory's value, a locked
  // instruction or mfence waits for its buffer to drain (checker/src/store_buffers.h). A state
  // is keyed as kStatefulSC's, plus memory, the buffered stores in their flush order and the
  // views that C++'s happens-before (by which races are judged) will take from them. Its
  // behaviours are those of kExhaustive under Model::kTSO. Its replay tokens read "mc1-tsoi-".
  kStatefulTSO,
};

struct Options {
  Model model = Model::kRC11;
  Strategy strategy = Strategy::kExhaustive;
  uint64_t seed = 1;                // kRandom, kPct
  std::vector<uint8_t> guide = {};  // kGuided: the decisions, one byte each
  uint32_t preemption_bound = 2;    // kBounded
  uint32_t pct_depth = 3;           // kPct: the bug depth it targets (>= 1)
  uint64_t max_executions = 0;      // 0: unlimited. Reaching it gives kBudgetExhausted.
  double max_seconds = 0;           // 0: unlimited. Reaching it gives kBudgetExhausted.
  // Events one thread may perform in one execution; past it the test is reported as a usage error
  // (a loop that never ends: a spin loop needs mc::yield(), or a bound).
  uint32_t max_events_per_thread = 10000;
  uint32_t max_threads = 64;  // threads alive in one execution, the test closure included
  // A thread that runs this long without reaching any mc:: event (a plain endless loop) cannot be
  // pre-empted: the process prints a usage error naming its last line and exits with code 2.
  // 0 disables the watchdog.
  double max_silent_seconds = 30;
  size_t stack_size = size_t{256} * 1024;  // bytes per fiber stack
  // After a finding, re-run its execution from the replay token and require the same finding
  // (Relacy's determinism check). A divergence is reported as kNondeterministic.
  bool recheck_findings = true;
  // What a data race on plain memory (mc::var) does; see PlainRaces.
  PlainRaces plain_races = PlainRaces::kStop;
  // condition_variable::wait may return without a notification, at any state of the condvar
  // where the thread waits unnotified; the execution where it never wakes is a deadlock when
  // nothing else can move (a program that needs a spurious wake-up hangs). (The canonical-order
  // search, optimal_search = false, takes one only while another thread can move: on a program
  // that does not deadlock, the same executions.)
  bool spurious_wakeups = true;
  // A finding (assertion, Go fatal, deadlock, data race outside Go semantics) ends only its own
  // execution: it is counted in Report::executions with the finding as part of its outcome
  // ("... finding=go map fatal: concurrent map writes"), and the exploration goes on, so a test
  // can classify every execution. The first such finding's counterexample and token are kept.
  // Under kExhaustive and kStatefulSC a failed assertion or Go fatal stops only its thread (as a
  // failed mc::assume does), a data race (PlainRaces::kStop) stops nothing, and the others run
  // on as far as they can: the execution counted is that graph, named by one of its findings
  // chosen by the graph alone (a thread's before a race; the first-created thread, the least pair
  // of racing events). Deadlocks and usage errors end the run where they happen; the sampling
  // strategies and kBounded end the run at any finding.
  bool classify_findings = false;
  // Strategy::kExhaustive explores each execution graph once without a run that ends in none
  // (the optimal search, checker/src/optimal_search.h): atomics, plain memory, fences, threads,
  // mc::choose, mc::assume, assertions, Go fatals, classify_findings, mutexes, rwlocks,
  // semaphores, condition variables, spin loops cut short at mc::yield and every PlainRaces
  // policy. False takes the canonical-order search instead (for comparison).
  bool optimal_search = true;
  // OS threads the optimal search runs on (each explores graphs of its own; the counts are those
  // of one thread). The test then runs on several OS threads at once, each run in its own
  // execution: it must not share mutable state between runs (which a deterministic test does not
  // anyway). 1 (the default) keeps everything on the calling thread; 0 is one per core. Only
  // the optimal search is parallel.
  unsigned threads = 1;
  // The optimal search starts a run that continues the last one at an earlier decision from the
  // last run's graph there: the test's threads redo their steps from it instead of the checker
  // rebuilding it (checker/src/optimal_search.h). False rebuilds every graph, for comparison.
  bool restore_graphs = true;
  // Sharding the exhaustive search across processes or machines: shard_index of shard_count
  // explores a deterministic part of the tree, and the reports of all shards, added up, count
  // exactly what one search counts (executions, blocked, runs, outcomes, races) when none finds
  // anything. Each shard runs the search whole until its work list holds 8 graphs per shard (or,
  // after 256 runs, one per shard), then keeps every shard_count-th of them; the others' counts
  // up to there are kept by shard 0 alone. The canonical-order search (optimal_search = false)
  // runs whole in shard 0.
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
  // Called with a progress line at most once a second from the search's first second on
  // (executions, states, runs, rate, seconds, and under the exhaustive strategies the share of
  // the search tree done so far), and once more with `final` at the end of a search that
  // reported before; on the thread that called mc::check. Empty (the default, so tests stay
  // quiet): no progress. The mapcheck command shows the lines (tools/progress.h).
  std::function<void(const std::string& line, bool final)> progress = nullptr;
  // When it points at a flag that turns true (a signal handler's, say), the search stops before
  // its next run with kBudgetExhausted, "interrupted after N executions": what it explored so
  // far is reported, nothing beyond it verified.
  const std::atomic<bool>* stop = nullptr;
  // mc::replay only: say why the replayed execution is not consistent under this model
  // (Report::why_not): its shortest cycle, each edge named as herd7 names it. kSC and kTSO.
  std::optional<Model> why_not = std::nullopt;
};

Report check(const std::function<void()>& test, const Options& options = {});

// What is wrong with the text of a replay token, naming the character or step it is at (e.g.
// "character 10 ('!') is not base64url"); nullopt for a well-formed token, which may still not
// fit a given test (replay then says so).
std::optional<std::string> ReplayTokenError(std::string_view token);

// Re-runs exactly the execution `token` names and reports it, with its counterexample. The model
// comes from the token; other options apply as given. A usage error's message is, like every
// usage error the checker reports, "WHERE: WHAT".
Report replay(const std::function<void()>& test, std::string_view token,
              const Options& options = {});

}  // namespace mc
