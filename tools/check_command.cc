#include "check_command.h"

#include <unistd.h>

#include <algorithm>
#include <iomanip>
#include <optional>
#include <sstream>

#include "common_flags.h"
#include "interrupt.h"
#include "json.h"
#include "junit.h"
#include "litmus/claims/claims.h"
#include "litmus/litmus.h"
#include "parallel.h"
#include "progress.h"
#include "replay_target.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags =
    kModelFlag | kStrategyFlags | kBudgetFlag | kJobsFlag | kJsonFlag | kJunitFlag | kQuietFlag;

std::string Usage() {
  return "usage: mapcheck check [FILTER] [options]\n"
         "\n"
         "Model-checks every registered litmus test whose name contains FILTER (default: all)\n"
         "under the chosen memory models and prints one row per test and model: the verdict of\n"
         "its outcome condition, the expected verdict, the executions explored against the\n"
         "expected count (from docs/conformance.md), the time and the result. Then decides the\n"
         "claims of the incident write-up whose id contains FILTER (C1, C2, ...) by\n"
         "model-checking the map models; claims run the configurations their tests state,\n"
         "whatever --strategy and --budget say.\n"
         "\n"
         "Results: ok (verified: exhaustive, verdict and count as expected), MISMATCH (a\n"
         "verdict, count or finding differs from the expectation; the replay token of the\n"
         "finding, or of an execution that shows the outcome, is printed), incomplete (nothing "
         "contradicts the expectation, but a budget or a sampling\n"
         "strategy left executions unexplored: not verified). --strategy stateful-sc counts\n"
         "behaviours, not executions, so its rows compare verdicts only.\n"
         "\n"
         "Exit status: 0 all ok, 1 any MISMATCH, 2 bad arguments, 3 no mismatch but some\n"
         "results incomplete, 130 interrupted (Ctrl-C or SIGTERM: the check running then ends\n"
         "as incomplete, the rest are listed as not run, and --json/--junit are written).\n"
         "\n"
         "options:\n" +
         CommonFlagsHelp(kFlags) + "  --verbose          print the full report of every mismatch\n";
}

// kMeasured: a claim decided by a benchmark on this machine (any decided verdict passes), so the
// result says so rather than "ok" beside a verdict that differs from the expectation's word.
enum class Status { kOk, kMeasured, kMismatch, kIncomplete };

const char* StatusName(Status s) {
  switch (s) {
    case Status::kOk:
      return "ok";
    case Status::kMeasured:
      return "measured";
    case Status::kMismatch:
      return "MISMATCH";
    case Status::kIncomplete:
      return "incomplete";
  }
  return "?";
}

struct Row {
  std::string kind;  // "litmus" or "claim"
  std::string name;
  std::string model;  // litmus only
  std::string verdict;
  std::string expected;
  std::string executions;  // "got/want" when the search was complete, else "got"
  std::optional<uint64_t> found, want;  // the same as numbers (want: when compared)
  uint64_t runs = 0;       // re-executions of the test (litmus only): the search's cost
  double seconds = 0;
  Status status = Status::kOk;
  std::string detail;    // why it is not ok
  std::string replay;    // TEST@TOKEN of a finding, else of an execution showing the condition
  std::string evidence;  // claims
  std::string report;    // the full report, for --verbose
};

Row CheckLitmus(const litmus::LitmusTest& test, mc::Model model, const mc::Options& base) {
  mc::Options options = base;
  options.model = model;
  const mc::Report r = mc::check(test.body, options);
  const litmus::Expectation* expected = test.Expected(model);
  const litmus::Expectation want = expected != nullptr ? *expected : litmus::Expectation{};
  bool seen = false;
  std::string witness;  // an execution that shows the condition: the first such outcome's
  for (const auto& [outcome, count] : r.outcomes) {
    if (count == 0 || !test.Satisfies(outcome)) continue;
    if (!seen) witness = r.outcome_tokens.at(outcome);
    seen = true;
  }
  Row row;
  row.kind = "litmus";
  row.name = test.name;
  row.model = std::string(mc::ModelName(model));
  row.expected = expected == nullptr ? "none" : want.allowed ? "allowed" : "forbidden";
  row.seconds = r.seconds;
  row.replay = QualifiedToken(test.name, r.replay_token.empty() ? witness : r.replay_token);
  row.report = r.ToString();
  const bool complete = r.verdict == mc::Verdict::kOk && r.exhaustive;
  // The stateful SC search counts behaviours, not the graphs docs/conformance.md counts.
  const bool counts_graphs = options.strategy != mc::Strategy::kStatefulSC;
  std::ostringstream execs;
  execs << r.executions;
  if (complete && counts_graphs) execs << "/" << want.executions;
  row.executions = execs.str();
  row.found = r.executions;
  if (complete && counts_graphs && expected != nullptr) row.want = want.executions;
  row.runs = r.runs;
  if (expected == nullptr) {  // a model the test states nothing for: not a pass
    row.verdict = r.verdict == mc::Verdict::kOk ? (seen ? "allowed" : "forbidden") : "error";
    row.status = Status::kMismatch;
    row.detail = "the test has no expectation under " + std::string(mc::ModelName(model));
  } else if (r.verdict != mc::Verdict::kOk && r.verdict != mc::Verdict::kBudgetExhausted) {
    row.verdict = "error";
    row.status = Status::kMismatch;
    row.detail = std::string(mc::VerdictName(r.verdict)) + ": " + r.message;
  } else if (seen && !want.allowed) {
    row.verdict = "allowed";
    row.status = Status::kMismatch;
    row.detail = "the forbidden outcome " + test.ConditionText() + " occurred";
  } else if (complete) {
    row.verdict = seen ? "allowed" : "forbidden";
    if (seen != want.allowed) {
      row.status = Status::kMismatch;
      row.detail =
          "no execution shows the allowed outcome " + test.ConditionText();
    } else if (counts_graphs && r.executions != want.executions) {
      row.status = Status::kMismatch;
      row.detail = "executions: got " + std::to_string(r.executions) + ", want " +
                   std::to_string(want.executions);
    }
  } else {
    row.verdict = seen ? "allowed" : "not seen";
    row.status = Status::kIncomplete;
    row.detail = r.message.empty() ? "the search did not cover every execution" : r.message;
  }
  return row;
}

// A row that an interrupt kept from running.
Row NotRun(const std::string& kind, const std::string& name, const std::string& model) {
  Row row;
  row.kind = kind;
  row.name = name;
  row.model = model;
  row.verdict = "not run";
  row.expected = "";
  row.status = Status::kIncomplete;
  row.detail = "not run: interrupted";
  return row;
}

Row CheckClaim(const claims::Claim& claim) {
  Row row;
  row.kind = "claim";
  row.name = claim.id;
  const auto start = std::chrono::steady_clock::now();
  const claims::Decision d = claim.decide();
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  row.verdict = d.verdict;
  row.expected = claim.expected;
  row.evidence = d.evidence;
  if (!claims::Settled(claim, d)) {
    row.status = Status::kMismatch;
    row.detail = claim.statement + " (decided by " + claim.test + ")";
  } else if (claim.expected == "measured") {
    row.status = Status::kMeasured;
    row.expected = "(any)";
  }
  return row;
}

std::string Seconds(double s) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << s * 1000 << "ms";
  return out.str();
}

void PrintRow(const Row& r, std::ostream& out) {
  if (r.kind == "litmus") {
    out << std::left << std::setw(30) << r.name << std::setw(6) << r.model << std::setw(11)
        << r.verdict << std::setw(11) << r.expected << std::setw(14) << r.executions << std::setw(9)
        << r.runs << std::setw(10) << Seconds(r.seconds) << StatusName(r.status) << "\n";
  } else {
    out << std::left << std::setw(6) << r.name << std::setw(13) << r.verdict << std::setw(13)
        << r.expected << std::setw(11) << StatusName(r.status) << r.evidence << "\n";
  }
}

std::string RowJson(const Row& r) {
  JsonObject o;
  o.Add("kind", r.kind).Add("name", r.name);
  if (!r.model.empty()) o.Add("model", r.model);
  o.Add("verdict", r.verdict)
      .Add("expected", r.expected)
      .Add("result", StatusName(r.status))
      .Add("seconds", r.seconds);
  if (r.found) {
    o.Add("executions", *r.found);
    if (r.want) o.Add("expected_executions", *r.want);
    o.Add("runs", r.runs);
  }
  if (!r.evidence.empty()) o.Add("evidence", r.evidence);
  if (!r.detail.empty()) o.Add("detail", r.detail);
  if (!r.replay.empty()) o.Add("replay", r.replay);
  return o.ToString();
}

JunitCase RowJunit(const Row& r) {
  JunitCase c;
  c.classname = r.kind == "litmus" ? "litmus." + r.model : "claims";
  c.name = r.name;
  c.seconds = r.seconds;
  c.result = r.status == Status::kOk || r.status == Status::kMeasured ? JunitCase::Result::kPass
             : r.status == Status::kMismatch ? JunitCase::Result::kFail
                                             : JunitCase::Result::kSkip;
  c.message = r.detail;
  c.detail = r.replay.empty() ? r.report : "mapcheck replay " + r.replay + "\n" + r.report;
  return c;
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string filter;
  CommonFlags flags;
  bool verbose = false;
  if (const auto stop =
          ParseCommandLine("check", kFlags, Usage(), args, flags, out, err, [&](size_t& i) {
            const std::string& a = args[i];
            if (a == "--verbose") {
              verbose = true;
            } else if (a.starts_with("-")) {
              return FlagResult::kNotMine;
            } else if (filter.empty()) {
              filter = a;
            } else {
              Refuse(err, "check", "'" + a + "'",
                     "only one FILTER may be given (there is '" + filter + "' already)");
              return FlagResult::kError;
            }
            return FlagResult::kTaken;
          })) {
    return *stop;
  }
  if (flags.models.empty()) {
    for (const mc::ModelInfo& m : mc::kModels) flags.models.push_back(m.model);
  }
  mc::Options options = flags.options;
  options.max_seconds = flags.budget_seconds;
  Progress progress = Progress::OnStderr("check", flags.quiet);
  options.stop = &InterruptFlag();

  // The work, in table order: every selected litmus test under every model, then the claims.
  std::vector<std::function<Row()>> work;
  for (const auto& t : litmus::Registry()) {
    if (t.name.find(filter) == std::string::npos) continue;
    for (const mc::Model model : flags.models) {
      work.emplace_back([&t, model, &options, &progress] {
        if (Interrupted()) return NotRun("litmus", t.name, std::string(mc::ModelName(model)));
        mc::Options with_progress = options;
        with_progress.progress = progress.For(t.name + " " + std::string(mc::ModelName(model)));
        return CheckLitmus(t, model, with_progress);
      });
    }
  }
  const size_t litmus_rows = work.size();
  std::vector<const claims::Claim*> selected_claims;
  for (const auto& c : claims::Registry()) {
    if (c.id.find(filter) != std::string::npos) selected_claims.push_back(&c);
  }
  std::sort(selected_claims.begin(), selected_claims.end(),
            [](const claims::Claim* x, const claims::Claim* y) {
              return std::stoi(x->id.substr(1)) < std::stoi(y->id.substr(1));
            });
  for (const claims::Claim* c : selected_claims) {
    work.emplace_back([c] { return Interrupted() ? NotRun("claim", c->id, "") : CheckClaim(*c); });
  }
  if (work.empty()) {
    return Refuse(err, "check", "'" + filter + "'", "no litmus test matches it (see mapcheck list)");
  }

  if (!flags.json && litmus_rows > 0) {
    out << std::left << std::setw(30) << "test" << std::setw(6) << "model" << std::setw(11)
        << "verdict" << std::setw(11) << "expected" << std::setw(14) << "executions" << std::setw(9)
        << "runs" << std::setw(10) << "time"
        << "result\n";
  }
  std::vector<Row> rows;
  RunInOrder<Row>(
      work.size(), flags.jobs, [&](size_t i) { return work[i](); },
      [&](size_t i, Row& row) {
        if (!flags.json) {
          progress.Clear();
          if (i == litmus_rows) {
            out << (litmus_rows > 0 ? "\n" : "") << std::left << std::setw(6) << "claim"
                << std::setw(13) << "verdict" << std::setw(13) << "expected" << std::setw(11)
                << "result"
                << "evidence\n";
          }
          PrintRow(row, out);
          out.flush();
        }
        progress.Items(i + 1, work.size(), row.name + (row.model.empty() ? "" : " " + row.model));
        rows.push_back(std::move(row));
      });

  int passed = 0;
  int failed = 0;
  int incomplete = 0;
  for (const Row& r : rows) {
    passed += r.status == Status::kOk || r.status == Status::kMeasured ? 1 : 0;
    failed += r.status == Status::kMismatch ? 1 : 0;
    incomplete += r.status == Status::kIncomplete ? 1 : 0;
    if (r.status != Status::kMismatch || flags.json) continue;
    err << "\nMISMATCH " << r.name << (r.model.empty() ? "" : " under " + r.model) << ": "
        << r.detail << "\n";
    if (!r.replay.empty()) err << "  replay: mapcheck replay " << r.replay << "\n";
    if (verbose) err << r.report;
  }
  if (!flags.junit_file.empty()) {
    std::vector<JunitCase> cases;
    for (const Row& r : rows) cases.push_back(RowJunit(r));
    if (!WriteJunit(flags.junit_file, "check", cases, err)) return 2;
  }
  if (flags.json) {
    std::vector<std::string> json;
    for (const Row& r : rows) json.push_back(RowJson(r));
    out << JsonObject()
               .Raw("results", JsonArray(json, true))
               .Add("passed", passed)
               .Add("failed", failed)
               .Add("incomplete", incomplete)
               .ToString()
        << "\n";
  } else {
    out << "\n" << passed << " passed, " << failed << " failed";
    if (incomplete > 0) out << ", " << incomplete << " incomplete (not verified)";
    out << "\n";
  }
  if (Interrupted()) {
    err << "mapcheck check: interrupted; the rows above are what finished (the interrupted "
           "check is incomplete, the rest not run)\n";
    return kInterruptedExit;
  }
  if (failed > 0) return 1;
  return incomplete > 0 ? 3 : 0;
}

}  // namespace mapcheck
