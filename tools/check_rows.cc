#include "check_rows.h"

#include <chrono>
#include <iomanip>
#include <sstream>

#include "json.h"
#include "replay_target.h"

namespace mapcheck {

const char* CheckStatusName(CheckStatus s) {
  switch (s) {
    case CheckStatus::kOk:
      return "ok";
    case CheckStatus::kMeasured:
      return "measured";
    case CheckStatus::kMismatch:
      return "MISMATCH";
    case CheckStatus::kIncomplete:
      return "incomplete";
  }
  return "?";
}

CheckRow CheckLitmus(const litmus::LitmusTest& test, mc::Model model, const mc::Options& base) {
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
  CheckRow row;
  row.kind = "litmus";
  row.name = test.name;
  row.model = std::string(mc::ModelName(model));
  row.expected = expected == nullptr ? "none" : want.allowed ? "allowed" : "forbidden";
  row.seconds = r.seconds;
  row.replay = QualifiedToken(test.name, r.replay_token.empty() ? witness : r.replay_token);
  row.report = r.ToString();
  const bool complete = r.verdict == mc::Verdict::kOk && r.exhaustive;
  // The stateful searches count behaviours, not the graphs docs/conformance.md counts.
  const bool counts_graphs = options.strategy != mc::Strategy::kStatefulSC &&
                             options.strategy != mc::Strategy::kStatefulTSO;
  std::ostringstream execs;
  execs << r.executions;
  if (complete && counts_graphs) execs << "/" << want.executions;
  row.executions = execs.str();
  row.found = r.executions;
  if (complete && counts_graphs && expected != nullptr) row.want = want.executions;
  row.runs = r.runs;
  if (expected == nullptr) {  // a model the test states nothing for: not a pass
    row.verdict = r.verdict == mc::Verdict::kOk ? (seen ? "allowed" : "forbidden") : "error";
    row.status = CheckStatus::kMismatch;
    row.detail = "the test has no expectation under " + std::string(mc::ModelName(model));
  } else if (r.verdict != mc::Verdict::kOk && r.verdict != mc::Verdict::kBudgetExhausted) {
    row.verdict = "error";
    row.status = CheckStatus::kMismatch;
    row.detail = std::string(mc::VerdictName(r.verdict)) + ": " + r.message;
  } else if (seen && !want.allowed) {
    row.verdict = "allowed";
    row.status = CheckStatus::kMismatch;
    row.detail = "the forbidden outcome " + test.ConditionText() + " occurred";
  } else if (complete) {
    row.verdict = seen ? "allowed" : "forbidden";
    if (seen != want.allowed) {
      row.status = CheckStatus::kMismatch;
      row.detail = "no execution shows the allowed outcome " + test.ConditionText();
    } else if (counts_graphs && r.executions != want.executions) {
      row.status = CheckStatus::kMismatch;
      row.detail = "executions: got " + std::to_string(r.executions) + ", want " +
                   std::to_string(want.executions);
    }
  } else {
    row.verdict = seen ? "allowed" : "not seen";
    row.status = CheckStatus::kIncomplete;
    row.detail = r.message.empty() ? "the search did not cover every execution" : r.message;
  }
  return row;
}

CheckRow NotRun(const std::string& kind, const std::string& name, const std::string& model) {
  CheckRow row;
  row.kind = kind;
  row.name = name;
  row.model = model;
  row.verdict = "not run";
  row.expected = "";
  row.status = CheckStatus::kIncomplete;
  row.detail = "not run: interrupted";
  return row;
}

CheckRow CheckClaim(const claims::Claim& claim) {
  CheckRow row;
  row.kind = "claim";
  row.name = claim.id;
  const auto start = std::chrono::steady_clock::now();
  const claims::Decision d = claim.decide();
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  row.verdict = d.verdict;
  row.expected = claim.expected;
  row.evidence = d.evidence;
  if (!claims::Settled(claim, d)) {
    row.status = CheckStatus::kMismatch;
    row.detail = claim.statement + " (decided by " + claim.test + ")";
  } else if (claim.expected == "measured") {
    row.status = CheckStatus::kMeasured;
    row.expected = "(any)";
  }
  return row;
}

namespace {

std::string Milliseconds(double s) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << s * 1000 << "ms";
  return out.str();
}

}  // namespace

void PrintLitmusHeader(std::ostream& out) {
  out << std::left << std::setw(30) << "test" << std::setw(6) << "model" << std::setw(11)
      << "verdict" << std::setw(11) << "expected" << std::setw(14) << "executions" << std::setw(9)
      << "runs" << std::setw(10) << "time"
      << "result\n";
}

void PrintClaimHeader(bool after_litmus, std::ostream& out) {
  out << (after_litmus ? "\n" : "") << std::left << std::setw(6) << "claim" << std::setw(13)
      << "verdict" << std::setw(13) << "expected" << std::setw(11) << "result"
      << "evidence\n";
}

void PrintRow(const CheckRow& r, std::ostream& out) {
  if (r.kind == "litmus") {
    out << std::left << std::setw(30) << r.name << std::setw(6) << r.model << std::setw(11)
        << r.verdict << std::setw(11) << r.expected << std::setw(14) << r.executions << std::setw(9)
        << r.runs << std::setw(10) << Milliseconds(r.seconds) << CheckStatusName(r.status) << "\n";
  } else {
    out << std::left << std::setw(6) << r.name << std::setw(13) << r.verdict << std::setw(13)
        << r.expected << std::setw(11) << CheckStatusName(r.status) << r.evidence << "\n";
  }
}

std::string RowJson(const CheckRow& r) {
  JsonObject o;
  o.Add("kind", r.kind).Add("name", r.name);
  if (!r.model.empty()) o.Add("model", r.model);
  o.Add("verdict", r.verdict)
      .Add("expected", r.expected)
      .Add("result", CheckStatusName(r.status))
      .Add("seconds", r.seconds);
  if (r.found) {
    o.Add("executions", *r.found);
    if (r.want) o.Add("expected_executions", *r.want);
    o.Add("runs", r.runs);
  }
  if (!r.evidence.empty()) o.Add("evidence", r.evidence);
  if (!r.detail.empty()) o.Add("detail", r.detail);
  if (!r.replay.empty()) o.Add("replay", r.replay);
  if (r.position) o.Add("position", *r.position);
  return o.ToString();
}

std::optional<CheckRow> RowFromJson(const JsonValue& o, std::string& error) {
  auto text = [&](const char* key, bool required) -> std::optional<std::string> {
    const JsonValue* v = o.Find(key);
    if (v == nullptr && !required) return std::string();
    if (v == nullptr || v->kind != JsonValue::Kind::kString) {
      error = std::string("a row without its \"") + key + "\"";
      return std::nullopt;
    }
    return v->text;
  };
  CheckRow r;
  const auto kind = text("kind", true);
  const auto name = text("name", true);
  const auto verdict = text("verdict", true);
  const auto expected = text("expected", true);
  const auto result = text("result", true);
  if (!kind || !name || !verdict || !expected || !result) return std::nullopt;
  r.kind = *kind;
  r.name = *name;
  r.verdict = *verdict;
  r.expected = *expected;
  r.model = *text("model", false);
  r.detail = *text("detail", false);
  r.replay = *text("replay", false);
  r.evidence = *text("evidence", false);
  bool known = false;
  for (CheckStatus s : {CheckStatus::kOk, CheckStatus::kMeasured, CheckStatus::kMismatch,
                        CheckStatus::kIncomplete}) {
    if (*result == CheckStatusName(s)) {
      r.status = s;
      known = true;
    }
  }
  if (!known) {
    error = "row " + r.name + ": unknown result '" + *result + "'";
    return std::nullopt;
  }
  if (const JsonValue* s = o.Find("seconds"); s != nullptr && s->kind == JsonValue::Kind::kNumber) {
    r.seconds = s->number;
  }
  if (const JsonValue* e = o.Find("executions"); e != nullptr) {
    const JsonValue* runs = o.Find("runs");
    if (!e->Unsigned() || runs == nullptr || !runs->Unsigned()) {
      error = "row " + r.name + ": executions without runs";
      return std::nullopt;
    }
    r.found = *e->Unsigned();
    r.runs = *runs->Unsigned();
    std::ostringstream execs;
    execs << *r.found;
    if (const JsonValue* w = o.Find("expected_executions"); w != nullptr && w->Unsigned()) {
      r.want = *w->Unsigned();
      execs << "/" << *r.want;
    }
    r.executions = execs.str();
  }
  if (const JsonValue* p = o.Find("position"); p != nullptr) {
    if (!p->Unsigned()) {
      error = "row " + r.name + ": a position that is not a whole number";
      return std::nullopt;
    }
    r.position = *p->Unsigned();
  }
  return r;
}

JunitCase RowJunit(const CheckRow& r) {
  JunitCase c;
  c.classname = r.kind == "litmus" ? "litmus." + r.model : "claims";
  c.name = r.name;
  c.seconds = r.seconds;
  c.result = r.status == CheckStatus::kOk || r.status == CheckStatus::kMeasured
                 ? JunitCase::Result::kPass
             : r.status == CheckStatus::kMismatch ? JunitCase::Result::kFail
                                                  : JunitCase::Result::kSkip;
  c.message = r.detail;
  c.detail = r.replay.empty() ? r.report : "mapcheck replay " + r.replay + "\n" + r.report;
  return c;
}

CheckTotals Count(const std::vector<CheckRow>& rows) {
  CheckTotals t;
  for (const CheckRow& r : rows) {
    t.passed += r.status == CheckStatus::kOk || r.status == CheckStatus::kMeasured ? 1 : 0;
    t.failed += r.status == CheckStatus::kMismatch ? 1 : 0;
    t.incomplete += r.status == CheckStatus::kIncomplete ? 1 : 0;
  }
  return t;
}

void PrintTotals(const CheckTotals& t, std::ostream& out) {
  out << "\n" << t.passed << " passed, " << t.failed << " failed";
  if (t.incomplete > 0) out << ", " << t.incomplete << " incomplete (not verified)";
  out << "\n";
}

void PrintMismatches(const std::vector<CheckRow>& rows, bool verbose, std::ostream& err) {
  for (const CheckRow& r : rows) {
    if (r.status != CheckStatus::kMismatch) continue;
    err << "\nMISMATCH " << r.name << (r.model.empty() ? "" : " under " + r.model) << ": "
        << r.detail << "\n";
    if (!r.replay.empty()) err << "  replay: mapcheck replay " << r.replay << "\n";
    if (verbose) err << r.report;
  }
}

std::string CheckJson(const std::vector<std::string>& rows, const CheckTotals& t,
                      const std::string& shard, size_t all_rows) {
  JsonObject o;
  o.Add("command", "check")
      .Raw("results", JsonArray(rows, true))
      .Add("passed", t.passed)
      .Add("failed", t.failed)
      .Add("incomplete", t.incomplete);
  if (!shard.empty()) o.Add("shard", shard).Add("rows_of_all_shards", all_rows);
  return o.ToString();
}

int ExitStatus(const CheckTotals& t) {
  if (t.failed > 0) return 1;
  return t.incomplete > 0 ? 3 : 0;
}

}  // namespace mapcheck
