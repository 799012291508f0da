// The optimal search (checker/src/optimal_search.h) against its judges: the canonical-order
// search and the brute-force enumerator agree with it on every count (differential_test), so
// here the claim is the other half: one run per execution, on random programs, on programs whose
// threads stop at a failed mc::assume (judged by every path of the transition system with the
// same thread-stop rule), and on the shapes of the standard DPOR benchmarks, with their counts
// derived below.
//
// MC_OPTIMAL_PROGRAMS (default 1000) and MC_OPTIMAL_SEED (default 20261126) set the run.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "mc/check_testing.h"
#include "mc/mc.h"
#include "naive_enumerator.h"
#include "random_condvar_program.h"
#include "random_program.h"

namespace mc::testing {
namespace {

TEST(Optimal, OneRunPerExecutionOnRandomPrograms) {
  const uint64_t programs = EnvOr("MC_OPTIMAL_PROGRAMS", 1000);
  const uint64_t seed = EnvOr("MC_OPTIMAL_SEED", 20261126);
  std::mt19937_64 rng(seed);
  uint64_t executions = 0;
  int failures = 0;
  for (uint64_t i = 0; i < programs && failures < 3; ++i) {
    const Program p = RandomProgram(rng, 3);
    for (Model model : AllModels()) {
      const std::function<void()> body = [&] { RunProgram(p); };
      const Report got = mc::check(body, {.model = model});
      const Report canonical = mc::check(body, {.model = model, .optimal_search = false});
      executions += got.executions;
      if (got.ok() && got.runs == got.executions && got.executions == canonical.executions &&
          got.outcomes == canonical.outcomes) {
        continue;
      }
      ++failures;
      ADD_FAILURE() << "program #" << i << " under " << ModelName(model) << ": " << p.ToString()
                    << "\n  optimal: " << got.executions << " executions in " << got.runs
                    << " runs (" << VerdictName(got.verdict) << " " << got.message
                    << ")\n  canonical order: " << canonical.executions << " executions";
    }
  }
  std::cout << programs << " programs x 2 models, " << executions << " executions\n";
}

TEST(Optimal, RunsStartedFromTheLastGraphCountAsRebuiltOnes) {
  // Options::restore_graphs: a run that continues the last one at an earlier decision starts
  // from its graph and redoes the steps before it (Execution::Redo). The same executions,
  // outcomes and runs as when every graph is rebuilt, with and without threads stopped by
  // mc::assume, with mutexes, with spin loops, and with condition variables.
  const uint64_t programs = EnvOr("MC_OPTIMAL_PROGRAMS", 1000) / 5;
  std::mt19937_64 rng(EnvOr("MC_OPTIMAL_SEED", 20261126) + 1);
  std::mt19937_64 condvar_rng(EnvOr("MC_OPTIMAL_SEED", 20261126) + 2);
  int failures = 0;
  for (uint64_t i = 0; i < programs && failures < 3; ++i) {
    const Program p = RandomProgram(rng, 3);
    const StopProgram q = RandomStopProgram(rng);
    const StopProgram l = RandomLockProgram(rng);
    const StopProgram y = RandomSpinProgram(rng);
    const CondvarProgram c = RandomCondvarProgram(condvar_rng);
    for (Model model : AllModels()) {
      const std::function<void()> plain = [&] { RunProgram(p); };
      const std::function<void()> stops = [&] { RunStopProgram(q); };
      const std::function<void()> locks = [&] { RunStopProgram(l); };
      const std::function<void()> spins = [&] { RunStopProgram(y); };
      const std::function<void()> condvars = [&] { RunCondvarProgram(c); };
      for (const std::function<void()>* body : {&plain, &stops, &locks, &spins, &condvars}) {
        // (Bounded: a few lock programs have 10^5 graphs. Both searches take the same runs in
        // the same order, so they stop at the same one.)
        const Report restored = mc::check(*body, {.model = model, .max_executions = 5000});
        const Report rebuilt =
            mc::check(*body, {.model = model, .max_executions = 5000, .restore_graphs = false});
        if (restored.verdict == rebuilt.verdict && restored.executions == rebuilt.executions &&
            restored.blocked == rebuilt.blocked && restored.runs == rebuilt.runs &&
            Normalised(restored.outcomes) == Normalised(rebuilt.outcomes)) {
          continue;
        }
        ++failures;
        ADD_FAILURE() << "program #" << i << " under " << ModelName(model) << ": "
                      << (body == &plain   ? p.ToString()
                          : body == &stops ? q.ToString()
                          : body == &locks ? l.ToString()
                          : body == &spins ? y.ToString()
                                           : c.ToString())
                      << "\n  restored: " << restored.executions << " executions, "
                      << restored.blocked << " blocked, " << restored.runs << " runs ("
                      << VerdictName(restored.verdict) << " " << restored.message << ")\n  rebuilt: " << rebuilt.executions
                      << " executions, " << rebuilt.blocked << " blocked, " << rebuilt.runs
                      << " runs (" << VerdictName(rebuilt.verdict) << ")";
      }
    }
  }
}

TEST(Optimal, ARestoredRunThatDoesSomethingElseIsNondeterministic) {
  // The test creates an object whose initial value counts the runs: the second run, started
  // from the first one's graph at a read's alternative, redoes that init and finds another
  // value (and when rebuilt, the graph hash after the first step differs).
  for (bool restore : {true, false}) {
    int runs = 0;
    const Report r = mc::check(
        [&] {
          ++runs;
          mc::atomic<int> counted{runs};
          mc::atomic<int> x{0};
          mc::thread a([&] {
            (void)x.load(relaxed);
            (void)x.load(relaxed);
          });
          mc::thread b([&] {
            x.store(1, relaxed);
            x.store(2, relaxed);
          });
          a.join();
          b.join();
        },
        {.restore_graphs = restore});
    EXPECT_EQ(r.verdict, Verdict::kNondeterministic) << restore << ": " << r.message;
  }
}

// A program whose threads stop at a failed mc::assume: its asserts become assumes, and location 0
// stays atomic, so that nothing but a blocked thread cuts an execution short.
StopProgram AssumeOnly(StopProgram p) {
  p.plain0 = false;
  for (auto& thread : p.stops) {
    for (Stop& stop : thread) {
      if (stop.kind == Stop::Kind::kAssert) stop.kind = Stop::Kind::kAssume;
    }
  }
  return p;
}

// Holds the optimal search to the every-path judge (with the optimal search's rule: a failed
// assume, and under classify_findings a failed assertion, stops its thread only) on random stop
// programs from `make`, under every model with `options`: the same executions, blocked graphs and
// outcomes, and one run per graph. Returns the pairs compared and what `noted` counted of them.
// A random program to judge: what it is, and its body.
struct Judged {
  std::string description;
  std::function<void()> body;
};

std::pair<uint64_t, uint64_t> HoldToEveryPath(
    uint64_t seed, const std::function<Judged(std::mt19937_64&)>& make, Options options,
    const std::function<uint64_t(const Report&)>& noted) {
  const uint64_t programs = EnvOr("MC_OPTIMAL_PROGRAMS", 1000) / 5;
  std::mt19937_64 rng(EnvOr("MC_OPTIMAL_SEED", seed));
  uint64_t compared = 0;
  uint64_t count = 0;
  int failures = 0;
  for (uint64_t i = 0; i < programs && failures < 3; ++i) {
    const Judged p = make(rng);
    for (Model model : AllModels()) {
      const std::function<void()>& body = p.body;
      options.model = model;
      NaiveEnumerator want(body, options, /*assume_stops_thread=*/true);
      want.Run();
      if (want.too_big) continue;  // (before the search: some of these have 10^5 graphs)
      const Report got = mc::check(body, options);
      ++compared;
      count += noted(got);
      if (got.ok() && got.executions == want.executions && got.blocked == want.blocked &&
          got.runs == got.executions + got.blocked &&
          Normalised(got.outcomes) == Normalised(want.outcomes)) {
        continue;
      }
      ++failures;
      ADD_FAILURE() << "program #" << i << " under " << ModelName(model) << ": " << p.description
                    << "\n  optimal: " << got.executions << " executions, " << got.blocked
                    << " blocked, " << got.runs << " runs (" << VerdictName(got.verdict) << ")\n"
                    << Histogram(Normalised(got.outcomes)) << "  every path: " << want.executions
                    << " executions, " << want.blocked << " blocked\n"
                    << Histogram(Normalised(want.outcomes));
    }
  }
  EXPECT_GT(compared, programs);  // most are small enough for the judge
  return {compared, count};
}

std::pair<uint64_t, uint64_t> HoldToEveryPath(
    uint64_t seed, const std::function<StopProgram(std::mt19937_64&)>& make, Options options,
    const std::function<uint64_t(const Report&)>& noted) {
  return HoldToEveryPath(
      seed,
      [&](std::mt19937_64& rng) {
        auto p = std::make_shared<const StopProgram>(make(rng));
        return Judged{p->ToString(), [p] { RunStopProgram(*p); }};
      },
      options, noted);
}

TEST(Optimal, CountsEveryBlockedGraphOnceWithNoOtherRun) {
  // Under the optimal search a failed mc::assume stops its thread only (the others may still
  // write what its reads should have read): an execution is blocked when its complete graph has
  // a stopped thread.
  const auto [compared, blocked] = HoldToEveryPath(
      20261126, [](std::mt19937_64& rng) { return AssumeOnly(RandomStopProgram(rng)); }, {},
      [](const Report& r) { return r.blocked; });
  std::cout << compared << " program/model pairs, " << blocked << " blocked graphs\n";
  EXPECT_GT(blocked, 0u);  // the property was exercised
}

TEST(Optimal, ClassifiesEveryGraphAFindingEndsOnceWithNoOtherRun) {
  // Options::classify_findings: a failed MC_ASSERT stops its thread only, as a failed assume
  // does, a data race (kStop) stops nothing, and the graph the threads then complete is counted
  // once, with a finding in its outcome. Races recorded instead (kContinueCoherent) too, and
  // recorded with Go's rule for racy reads (kContinueGo: under RC11 plain memory has no mo, and
  // a read may take any write no other write comes between in happens-before).
  for (const mc::PlainRaces races : {mc::PlainRaces::kStop, mc::PlainRaces::kContinueCoherent,
                                     mc::PlainRaces::kContinueGo}) {
    const auto [compared, found] =
        HoldToEveryPath(20261203, RandomStopProgram,
                        {.plain_races = races, .classify_findings = true}, [](const Report& r) {
                          uint64_t n = 0;
                          for (const auto& [outcome, count] : r.outcomes) {
                            n += outcome.find("finding=") != std::string::npos ? count : 0;
                          }
                          return n;
                        });
    std::cout << compared << " program/model pairs, " << found << " graphs with a finding\n";
    EXPECT_GT(found, 0u);  // the property was exercised
  }
}

TEST(Optimal, TakesEveryGraphOfGoPlainMemoryOnceWithNoOtherRun) {
  // Programs whose plain location most accesses race on, under Go's rule (kContinueGo: under
  // RC11 no mo for plain memory, a read takes any write no other write comes between in
  // happens-before), held to every path; and (below) they part from coherent plain memory.
  const auto [compared, found] = HoldToEveryPath(
      20261206, RandomGoPlainProgram,
      {.plain_races = mc::PlainRaces::kContinueGo, .classify_findings = true},
      [](const Report& r) { return r.executions; });
  std::cout << compared << " program/model pairs, " << found << " executions\n";
}

TEST(Optimal, GoPlainMemoryIsItsOwnSetOfGraphs) {
  // That the programs above exercise Go's rule: under RC11 many have other graphs than with
  // coherent plain memory (a read may take an older write than an earlier read of its thread
  // did, and writes have no mo to tell apart).
  std::mt19937_64 rng(EnvOr("MC_OPTIMAL_SEED", 20261206));
  uint64_t differ = 0;
  for (uint64_t i = 0; i < EnvOr("MC_OPTIMAL_PROGRAMS", 1000) / 5; ++i) {
    const StopProgram p = RandomGoPlainProgram(rng);
    const std::function<void()> body = [&] { RunStopProgram(p); };
    const Options go{.plain_races = mc::PlainRaces::kContinueGo, .classify_findings = true};
    const Options coherent{.plain_races = mc::PlainRaces::kContinueCoherent,
                           .classify_findings = true};
    const Report a = mc::check(body, go);
    const Report b = mc::check(body, coherent);
    EXPECT_EQ(a.runs, a.executions + a.blocked) << p.ToString();
    differ += a.executions != b.executions;
  }
  std::cout << differ << " programs with other graphs under Go's rule\n";
  EXPECT_GT(differ, 0u);
}

TEST(Optimal, TakesEveryGraphOfMutexesOnceWithNoOtherRun) {
  // Random stop programs whose threads lock and unlock one or two shared_mutexes (exclusive and
  // shared, nested, in either order: some deadlock). A lock reads the mutex's latest state; the
  // graphs where it reads an earlier one come from moot steps whose write revisits the lock that
  // read it, and that lock, which would now read a held state, waits instead. With threads
  // stopped by assume, and with findings classified (a deadlock ends its graph).
  uint64_t deadlocks = 0;
  const auto count_deadlocks = [&](const Report& r) {
    for (const auto& [outcome, count] : r.outcomes) {
      deadlocks += outcome.find("finding=deadlock") != std::string::npos ? count : 0;
    }
    return r.blocked;
  };
  const auto [compared, blocked] = HoldToEveryPath(
      20261204, [](std::mt19937_64& rng) { return AssumeOnly(RandomLockProgram(rng)); },
      {.classify_findings = true}, count_deadlocks);
  const auto [classified, unused] = HoldToEveryPath(
      20261205, RandomLockProgram, {.plain_races = mc::PlainRaces::kStop, .classify_findings = true},
      count_deadlocks);
  (void)unused;
  std::cout << compared + classified << " program/model pairs, " << blocked
            << " blocked graphs, " << deadlocks << " deadlocked graphs\n";
  EXPECT_GT(blocked, 0u);  // the properties were exercised
  EXPECT_GT(deadlocks, 0u);
}

TEST(Optimal, TakesEveryGraphOfSpinLoopsOnceWithNoOtherRun) {
  // Random stop programs some of whose loads spin (`while (x.load() == v) mc::yield();`). An
  // iteration that reads what the previous one read is cut short: its thread stops there, as at a
  // failed assume, and the others run on (their writes revisit its reads, which then end the
  // loop). A graph whose spinning thread could still read a newer write is blocked; one where it
  // reads the latest writes and nothing else can move is a livelock (a classified finding).
  uint64_t livelocks = 0;
  const auto [compared, blocked] = HoldToEveryPath(
      20261205, RandomSpinProgram, {.classify_findings = true}, [&](const Report& r) {
        for (const auto& [outcome, count] : r.outcomes) {
          livelocks += outcome.find("finding=livelock") != std::string::npos ? count : 0;
        }
        return r.blocked;
      });
  std::cout << compared << " program/model pairs, " << blocked << " blocked graphs, " << livelocks
            << " livelocked graphs\n";
  EXPECT_GT(blocked, 0u);  // the properties were exercised
  EXPECT_GT(livelocks, 0u);
}

TEST(Optimal, AFailingThreadLetsTheOthersWriteWhatItsReadsMiss) {
  // T1 reads x first (the lower thread goes first, and T2 starts with a read, so its write is
  // not a step that must go first): 0, and its assertion fails. T2 runs on; its store of 1
  // revisits T1's read, which then passes. Two graphs, two runs: the failing one (T1 stopped,
  // T2 done, so the main thread never joins T1 and observes nothing) and the passing one. Were
  // the run to stop at the failure, T2's store would never be added and the passing graph
  // never reached.
  const std::function<void()> body = [] {
    mc::atomic<int> x{0}, y{0};
    mc::thread t1([&] { MC_ASSERT(x.load(relaxed) == 1); });
    mc::thread t2([&] {
      (void)y.load(relaxed);
      x.store(1, relaxed);
    });
    t1.join();
    t2.join();
    mc::observe("joined", 1);
  };
  const Report r = mc::check(body, {.classify_findings = true});
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.executions, 2u);
  EXPECT_EQ(r.runs, 2u);
  EXPECT_EQ(mc::testing::CountMatching(r, "joined=1"), 1u);
  EXPECT_EQ(mc::testing::CountMatching(r, "finding=assertion failed"), 1u);
  // The finding's witness replays the whole graph counted: T1 stopped at its assertion, and T2's
  // store after it (a replay that stopped at the failure would hold only T2's start).
  const Report again = mc::replay(body, r.replay_token, {.classify_findings = true});
  EXPECT_EQ(again.verdict, Verdict::kAssertionFailed) << again.ToString();
  ASSERT_TRUE(again.counterexample.has_value());
  int t2_writes = 0;
  for (const mc::TraceEvent& e : again.counterexample->events) {
    t2_writes += e.thread == 2 && e.kind == "write";
  }
  EXPECT_EQ(t2_writes, 1) << again.ToString();
}

TEST(Optimal, ABlockedThreadLetsTheOthersWriteWhatItNeeds) {
  // T1 reads x first (the lower thread goes first): 0, and blocks. T2 runs on; its store of 1
  // revisits T1's read, which then passes. Two graphs: one blocked (T1 read 0), one complete.
  const Report r = mc::check([] {
    mc::atomic<int> x{0};
    mc::thread t1([&] { mc::assume(x.load(relaxed) == 1); });
    mc::thread t2([&] { x.store(1, relaxed); });
    t1.join();
    t2.join();
  });
  EXPECT_TRUE(ExecutionsAre(r, 1));
  EXPECT_EQ(r.blocked, 1u);
  EXPECT_EQ(r.runs, 2u);
}

// readers(N): one writer stores x once, N readers load it once. Each reader reads init or the
// store, independently, under RC11 and under SC alike (any reader may come before or after the
// store in an interleaving): 2^N graphs.
void Readers(int n) {
  mc::atomic<int> x{0};
  std::vector<mc::thread> threads;
  threads.emplace_back([&] { x.store(1, relaxed); });
  for (int i = 0; i < n; ++i) threads.emplace_back([&] { (void)x.load(relaxed); });
  for (auto& t : threads) t.join();
}

// N threads, one fetch_add each: the RMWs form one chain in mo, in any of N! orders.
void FetchAdds(int n) {
  mc::atomic<int> x{0};
  std::vector<mc::thread> threads;
  for (int i = 0; i < n; ++i) threads.emplace_back([&] { x.fetch_add(1, relaxed); });
  for (auto& t : threads) t.join();
}

TEST(Optimal, ReadersTakeOneRunPerExecution) {
  for (Model model : {Model::kRC11, Model::kSC}) {
    const Report r = mc::check([] { Readers(10); }, {.model = model});
    EXPECT_TRUE(ExecutionsAre(r, 1024)) << ModelName(model);
    EXPECT_EQ(r.runs, 1024u) << ModelName(model);
  }
}

TEST(Optimal, FetchAddsTakeOneRunPerExecutionInBoundedMemory) {
  // 7! = 5040 executions. The search holds its work list (at most the alternatives and revisits
  // of one path) and the current run's steps, never a record of what it visited: its memory grows
  // with the program, not with the executions (N = 6 has 720).
  const Report six = mc::check([] { FetchAdds(6); });
  const Report seven = mc::check([] { FetchAdds(7); });
  EXPECT_TRUE(ExecutionsAre(six, 720));
  EXPECT_TRUE(ExecutionsAre(seven, 5040));
  EXPECT_EQ(seven.runs, 5040u);
  EXPECT_LT(seven.state_bytes, 64u * 1024u);
  EXPECT_LT(seven.state_bytes, 2 * six.state_bytes);  // 7x the executions, not 7x the memory
}

TEST(Optimal, TakesEveryGraphOfConditionVariablesOnceWithNoOtherRun) {
  // Random programs around a condition variable (random_condvar_program.h): waits in a loop or
  // once, raises under the mutex or without it, notify_one and notify_all, some deadlocked (a
  // lost wake-up, a notify_one's other waiter). The graph's rule for spurious wake-ups: the
  // graph where a waiter that was not notified never wakes is one (a deadlock, when nothing
  // else can move), and so is each where it woke spuriously at a state where it waited; the
  // judge takes every path with that rule. With spurious wake-ups and without.
  uint64_t deadlocks = 0;
  const auto count_deadlocks = [&](const Report& r) {
    for (const auto& [outcome, count] : r.outcomes) {
      deadlocks += outcome.find("finding=deadlock") != std::string::npos ? count : 0;
    }
    return r.executions;
  };
  const auto make = [](std::mt19937_64& rng) {
    auto p = std::make_shared<const CondvarProgram>(RandomCondvarProgram(rng));
    return Judged{p->ToString(), [p] { RunCondvarProgram(*p); }};
  };
  const auto [compared, executions] =
      HoldToEveryPath(20261207, make, {.classify_findings = true}, count_deadlocks);
  const auto [compared_ns, executions_ns] = HoldToEveryPath(
      20261208, make, {.spurious_wakeups = false, .classify_findings = true}, count_deadlocks);
  std::cout << compared + compared_ns << " program/model pairs, " << executions + executions_ns
            << " executions, " << deadlocks << " deadlocked\n";
  EXPECT_GT(deadlocks, 0u);  // the property was exercised
}

TEST(Optimal, ConditionVariablesHaveTheCanonicalOrderSearchsGraphsWhereNothingDeadlocks) {
  // The canonical-order search takes a spurious wake-up only while another thread can move; the
  // optimal search at any state a waiter waits in. They differ only after a point where nothing
  // but a spurious wake-up could move, which is a deadlock: on random condvar programs that do
  // not deadlock, the two count the same executions with the same outcomes, and the optimal
  // search takes one run per graph.
  std::mt19937_64 rng(EnvOr("MC_OPTIMAL_SEED", 20261209));
  uint64_t compared = 0;
  int failures = 0;
  for (uint64_t i = 0; i < EnvOr("MC_OPTIMAL_PROGRAMS", 1000) / 5 && failures < 3; ++i) {
    const CondvarProgram p = RandomCondvarProgram(rng);
    const std::function<void()> body = [&] { RunCondvarProgram(p); };
    for (Model model : AllModels()) {
      const Report canonical = mc::check(body, {.model = model, .optimal_search = false});
      if (!canonical.ok()) continue;
      const Report got = mc::check(body, {.model = model});
      ++compared;
      if (got.ok() && got.executions == canonical.executions &&
          Normalised(got.outcomes) == Normalised(canonical.outcomes) &&
          got.runs == got.executions + got.blocked) {
        continue;
      }
      ++failures;
      ADD_FAILURE() << "program #" << i << " under " << ModelName(model) << ":" << p.ToString()
                    << "\n  optimal: " << got.executions << " executions, " << got.blocked
                    << " blocked, " << got.runs << " runs (" << VerdictName(got.verdict)
                    << " " << got.message << ")\n" << Histogram(Normalised(got.outcomes))
                    << "  canonical order: " << canonical.executions << " executions\n"
                    << Histogram(Normalised(canonical.outcomes));
    }
  }
  std::cout << compared << " deadlock-free program/model pairs\n";
  EXPECT_GT(compared, 20u);
}

TEST(Optimal, ATryLockTakesAFreeMutexAndFailsOnAHeldOne) {
  // t1 locks and unlocks; t2 try_locks: first (succeeds; t1 then waits for its unlock), while t1
  // holds the mutex (fails), or after t1's unlock (succeeds): 3 executions in 3 runs, as the
  // canonical-order search counts.
  const auto body = [] {
    mc::mutex m;
    int got = -1;
    mc::thread t1([&] {
      m.lock();
      m.unlock();
    });
    mc::thread t2([&] {
      got = m.try_lock() ? 1 : 0;
      if (got == 1) m.unlock();
    });
    t1.join();
    t2.join();
    mc::observe("got", got);
  };
  const Report optimal = mc::check(body);
  const Report canonical = mc::check(body, {.optimal_search = false});
  EXPECT_TRUE(ExecutionsAre(optimal, 3));
  EXPECT_EQ(optimal.runs, 3u);
  EXPECT_EQ(optimal.outcomes, canonical.outcomes);
}

}  // namespace
}  // namespace mc::testing
