#include "check_command.h"

#include <unistd.h>

#include <algorithm>
#include <iomanip>
#include <optional>

#include "check_rows.h"
#include "common_flags.h"
#include "interrupt.h"
#include "json.h"
#include "parallel.h"
#include "progress.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags =
    kModelFlag | kStrategyFlags | kBudgetFlag | kJobsFlag | kJsonFlag | kJunitFlag | kQuietFlag |
                         kShardFlag;

std::string Usage() {
  return "usage: mapcheck check [FILTER] [options]\n"
         "\n"
         "Model-checks every registered litmus test whose name contains FILTER (default: all)\n"
         "under the chosen memory models and prints one row per test and model: the verdict of\n"
         "its outcome condition, the expected verdict, the executions explored against the\n"
         "expected count (from docs/conformance.md), the time and the result. Then decides the\n"
         "claims of the incident write-up whose id contains FILTER (C1, C2, ...; a whole id\n"
         "such as C1 selects that claim alone, not C10..C16) by model-checking the map\n"
         "models; claims run the configurations their tests state,\n"
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
         "With --shard I/N a check does every Nth row of the table (litmus rows and claims,\n"
         "from the I-th on), each whole, so N machines share the work; `mapcheck merge` of the\n"
         "N --json reports prints the table one unsplit check prints, with its exit status.\n"
         "\n"
         "options:\n" +
         CommonFlagsHelp(kFlags) + "  --verbose          print the full report of every mismatch\n";
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
  std::vector<std::function<CheckRow()>> work;
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
  // A claim's whole id selects that claim alone (C1 is not C10..C16); else every id holding it.
  std::vector<const claims::Claim*> selected_claims;
  const auto& all_claims = claims::Registry();
  const bool exact = std::any_of(all_claims.begin(), all_claims.end(),
                                 [&](const claims::Claim& c) { return c.id == filter; });
  for (const auto& c : all_claims) {
    if (exact ? c.id == filter : c.id.find(filter) != std::string::npos) {
      selected_claims.push_back(&c);
    }
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

  // This shard's rows: every shard_count-th of the table, from the shard_index-th on.
  std::vector<size_t> mine;
  for (size_t k = flags.shard_index; k < work.size(); k += flags.shard_count) mine.push_back(k);
  const bool sharded = flags.shard_count > 1;
  if (!flags.json && !mine.empty() && mine.front() < litmus_rows) PrintLitmusHeader(out);
  std::vector<CheckRow> rows;
  RunInOrder<CheckRow>(
      mine.size(), flags.jobs, [&](size_t i) { return work[mine[i]](); },
      [&](size_t i, CheckRow& row) {
        if (sharded) row.position = mine[i];
        if (!flags.json) {
          progress.Clear();
          if (mine[i] >= litmus_rows && (i == 0 || mine[i - 1] < litmus_rows)) {
            PrintClaimHeader(i > 0, out);
          }
          PrintRow(row, out);
          out.flush();
        }
        progress.Items(i + 1, mine.size(), row.name + (row.model.empty() ? "" : " " + row.model));
        rows.push_back(std::move(row));
      });

  const CheckTotals totals = Count(rows);
  if (!flags.json) PrintMismatches(rows, verbose, err);
  if (!flags.junit_file.empty()) {
    std::vector<JunitCase> cases;
    for (const CheckRow& r : rows) cases.push_back(RowJunit(r));
    if (!WriteJunit(flags.junit_file, "check", cases, err)) return 2;
  }
  if (flags.json) {
    std::vector<std::string> json;
    for (const CheckRow& r : rows) json.push_back(RowJson(r));
    out << CheckJson(json, totals, flags.Shard(), work.size()) << "\n";
  } else {
    PrintTotals(totals, out);
    if (sharded) {
      out << "(shard " << flags.Shard() << ": " << rows.size() << " of the " << work.size()
          << " rows; mapcheck merge of every shard's --json report gives the whole table)\n";
    }
  }
  if (Interrupted()) {
    err << "mapcheck check: interrupted; the rows above are what finished (the interrupted "
           "check is incomplete, the rest not run)\n";
    return kInterruptedExit;
  }
  return ExitStatus(totals);
}

}  // namespace mapcheck
