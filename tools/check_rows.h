// The rows of `mapcheck check`: one per litmus test and model, one per claim. Judged, printed,
// written as JSON and read back here, so that `mapcheck merge` of a sharded check's reports
// prints the same table as one unsplit check.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "json_reader.h"
#include "junit.h"
#include "litmus/claims/claims.h"
#include "litmus/litmus.h"
#include "mc/mc.h"

namespace mapcheck {

// kMeasured: a claim decided by a benchmark on this machine (any decided verdict passes), so the
// result says so rather than "ok" beside a verdict that differs from the expectation's word.
enum class CheckStatus { kOk, kMeasured, kMismatch, kIncomplete };
const char* CheckStatusName(CheckStatus s);

struct CheckRow {
  std::string kind;  // "litmus" or "claim"
  std::string name;
  std::string model;  // litmus only
  std::string verdict;
  std::string expected;
  std::string executions;               // "got/want" when the search was complete, else "got"
  std::optional<uint64_t> found, want;  // the same as numbers (want: when compared)
  uint64_t runs = 0;  // re-executions of the test (litmus only): the search's cost
  double seconds = 0;
  CheckStatus status = CheckStatus::kOk;
  std::string detail;    // why it is not ok
  std::string replay;    // TEST@TOKEN of a finding, else of an execution showing the condition
  std::string evidence;  // claims
  std::string report;    // the full report, for --verbose
  std::optional<uint64_t> position;  // in a sharded check: its place in the whole table
};

// Runs `test` under `model` and judges it against its expectation.
CheckRow CheckLitmus(const litmus::LitmusTest& test, mc::Model model, const mc::Options& options);
CheckRow CheckClaim(const claims::Claim& claim);
// A row that an interrupt kept from running.
CheckRow NotRun(const std::string& kind, const std::string& name, const std::string& model);

void PrintLitmusHeader(std::ostream& out);
void PrintClaimHeader(bool after_litmus, std::ostream& out);
void PrintRow(const CheckRow& r, std::ostream& out);
std::string RowJson(const CheckRow& r);
// A row read back from RowJson's object; nullopt (and `error`) when it is not one.
std::optional<CheckRow> RowFromJson(const JsonValue& o, std::string& error);
JunitCase RowJunit(const CheckRow& r);

struct CheckTotals {
  int passed = 0;
  int failed = 0;
  int incomplete = 0;
};
CheckTotals Count(const std::vector<CheckRow>& rows);
// "N passed, M failed[, K incomplete (not verified)]".
void PrintTotals(const CheckTotals& t, std::ostream& out);
// On `err`, per mismatch: what differs and its replay command (and its whole report with
// `verbose`).
void PrintMismatches(const std::vector<CheckRow>& rows, bool verbose, std::ostream& err);
// The report of `mapcheck check --json`: the rows' objects, the totals, and the shard ("I/N")
// and the number of rows of the whole check when the check is one shard of it.
std::string CheckJson(const std::vector<std::string>& rows, const CheckTotals& t,
                      const std::string& shard = "", size_t all_rows = 0);
// 0 all ok, 1 any mismatch, 3 none but some incomplete.
int ExitStatus(const CheckTotals& t);

}  // namespace mapcheck
