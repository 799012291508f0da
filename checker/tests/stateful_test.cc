// Strategy::kStatefulSC: every SC interleaving, with the states it reaches merged by what they can
// still do (interleaving.cc); and Strategy::kStatefulTSO, the same over the runs of the x86-TSO
// machine (store_buffers.h). Each held to the search of its model's graphs (kExhaustive),
// which shares none of its machinery beyond Execution: on random programs both must find the
// same outcomes, findings and race sites; and each behaviour must be counted once.
//
// MC_STATEFUL_PROGRAMS (default 300) and MC_STATEFUL_SEED (default 20261127) set the run.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "mc/check_testing.h"
#include "mc/mc.h"
#include "random_program.h"
#include "replay_token.h"

namespace mc::testing {
namespace {

const Options kStateful{.model = Model::kSC, .strategy = Strategy::kStatefulSC};

std::set<std::string> Keys(const std::map<std::string, uint64_t>& m) {
  std::set<std::string> out;
  for (const auto& [k, v] : m) out.insert(k);
  return out;
}

// Race sites as unordered pairs: which access of a pair is found second depends on the order
// events are added in, and the graph search adds a write before a read that precedes it in SC
// order.
std::set<std::string> Sites(const std::map<std::string, uint64_t>& races) {
  std::set<std::string> out;
  for (const auto& [race, n] : races) {
    const size_t colon = race.find(": ");
    const size_t slash = race.find(" / ");
    std::string a = race.substr(colon + 2, slash - colon - 2);
    std::string b = race.substr(slash + 3);
    if (b < a) std::swap(a, b);
    out.insert(race.substr(0, colon) + ": " + a + " / " + b);
  }
  return out;
}

// The complete executions' outcomes, and the findings (their kinds) of the others.
struct Ends {
  std::set<std::string> complete;
  std::set<std::string> findings;
  bool Raced() const { return findings.count("finding=data race") != 0; }
  explicit Ends(const Report& r) {
    for (const auto& [outcome, n] : Normalised(r.outcomes)) {
      const size_t finding = outcome.find("finding=");
      if (finding == std::string::npos) {
        complete.insert(outcome);
      } else {
        findings.insert(outcome.substr(finding));
      }
    }
  }
};

TEST(StatefulSC, NeedsSequentialConsistency) {
  const Report r = mc::check([] {}, {.model = Model::kRC11, .strategy = Strategy::kStatefulSC});
  EXPECT_TRUE(VerdictIs(r, Verdict::kUsageError));
  EXPECT_NE(r.message.find("Model::kSC"), std::string::npos) << r.message;
}

TEST(StatefulSC, CountsABehaviourOnceHoweverManyInterleavingsReachIt) {
  // Two threads store to x, then the test reads it. The two orders of the stores are two SC
  // executions (graphs with x's modification order either way). When both store 1, every thread
  // did and read the same and x ends 1 either way: one behaviour. With 1 and 2, x ends 1 or 2.
  auto two_stores = [](int a, int b) {
    return [a, b] {
      mc::atomic<int> x{0};
      mc::thread t1([&] { x.store(a); });
      mc::thread t2([&] { x.store(b); });
      t1.join();
      t2.join();
      mc::observe("x", x.load());
    };
  };
  EXPECT_TRUE(ExecutionsAre(mc::check(two_stores(1, 1), {.model = Model::kSC}), 2));
  const Report same = mc::check(two_stores(1, 1), kStateful);
  EXPECT_TRUE(ExecutionsAre(same, 1));
  EXPECT_EQ(same.outcomes.at("x=1"), 1U);
  const Report differ = mc::check(two_stores(1, 2), kStateful);
  EXPECT_TRUE(ExecutionsAre(differ, 2));
  EXPECT_EQ(differ.outcomes.at("x=1"), 1U);
  EXPECT_EQ(differ.outcomes.at("x=2"), 1U);
}

TEST(StatefulSC, DoesNotTakeTwoIndependentStepsInBothOrders) {
  // T1 stores 1 then 2 to x (steps a1, a2), T2 the same to y (b1, b2): one behaviour. The search
  // takes a1 first and reaches the end three times: a1 a2 b1 b2, a1 b1 a2 b2, a1 b1 b2 a2 (a2
  // and b2 are followed by their thread's end, so they never sleep). Back at the start, a1 was
  // quiet (T1 went on to its next store) and touches x only, so it sleeps while T2 steps on y:
  // b1 leads to b2, and there a1, still asleep, is all there is. Run 4 stops. Without the sleep
  // set, b1 a1 would be a fifth run, stopped at the state a1 b1 reached.
  const Report r = mc::check(
      [] {
        mc::atomic<int> x{0}, y{0};
        mc::thread t1([&] {
          x.store(1);
          x.store(2);
        });
        mc::thread t2([&] {
          y.store(1);
          y.store(2);
        });
        t1.join();
        t2.join();
      },
      kStateful);
  EXPECT_TRUE(ExecutionsAre(r, 1));
  EXPECT_EQ(r.runs, 4U);
}

TEST(StatefulSC, FindsTheRaceOfAnInterleavingWhoseValuesItHasSeen) {
  // T3 reads d only after T1 and T2 are done (it polls their plain done flags, which gives it no
  // happens-before), and only if f = 1. Whether its read of d races with T2's write depends on
  // whose store of f came last: T2's synchronises T3 with T2, T1's does not. Both orders leave
  // the same values everywhere (f = 1, d = 1, both flags set) and the same threads' histories.
  // A key of values alone would merge them, and the search, which stores T1's f first, would
  // only ever see T3 synchronised. The key holds the view a read of f acquires, so the race is
  // found.
  const auto body = [] {
    mc::var<int> d{0, "d"};
    mc::var<int> done1{0}, done2{0};
    mc::atomic<int> f{0};
    mc::thread t1([&] {
      f.store(1);
      done1 = 1;
    });
    mc::thread t2([&] {
      d = 1;
      f.store(1);
      done2 = 1;
    });
    mc::thread t3([&] {
      if (done1 == 1 && done2 == 1 && f.load() == 1) (void)d.load();
    });
    t1.join();
    t2.join();
    t3.join();
  };
  const Options go_on{.model = Model::kSC,
                      .strategy = Strategy::kStatefulSC,
                      .plain_races = PlainRaces::kContinueCoherent};
  const Report r = mc::check(body, go_on);
  ASSERT_TRUE(r.ok()) << r.ToString();
  bool write_then_read_of_d = false;
  for (const auto& [site, n] : r.races) {
    write_then_read_of_d = write_then_read_of_d || site.starts_with("var d: write");
  }
  EXPECT_TRUE(write_then_read_of_d) << r.ToString();
  // The search of graphs agrees on every site.
  Options graphs = go_on;
  graphs.strategy = Strategy::kExhaustive;
  EXPECT_EQ(Sites(r.races), Sites(mc::check(body, graphs).races));
  // Stopping at races, it is the finding.
  const Report stop = mc::check(body, kStateful);
  EXPECT_TRUE(VerdictIs(stop, Verdict::kDataRace));
}

TEST(StatefulSC, ItsTokensReplayTheirExecution) {
  // A lost update: both threads read x = 0 before either writes.
  const auto body = [] {
    mc::atomic<int> x{0};
    auto add = [&] { x.store(x.load() + 1); };
    mc::thread t1(add);
    mc::thread t2(add);
    t1.join();
    t2.join();
    MC_ASSERT(x.load() == 2);
  };
  const Report r = mc::check(body, kStateful);
  ASSERT_TRUE(VerdictIs(r, Verdict::kAssertionFailed));
  // The steps are events of an interleaving, not the graph search's steps: the token says so.
  EXPECT_TRUE(r.replay_token.starts_with("mc1-sci-")) << r.replay_token;
  for (Strategy as : {Strategy::kExhaustive, Strategy::kStatefulSC}) {
    const Report again = mc::replay(body, r.replay_token, {.strategy = as});
    EXPECT_TRUE(VerdictIs(again, Verdict::kAssertionFailed));
    EXPECT_EQ(again.message, r.message);
    ASSERT_TRUE(again.counterexample.has_value());
    EXPECT_EQ(again.counterexample->ToString(), r.counterexample->ToString());
  }
  // Each step of an interleaving reads the latest write or writes after it: a token whose step
  // asks for an older source or an earlier place in mo (choice - 1) names no interleaving.
  std::string error;
  const auto token = internal::DecodeToken(r.replay_token, error);
  ASSERT_TRUE(token.has_value()) << error;
  int tampered = 0;
  for (size_t i = 0; i < token->steps.size(); ++i) {
    if (token->steps[i].choice == 0) continue;
    internal::ReplayToken stale = *token;
    --stale.steps[i].choice;
    const Report wrong = mc::replay(body, internal::EncodeToken(stale));
    EXPECT_TRUE(VerdictIs(wrong, Verdict::kUsageError)) << "step " << i;
    ++tampered;
  }
  EXPECT_GT(tampered, 0);
  // A token of the graph search replays as such, whatever the options say.
  const Report graphs = mc::check(body, {.model = Model::kSC});
  ASSERT_TRUE(VerdictIs(graphs, Verdict::kAssertionFailed));
  EXPECT_TRUE(graphs.replay_token.starts_with("mc1-sc-")) << graphs.replay_token;
  EXPECT_TRUE(
      VerdictIs(mc::replay(body, graphs.replay_token, kStateful), Verdict::kAssertionFailed));
}

TEST(StatefulSC, NamesAPointerByTheObjectItPointsTo) {
  // Both threads publish a pointer to one object: the same value, whichever comes last, so one
  // behaviour (addresses differ from run to run; the key names the object instead). When each
  // publishes an object of its own, which one is left matters: two.
  const auto publish = [](bool own) {
    return [own] {
      mc::atomic<int> shared{7};
      mc::atomic<mc::atomic<int>*> p{nullptr};
      auto one = [&](std::unique_ptr<mc::atomic<int>>& mine) {
        if (own) mine = std::make_unique<mc::atomic<int>>(7);
        p.store(own ? mine.get() : &shared);
      };
      std::unique_ptr<mc::atomic<int>> a, b;
      mc::thread t1([&] { one(a); });
      mc::thread t2([&] { one(b); });
      t1.join();
      t2.join();
      mc::observe("first", p.load() == (own ? a.get() : &shared) ? 1 : 0);
    };
  };
  EXPECT_TRUE(ExecutionsAre(mc::check(publish(false), kStateful), 1));
  const Report own = mc::check(publish(true), kStateful);
  EXPECT_TRUE(ExecutionsAre(own, 2));
  // The search is the same in every call, wherever the allocator put the objects.
  const Report again = mc::check(publish(true), kStateful);
  EXPECT_EQ(again.runs, own.runs);
  EXPECT_EQ(again.states, own.states);
}

// Under `model`, the stateful `strategy` against the search of that model's graphs.
void FindsWhatTheGraphsHoldOnRandomPrograms(Model model, Strategy strategy) {
  // Programs of atomics whose test observes, after the joins, every value read, every CAS's
  // success and every final value. The outcome then pins down the behaviour (each thread's
  // events follow from the values it read; memory from the final values), so the stateful
  // search must report each outcome of the graph search exactly once.
  const uint64_t programs = EnvOr("MC_STATEFUL_PROGRAMS", 300);
  const uint64_t seed = EnvOr("MC_STATEFUL_SEED", 20261127);
  std::mt19937_64 rng(seed);
  int failures = 0;
  uint64_t merged = 0;
  for (uint64_t i = 0; i < programs && failures < 3; ++i) {
    const Program p = RandomProgram(rng, 3);
    const std::function<void()> body = [&] { RunProgram(p); };
    const Report graphs = mc::check(body, {.model = model});
    const Report stateful = mc::check(body, {.model = model, .strategy = strategy});
    bool once = stateful.ok() && stateful.exhaustive && graphs.ok();
    for (const auto& [outcome, n] : stateful.outcomes) once = once && n == 1;
    if (once && Keys(stateful.outcomes) == Keys(graphs.outcomes)) {
      merged += graphs.executions - stateful.executions;
      continue;
    }
    ++failures;
    ADD_FAILURE() << "program #" << i << " (seed " << seed << "):\n  " << p.ToString()
                  << "\n  stateful: " << VerdictName(stateful.verdict) << "\n"
                  << Histogram(stateful.outcomes) << "  graphs: " << VerdictName(graphs.verdict)
                  << "\n"
                  << Histogram(graphs.outcomes);
  }
  std::cout << programs << " programs; " << merged << " " << ModelName(model)
            << " executions were a behaviour already counted (seed " << seed << ")\n";
}

TEST(StatefulSC, FindsWhatTheSearchOfGraphsFindsOnRandomPrograms) {
  FindsWhatTheGraphsHoldOnRandomPrograms(Model::kSC, Strategy::kStatefulSC);
}

TEST(StatefulTSO, FindsWhatTheSearchOfGraphsFindsOnRandomPrograms) {
  FindsWhatTheGraphsHoldOnRandomPrograms(Model::kTSO, Strategy::kStatefulTSO);
}

void FindsWhatTheGraphsHoldWhenThreadsStopAndRace(Model model, Strategy strategy,
                                                  uint64_t default_programs) {
  // Threads that assume, assert and race on plain memory, observing as they read (so outcomes
  // are compared with their observations sorted, findings without the message). Findings are
  // classified; races either stop the execution or are recorded (and compared by site).
  const uint64_t programs = EnvOr("MC_STATEFUL_PROGRAMS", default_programs);
  const uint64_t seed = EnvOr("MC_STATEFUL_SEED", 20261127) + 1;
  std::mt19937_64 rng(seed);
  constexpr uint64_t kMaxBehaviours = 10000;
  int failures = 0;
  uint64_t compared = 0;
  uint64_t skipped = 0;
  for (uint64_t i = 0; i < programs && failures < 3; ++i) {
    const StopProgram p = RandomStopProgram(rng);
    const std::function<void()> body = [&] { RunStopProgram(p); };
    for (PlainRaces races : {PlainRaces::kStop, PlainRaces::kContinueCoherent}) {
      Options options{.model = model, .plain_races = races, .classify_findings = true};
      const Report graphs = mc::check(body, options);
      options.strategy = strategy;
      // Threads that observe as they read make the order of observations part of the state,
      // which keeps interleavings apart: a few programs take 10^5 runs. Those are left out.
      options.max_executions = kMaxBehaviours;
      const Report stateful = mc::check(body, options);
      if (stateful.verdict == Verdict::kBudgetExhausted) {
        ++skipped;
        continue;
      }
      ++compared;
      // A run cut short by a finding (or an mc::assume) ends where its path was: here with
      // what came before the step in SC order, while the graph search also ends graphs with
      // other threads' later events in them, and counts a graph that ends at a race once, with
      // the observations of whichever path reached it first. So the outcomes of runs cut short
      // differ in what the other threads had observed; what must agree: the complete outcomes,
      // the kinds of findings, blocked runs on both sides or neither, the race sites.
      // When a race stops the run, which comes first can differ too: the graph search adds a
      // write as soon as its thread reaches it, so a read that races with it races at once,
      // where an interleaving can run the read (and an assertion or assume after it) before the
      // write. Then both must find a race or neither.
      const Ends s(stateful), g(graphs);
      const bool stop = races == PlainRaces::kStop;
      const bool same_findings =
          stop ? s.Raced() == g.Raced()
               : s.findings == g.findings && (stateful.blocked > 0) == (graphs.blocked > 0);
      if (stateful.ok() && stateful.exhaustive && s.complete == g.complete && same_findings &&
          Sites(stateful.races) == Sites(graphs.races)) {
        continue;
      }
      ++failures;
      ADD_FAILURE() << "program #" << i << " (seed " << seed << "), races "
                    << (races == PlainRaces::kStop ? "stop" : "go on") << ":\n  " << p.ToString()
                    << "\n  stateful: " << stateful.ToString() << "\n"
                    << Histogram(Normalised(stateful.outcomes)) << "  graphs:\n"
                    << Histogram(Normalised(graphs.outcomes));
    }
  }
  std::cout << compared << " program/race-mode pairs compared, " << skipped
            << " left out with more than " << kMaxBehaviours << " behaviours (seed " << seed
            << ")\n";
  EXPECT_LE(skipped * 10, compared + skipped);  // at most 10%
}

TEST(StatefulSC, FindsWhatTheSearchOfGraphsFindsWhenThreadsStopAndRace) {
  FindsWhatTheGraphsHoldWhenThreadsStopAndRace(Model::kSC, Strategy::kStatefulSC, 300);
}

TEST(StatefulTSO, FindsWhatTheSearchOfGraphsFindsWhenThreadsStopAndRace) {
  // Fewer programs by default: the buffers multiply the states (about 6x the SC search's time).
  FindsWhatTheGraphsHoldWhenThreadsStopAndRace(Model::kTSO, Strategy::kStatefulTSO, 100);
}

}  // namespace
}  // namespace mc::testing
