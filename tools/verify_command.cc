#include "verify_command.h"

#include <iomanip>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <unistd.h>

#include "common_flags.h"
#include "fuzz_burst.h"
#include "interrupt.h"
#include "json.h"
#include "junit.h"
#include "litmus/go_map/protocol.h"
#include "litmus/go_map/map_scenarios.h"
#include "models/backend/model_backend.h"
#include "models/registry/registry.h"
#include "parallel.h"
#include "progress.h"
#include "replay_target.h"
#include "user_error.h"

namespace mapcheck {
namespace {

using litmus::go_map::Kill;
using map_scenario::RunScenario;
using map_scenario::Scenario;
using map_scenario::ScenarioResult;

constexpr unsigned kFlags = kJobsFlag | kJsonFlag | kJunitFlag | kQuietFlag;

std::string Usage() {
  return "usage: mapcheck verify [--map NAME] [--markdown] [options]\n"
         "\n"
         "Model-checks the map-protocol scenarios (litmus/go_map/map_scenarios.cc: 2 and 3 threads, 1 "
         "to 3\n"
         "operations each over keys 1 to 3, every API call) on each fix under RC11, exhaustively,\n"
         "requiring every execution to be free of races, assertions, deadlocks and Go fatals and "
         "its\n"
         "history to be linearizable; and runs each mutant's kill scenario, requiring the stated\n"
         "finding. Prints a table and one verdict; exits 1 if a fix fails or a mutant survives.\n"
         "\n"
         "  --map NAME         only this fix or mutant (see mapcheck list)\n"
         "  --markdown         print docs/verification.md (scripts/verification-report writes "
         "it)\n"
         "  --burst N          with --map: random inputs per fuzz target in the fuzz burst\n"
         "                     (default 2000)\n"
         "  --no-fuzz          with --map: no fuzz burst\n"
         "\n"
         "With --map, a fuzz burst follows the model checking: random inputs (seed 1) through\n"
         "the map's ops, schedule and concurrent fuzz targets, built as replay programs. A crash\n"
         "fails a fix, keeping its input; for a mutant it is one more way the bug shows.\n" +
         CommonFlagsHelp(kFlags);
}

// A program inside a Markdown table cell: its thread separators must not end the cell.
std::string Cell(const std::string& program) {
  std::string out;
  for (char c : program) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

struct Row {
  std::string map, scenario, program, verdict;
  uint64_t executions = 0;
  uint64_t runs = 0;  // runs of the test the search took (the optimal search: one per execution)
  bool pass = false;
  std::string token, detail;  // token: TEST@TOKEN
  double seconds = 0;
};

// A check an interrupt came before (Ctrl-C, SIGTERM): listed, not passed.
Row NotRun(const std::string& map, const std::string& scenario, const std::string& program) {
  return Row{map, scenario, program, "not run", 0, 0, false, "", "not run: interrupted", 0};
}

}  // namespace

int VerifyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string only;
  bool markdown = false;
  unsigned long long burst_inputs = 2000;
  CommonFlags flags;
  if (const auto stop =
          ParseCommandLine("verify", kFlags, Usage(), args, flags, out, err, [&](size_t& i) {
            if (args[i] == "--markdown") {
              markdown = true;
            } else if (args[i] == "--no-fuzz") {
              burst_inputs = 0;
            } else if (args[i] == "--burst") {
              if (i + 1 == args.size() ||
                  args[i + 1].find_first_not_of("0123456789") != std::string::npos ||
                  args[i + 1].empty() || args[i + 1].size() > 7) {
                Refuse(err, "verify", "--burst", "needs a number of inputs (up to 9999999)");
                return FlagResult::kError;
              }
              burst_inputs = std::stoull(args[++i]);
            } else if (args[i] == "--map") {
              if (i + 1 == args.size()) {
                Refuse(err, "verify", "--map", "needs a map or mutant name (see mapcheck list)");
                return FlagResult::kError;
              }
              only = args[++i];
            } else {
              return FlagResult::kNotMine;
            }
            return FlagResult::kTaken;
          })) {
    return *stop;
  }
  std::set<std::string> names;
  models::ForEachMap(models::CheckedFixes<models::ModelBackend>{},
                     [&]<class M>() { names.insert(std::string(models::kMapName<M>)); });
  models::ForEachMap(models::Mutants<models::ModelBackend>{},
                     [&]<class M>() { names.insert(std::string(M::kMutant.name)); });
  if (!only.empty() && names.count(only) == 0) {
    return Refuse(err, "verify", "--map '" + only + "'",
                  "no map or mutant of that name (see mapcheck list)");
  }

  // Every check is independent: collected first, run on --jobs threads, reported in order.
  std::vector<std::function<Row()>> fix_work, kill_work;
  models::ForEachMap(models::CheckedFixes<models::ModelBackend>{}, [&]<class M>() {
    const std::string name(models::kMapName<M>);
    if (!only.empty() && only != name) return;
    for (const Scenario& s : litmus::go_map::FixScenarios()) {
      fix_work.emplace_back([name, &s] {
        if (Interrupted()) return NotRun(name, s.name, s.Program());
        const ScenarioResult r = RunScenario(s, [] { return std::make_unique<M>(); },
                                             {.model = mc::Model::kRC11, .stop = &InterruptFlag()});
        return Row{name,
                   s.name,
                   s.Program(),
                   std::string(mc::VerdictName(r.report.verdict)),
                   r.report.executions,
                   r.report.runs,
                   r.report.ok() && r.report.exhaustive,
                   QualifiedToken(name + "/" + s.name, r.report.replay_token),
                   r.failure.empty() ? r.report.message : r.failure,
                   r.report.seconds};
      });
    }
  });
  models::ForEachMap(models::Mutants<models::ModelBackend>{}, [&]<class M>() {
    const std::string name(M::kMutant.name);
    if (!only.empty() && only != name) return;
    for (const Kill& k : litmus::go_map::MutantKills()) {
      if (k.mutant != name) continue;
      kill_work.emplace_back([name, &k] {
        if (Interrupted()) return NotRun(name, k.scenario.name, k.scenario.Program());
        const ScenarioResult r = RunScenario(k.scenario, [] { return std::make_unique<M>(); },
                                             {.model = mc::Model::kRC11, .stop = &InterruptFlag()});
        return Row{name,
                   k.scenario.name,
                   k.scenario.Program(),
                   std::string(mc::VerdictName(r.report.verdict)),
                   r.report.executions + 1,
                   r.report.runs,
                   r.report.verdict == k.finding,
                   QualifiedToken(name + "/" + k.scenario.name, r.report.replay_token),
                   r.report.message,
                   r.report.seconds};
      });
    }
  });
  (void)InterruptFlag();  // the handlers, before the first check can be interrupted
  std::vector<Row> fixes, kills;
  Progress progress = Progress::OnStderr("verify", flags.quiet);
  RunInOrder<Row>(
      fix_work.size() + kill_work.size(), flags.jobs,
      [&](size_t i) {
        return i < fix_work.size() ? fix_work[i]() : kill_work[i - fix_work.size()]();
      },
      [&](size_t i, Row& row) {
        progress.Items(i + 1, fix_work.size() + kill_work.size(), row.map + "/" + row.scenario);
        (i < fix_work.size() ? fixes : kills).push_back(std::move(row));
      });
  progress.Clear();
  if (Interrupted() && markdown) {
    err << "mapcheck verify: interrupted; no report written (it would be a partial one)\n";
    return kInterruptedExit;
  }

  int failed = 0;
  for (const Row& r : fixes) failed += r.pass ? 0 : 1;
  for (const Row& r : kills) failed += r.pass ? 0 : 1;
  if (markdown) {
    // Written whole at the end, or not at all when interrupted (never a partial report).
    std::ostringstream md;
    md << "# Verification: fixes proven, mutants killed\n\n"
        << "Generated by `mapcheck verify --markdown` (`scripts/verification-report`); a test "
           "fails "
           "while this file is stale. Model: RC11, exhaustive search. Scenarios: "
           "`litmus/go_map/map_scenarios.cc`; ShardedMap is checked with 2 shards.\n\n"
        << "## Fixes\n\nEvery execution of every scenario is free of races, failed assertions, "
           "deadlocks and Go fatals, and its history is linearizable (per key, with "
           "happens-before as real time; Range and Len against their documented weaker "
           "guarantees). The count is the number of distinct executions explored, beside the "
           "runs of the test the search took (the optimal search: one per execution).\n\n"
        << "| map | scenario | program | executions | runs | verdict |\n|---|---|---|---:|---:|---|\n";
    for (const Row& r : fixes) {
      md << "| " << r.map << " | " << r.scenario << " | `" << Cell(r.program) << "` | "
          << r.executions << " | " << r.runs << " | "
          << (r.pass ? "verified" : "FAILED: " + r.verdict) << " |\n";
    }
    if (only.empty()) {
      md << "\n## The bare GoMap's protocol\n\nGoMap shared without a lock (the incident), "
             "`litmus/go_map/protocol.cc`: RC11, the hmap's plain fields racing with coherent "
             "word-sized semantics, the map type a map[string]*T (evacuation clears old "
             "buckets for the GC), every execution classified. Two writers inside a growth "
             "are beyond the search of RC11 graphs (`protocol.cc` says why), so that "
             "configuration is classified twice: over every SC interleaving by the stateful SC "
             "search (`two_writers_during_growth_sc`: its counts are of behaviours, one per end "
             "state however many interleavings reach it), and over runs of the checker's "
             "seeded random walk under RC11 (`two_writers_during_growth`: counts of runs, not "
             "of distinct executions). `go_map_protocol_test` asserts the properties. "
             "Cells is the number of cells per bucket: Go's 8, or 2 where a growth moves cells "
             "while another thread races (the same code paths; with 8 cells those spaces did "
             "not finish in 10 minutes). Runs are the runs of the test the search took (the "
             "optimal search: one per execution); search memory is the most the search itself "
             "held at once (`Report::state_bytes`), independent of the number of executions "
             "for the graph searches.\n\n"
          << "| case | cells | setup | threads | explored | runs, search memory | outcome classes "
             "|\n"
          << "|---|---:|---|---|---|---|---|\n";
      std::ostringstream witnesses;
      for (const auto& c : litmus::go_map::ProtocolCases()) {
        mc::Options options = litmus::go_map::ProtocolOptions(c);
        options.stop = &InterruptFlag();
        const litmus::go_map::ProtocolResult r = litmus::go_map::RunProtocolCase(c, options);
        std::string classes;
        for (const auto& [cls, n] : r.classes) {
          classes += (classes.empty() ? "" : "; ") + cls + ": " + std::to_string(n);
          witnesses << "| " << c.name << " | " << cls << " | `" << r.Witness(cls) << "` |\n";
        }
        md << "| " << c.name << " | " << c.cells << " | " << c.setup << " | " << c.threads << " | "
            << r.Explored() << " | " << r.Spent() << " | " << classes << " |\n";
      }
      md << "\n### Witnesses\n\nOne execution of every class above: `mapcheck replay "
             "protocol/CASE@TOKEN` prints it in full (`--html FILE` draws it).\n\n"
          << "| case | class | witness |\n|---|---|---|\n"
          << witnesses.str();
    }
    md << "\n## Mutants\n\nEach mutant's kill scenario; \"found in\" is the execution (in "
           "exploration order) that first showed the bug; `mapcheck replay TOKEN` prints that "
           "execution in full (`--html FILE` draws it).\n\n"
        << "| mutant | scenario | program | finding | found in | token |\n"
        << "|---|---|---|---|---:|---|\n";
    for (const Row& r : kills) {
      md << "| " << r.map << " | " << r.scenario << " | `" << Cell(r.program) << "` | "
          << (r.pass ? r.verdict : "SURVIVED: " + r.verdict) << " | " << r.executions << " | `"
          << r.token << "` |\n";
    }
    if (Interrupted()) {
      err << "mapcheck verify: interrupted; no report written (it would be a partial one)\n";
      return kInterruptedExit;
    }
    out << md.str();
    return failed == 0 ? 0 : 1;
  }
  if (!flags.junit_file.empty()) {
    std::vector<JunitCase> cases;
    for (const Row& r : fixes) {
      cases.push_back({"verify.fixes." + r.map, r.scenario, r.seconds,
                       r.pass ? JunitCase::Result::kPass : JunitCase::Result::kFail, r.verdict,
                       r.detail + (r.token.empty() ? "" : "\nmapcheck replay " + r.token)});
    }
    for (const Row& r : kills) {
      cases.push_back({"verify.mutants." + r.map, r.scenario, r.seconds,
                       r.pass ? JunitCase::Result::kPass : JunitCase::Result::kFail,
                       r.pass ? "" : "survived: " + r.verdict, r.detail});
    }
    if (!WriteJunit(flags.junit_file, "verify", cases, err)) return 2;
  }
  if (flags.json) {
    const auto rows = [](const std::vector<Row>& rs, bool kill) {
      std::vector<std::string> json;
      for (const Row& r : rs) {
        JsonObject o;
        o.Add("map", r.map)
            .Add("scenario", r.scenario)
            .Add("program", r.program)
            .Add("verdict", r.verdict)
            .Add(kill ? "found_in" : "executions", r.executions)
            .Add("runs", r.runs)
            .Add("result",
                 kill ? (r.pass ? "killed" : "survived") : (r.pass ? "verified" : "failed"))
            .Add("seconds", r.seconds);
        if (!r.token.empty()) o.Add("replay", r.token);
        if (!r.pass) o.Add("detail", r.detail);
        json.push_back(o.ToString());
      }
      return JsonArray(json, true);
    };
    out << JsonObject()
               .Add("command", "verify")
               .Raw("fixes", rows(fixes, false))
               .Raw("mutants", rows(kills, true))
               .Add("verified", failed == 0)
               .Add("interrupted", Interrupted())
               .ToString()
        << "\n";
    if (Interrupted()) return kInterruptedExit;
    return failed == 0 ? 0 : 1;
  }
  if (!fixes.empty()) {
    out << std::left << std::setw(16) << "map" << std::setw(22) << "scenario" << std::setw(12)
        << "executions" << std::setw(10) << "runs"
        << "result\n";
  }
  for (const Row& r : fixes) {
    out << std::left << std::setw(16) << r.map << std::setw(22) << r.scenario << std::setw(12)
        << r.executions << std::setw(10) << r.runs
        << (r.pass ? "verified" : "FAILED (" + r.verdict + ")") << "\n";
    if (!r.pass) err << "\n" << r.map << " / " << r.scenario << ": " << r.detail << "\n";
  }
  if (!kills.empty()) {
    out << (fixes.empty() ? "" : "\n") << std::left << std::setw(34) << "mutant" << std::setw(20)
        << "finding" << std::setw(10) << "found in" << std::setw(10) << "result"
        << "replay\n";
  }
  for (const Row& r : kills) {
    out << std::left << std::setw(34) << r.map << std::setw(20) << r.verdict << std::setw(10)
        << r.executions << std::setw(10) << (r.pass ? "killed" : "SURVIVED") << r.token << "\n";
  }
  if (!only.empty() && burst_inputs > 0) {
    const bool mutant = fixes.empty();
    out << "\n"
        << std::left << std::setw(50) << "fuzz burst" << std::setw(10) << "inputs"
        << "result\n";
    for (const BurstResult& b : FuzzBurst(*models::FindMapRow(only), burst_inputs)) {
      out << std::left << std::setw(50) << b.target << std::setw(10) << b.inputs;
      if (!b.ran) {
        out << "not built\n";
        continue;
      }
      if (!b.crashed) {
        out << (mutant ? "not found (unguided)" : "clean") << "\n";
        continue;
      }
      out << (mutant ? "found" : "CRASHED") << ": input kept in " << b.reproducer << "\n";
      if (!mutant) {
        ++failed;
        err << "\n" << b.target << " crashed on a random input:\n" << b.report << "\n";
      }
    }
  }
  std::string verdict;
  if (Interrupted()) {
    out << "\nINTERRUPTED: the check running then is incomplete, those after it not run; "
           "nothing is verified\n";
    err << "mapcheck verify: interrupted\n";
    return kInterruptedExit;
  }
  if (fixes.empty() && !kills.empty()) {
    verdict = failed == 0 ? "KILLED: the model checker found the mutant's bug"
                          : "SURVIVED: the mutant's kill scenario did not show its bug";
  } else if (!only.empty()) {  // one fix
    verdict = failed == 0 ? "VERIFIED: " + only + " passed every scenario"
                          : "NOT VERIFIED: " + std::to_string(failed) + " result(s) above failed";
  } else {
    verdict = failed == 0 ? "VERIFIED: every fix passed every scenario and every mutant was killed"
                          : "NOT VERIFIED: " + std::to_string(failed) + " result(s) above failed";
  }
  out << "\n" << verdict << "\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace mapcheck
