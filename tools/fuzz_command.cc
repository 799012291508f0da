#include "fuzz_command.h"

#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "common_flags.h"
#include "fuzz_targets.h"
#include "json.h"
#include "user_error.h"

namespace mapcheck {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kFlags = kBudgetFlag | kJobsFlag | kJsonFlag;

std::string Usage() {
  return "usage: mapcheck fuzz [FILTER] [--budget T] [--jobs N] [options]\n"
         "\n"
         "The nightly fuzzing campaign, over every fuzz target whose name contains FILTER\n"
         "(default: all; see mapcheck list; a,b,c selects the targets containing any of the\n"
         "parts). The budget is shared evenly among the targets. For each target it:\n"
         "  1. runs the libFuzzer binary with -fork=N -ignore_crashes=1 on its kind's seeds\n"
         "     (corpus/<kind>/, read only), its own corpus (corpus/<target>/) and its kind's\n"
         "     dictionary, recording execs/s and coverage at the start and the end;\n"
         "  2. merges and minimises the corpus (-merge=1; concurrent targets with their\n"
         "     non-TSan build), replacing corpus/<target>/ with the inputs the seeds do not\n"
         "     hold, only when the merge succeeded;\n"
         "  3. minimises each crash, de-duplicates crashes by their report's signature, and\n"
         "     re-runs each unique crash K times, free-running (the libFuzzer binary) and, for\n"
         "     schedule targets, deterministically (the replay program), giving reproduction\n"
         "     rates;\n"
         "  4. writes OUT/summary.txt and OUT/summary.json and prints the summary.\n"
         "Build the binaries first: cmake --preset fuzz && cmake --build --preset fuzz -j2\n"
         "(and the default preset for the replay programs).\n"
         "\n"
         "Exit status: 0 when no target crashed, 1 when some did, 2 for bad arguments or\n"
         "missing binaries.\n"
         "\n"
         "options:\n" +
         CommonFlagsHelp(kFlags) +
         "  --fuzz-bin DIR     the libFuzzer binaries (default: SRC/build/fuzz/fuzz)\n"
         "  --replay-bin DIR   the replay programs (default: SRC/build/default/fuzz)\n"
         "  --corpus DIR       corpus root, kept between runs (default: SRC/corpus)\n"
         "  --out DIR          crashes and summaries (default: SRC/build/fuzz-campaign)\n"
         "  (SRC is the source tree mapcheck was built from)\n"
         "  --repro K          re-runs per unique crash (default 10)\n"
         "  (--budget defaults to 10m; --jobs is libFuzzer's -fork, default 1)\n";
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command, its output (stdout and stderr) into `log`. Returns the exit status, or
// 128 + the signal.
int Run(const std::string& command, const fs::path& log) {
  const int status = std::system((command + " > " + Quote(log.string()) + " 2>&1").c_str());
  if (status == -1) return 127;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return status;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t CountFiles(const fs::path& dir) {
  if (!fs::is_directory(dir)) return 0;
  return static_cast<size_t>(std::count_if(fs::directory_iterator(dir), fs::directory_iterator(),
                                           [](const auto& e) { return e.is_regular_file(); }));
}

// What a crash report says it is: the checker's verdict and first line for schedule targets,
// a sanitizer's SUMMARY line, or the target's own "name: message" line. Addresses, pids and
// counts are blanked so one bug gives one signature.
std::string Signature(const std::string& log) {
  static const std::regex kLine(
      R"((^|\n)(verdict: [^\n]*|SUMMARY: [^\n]*|[a-z_]+_fuzzer: [^\n]*|==\d+==ERROR: [^\n]*))");
  // A schedule target's report: the verdict and the message under it (not the scenario, which
  // differs between inputs that hit one bug).
  static const std::regex kVerdict(R"((^|\n)(verdict: [^\n]*)\n +([^\n]*))");
  std::smatch m;
  if (std::regex_search(log, m, kVerdict)) {
    const std::string sig = std::string(m[2]) + " | " + std::string(m[3]);
    return std::regex_replace(sig, std::regex(R"(thread \d+)"), "thread N");
  }
  std::string sig;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), kLine); it != std::sregex_iterator();
       ++it) {
    const std::string line = (*it)[2];
    if (line.starts_with("==")) continue;  // the SUMMARY line says the same, more stably
    sig += (sig.empty() ? "" : " | ") + line;
    if (sig.size() > 160) break;
  }
  if (sig.empty()) sig = "unrecognised crash (see the log)";
  sig = std::regex_replace(sig, std::regex(R"(0x[0-9a-f]+|\b\d{5,}\b)"), "N");
  // A linearizability report quotes the history, which differs between runs of one bug.
  const auto history = sig.find("not linearizable:");
  if (history != std::string::npos) sig = sig.substr(0, history + 17);
  return sig;
}

struct Crash {
  std::string signature;
  fs::path reproducer;  // minimised when minimisation worked
  int free_runs = 0, free_crashes = 0;
  int det_runs = 0, det_crashes = 0;  // schedule targets: the replay program
  size_t duplicates = 0;              // further crash files with this signature
};

struct TargetResult {
  std::string name;
  double seconds = 0;
  uint64_t execs_per_second = 0;
  uint64_t cov_start = 0, cov_end = 0;
  size_t corpus_before = 0, corpus_after = 0;
  bool merged = false;
  std::string problem;     // why the target could not run
  size_t crash_files = 0;  // crash inputs libFuzzer saved (at most kMaxCrashesExamined examined)
  std::vector<Crash> crashes;
};

constexpr size_t kMaxCrashesExamined = 10;
constexpr size_t kMaxCrashesMinimised = 3;

// libFuzzer's status lines: "#123 NEW cov: 45 ..." and, in fork mode, "#123: cov: 45 ...".
// Coverage: the first (non-zero) and the last. Speed: the last line's execution count over the
// wall time, since fork mode's own exec/s reads 0 while crashing jobs restart.
void ReadProgress(const std::string& log, TargetResult& t) {
  static const std::regex kStatus(R"((^|\n)#(\d+):? +[A-Za-z ]*cov: (\d+))");
  uint64_t execs = 0;
  bool first = true;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), kStatus);
       it != std::sregex_iterator(); ++it) {
    execs = std::stoull((*it)[2]);
    const uint64_t cov = std::stoull((*it)[3]);
    if (cov == 0) continue;  // fork mode's first line, before the corpus is read
    if (first) t.cov_start = cov;
    first = false;
    t.cov_end = cov;
  }
  if (t.seconds > 0)
    t.execs_per_second = static_cast<uint64_t>(static_cast<double>(execs) / t.seconds);
}

struct Settings {
  fs::path fuzz_bin = fs::path(MAPCHECK_SOURCE_DIR) / "build/fuzz/fuzz";
  fs::path replay_bin = fs::path(MAPCHECK_SOURCE_DIR) / "build/default/fuzz";
  fs::path corpus = fs::path(MAPCHECK_SOURCE_DIR) / "corpus";
  fs::path out = fs::path(MAPCHECK_SOURCE_DIR) / "build/fuzz-campaign";
  int repro = 10;
  unsigned fork = 1;
  double seconds_per_target = 0;
};

TargetResult FuzzOne(const FuzzTarget& target, const Settings& s, std::ostream& progress) {
  const std::string& name = target.name;
  TargetResult t;
  t.name = name;
  const fs::path bin = s.fuzz_bin / name;
  const bool concurrent = target.kind == "concurrent";
  const fs::path merge_bin = concurrent ? s.fuzz_bin / (name + "_merge") : bin;
  if (!fs::exists(bin)) {
    t.problem = "no libFuzzer binary " + bin.string() + " (build the fuzz preset)";
    return t;
  }
  const fs::path dir = s.out / name;
  const fs::path artifacts = dir / "artifacts";
  const fs::path fresh = dir / "new-corpus";
  fs::remove_all(dir);
  fs::create_directories(artifacts);
  fs::create_directories(fresh);
  // The kind's seeds (corpus/<kind>/, shared by every target of the kind, read only) and the
  // inputs of this target's own (corpus/<target>/, what earlier campaigns kept).
  const fs::path seeds = s.corpus / target.kind;
  const fs::path corpus = s.corpus / name;
  fs::create_directories(corpus);
  t.corpus_before = CountFiles(seeds) + CountFiles(corpus);
  const fs::path dict = s.fuzz_bin / "dict" / (target.kind + ".dict");

  // 1. Fuzz: new inputs go to `fresh`, the kept corpus is read.
  // A TSan binary can hang for good inside the runtime when two threads report at once (seen
  // with clang-19: one thread in ReportRace, another in SlotLock); libFuzzer's own -timeout
  // cannot fire then, so the whole process group gets a deadline from outside.
  std::ostringstream cmd;
  cmd << "timeout -k 10 " << static_cast<int>(s.seconds_per_target) + 120 << " "
      << Quote(bin.string()) << " -fork=" << s.fork << " -ignore_crashes=1 -timeout=25"
      << " -max_total_time=" << std::max(1, static_cast<int>(s.seconds_per_target))
      << " -artifact_prefix=" << Quote(artifacts.string() + "/") << " -print_final_stats=1";
  if (fs::exists(dict)) cmd << " -dict=" << Quote(dict.string());
  cmd << " " << Quote(fresh.string()) << " " << Quote(corpus.string());
  if (fs::is_directory(seeds)) cmd << " " << Quote(seeds.string());
  progress << "mapcheck fuzz: " << name << " for " << static_cast<int>(s.seconds_per_target)
           << " s...\n";
  progress.flush();
  const auto start = std::chrono::steady_clock::now();
  Run(cmd.str(), dir / "fuzz.log");
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ReadProgress(ReadFile(dir / "fuzz.log"), t);

  // 2. Merge the seeds, the kept corpus and the new inputs into a minimal set; swap it in only
  // on success. Inputs are named by their SHA-1, so the kind's seeds the set keeps are the ones
  // already in corpus/<kind>/: the target's own folder gets only the rest.
  const fs::path merged = dir / "merged-corpus";
  fs::create_directories(merged);
  std::string merge_inputs = Quote(corpus.string()) + " " + Quote(fresh.string());
  if (fs::is_directory(seeds)) merge_inputs = Quote(seeds.string()) + " " + merge_inputs;
  if (fs::exists(merge_bin) &&
      Run("timeout -k 10 600 " + Quote(merge_bin.string()) + " -merge=1 " + Quote(merged.string()) +
              " " + merge_inputs,
          dir / "merge.log") == 0 &&
      CountFiles(merged) > 0) {
    // The old corpus stays in OUT/<target>/previous-corpus until the next campaign.
    fs::copy(corpus, dir / "previous-corpus", fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(corpus)) fs::remove(e.path());
    for (const auto& e : fs::directory_iterator(merged)) {
      if (fs::exists(seeds / e.path().filename())) continue;
      fs::copy_file(e.path(), corpus / e.path().filename());
    }
    t.merged = true;
  }
  t.corpus_after = CountFiles(seeds) + CountFiles(corpus);

  // 3. Crashes: minimise, de-duplicate, measure how often each reproduces.
  std::map<std::string, size_t> by_signature;
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(artifacts)) {
    if (e.path().filename().string().starts_with("crash-")) found.push_back(e.path());
  }
  std::sort(found.begin(), found.end());
  // A mutant can crash thousands of times in a night; the first few files show its bugs.
  t.crash_files = found.size();
  if (found.size() > kMaxCrashesExamined) found.resize(kMaxCrashesExamined);
  const fs::path replay = s.replay_bin / (name + "_replay");
  const bool deterministic = target.kind == "sched" && fs::exists(replay);
  for (const fs::path& crash : found) {
    // Re-run first: the signature comes from the first re-run that crashes (fork mode keeps no
    // child's report), and the count is the reproduction rate.
    Crash c;
    c.reproducer = crash;
    std::string report;
    for (int k = 0; k < s.repro; ++k) {
      ++c.free_runs;
      const fs::path log = dir / "repro.log";
      if (Run("timeout -k 5 60 " + Quote(bin.string()) + " " + Quote(crash.string()), log) != 0) {
        ++c.free_crashes;
        if (report.empty()) report = ReadFile(log);
      }
      if (deterministic) {
        ++c.det_runs;
        if (Run("timeout -k 5 60 " + Quote(replay.string()) + " " + Quote(crash.string()), log) !=
            0) {
          ++c.det_crashes;
          if (report.empty()) report = ReadFile(log);
        }
      }
    }
    c.signature = report.empty() ? "did not reproduce in " + std::to_string(s.repro) + " runs"
                                 : Signature(report);
    if (!report.empty()) std::ofstream(dir / (crash.filename().string() + ".log")) << report;
    if (by_signature.contains(c.signature)) {
      ++t.crashes[by_signature[c.signature]].duplicates;
      continue;
    }
    // Minimise what reproduces without fail; a flaky crash would minimise into noise.
    const fs::path minimal = dir / ("minimal-" + crash.filename().string());
    if (c.free_crashes == c.free_runs && c.free_runs > 0 &&
        t.crashes.size() < kMaxCrashesMinimised &&
        Run("timeout -k 5 120 " + Quote(bin.string()) + " -minimize_crash=1 -max_total_time=" +
                std::to_string(std::clamp(static_cast<int>(s.seconds_per_target / 4), 5, 60)) +
                " -exact_artifact_path=" + Quote(minimal.string()) + " " + Quote(crash.string()),
            dir / "minimize.log") == 0 &&
        fs::exists(minimal)) {
      c.reproducer = minimal;
    }
    by_signature[c.signature] = t.crashes.size();
    t.crashes.push_back(std::move(c));
  }
  return t;
}

std::string Rate(int crashes, int runs) {
  if (runs == 0) return "-";
  return std::to_string(crashes) + "/" + std::to_string(runs);
}

std::string SummaryText(const std::vector<TargetResult>& targets, const Settings& s) {
  std::ostringstream out;
  out << std::left << std::setw(46) << "target" << std::setw(9) << "exec/s" << std::setw(15)
      << "coverage" << std::setw(13) << "corpus"
      << "crashes\n";
  for (const TargetResult& t : targets) {
    std::ostringstream cov, corpus;
    cov << t.cov_start << " -> " << t.cov_end;
    corpus << t.corpus_before << " -> " << t.corpus_after << (t.merged ? "" : "*");
    out << std::left << std::setw(46) << t.name << std::setw(9) << t.execs_per_second
        << std::setw(15) << cov.str() << std::setw(13) << corpus.str()
        << (!t.problem.empty() ? "NOT RUN: " + t.problem
            : t.crash_files == 0
                ? std::string("0")
                : std::to_string(t.crashes.size()) + " unique of " + std::to_string(t.crash_files) +
                      (t.crash_files > kMaxCrashesExamined
                           ? " (first " + std::to_string(kMaxCrashesExamined) + " examined)"
                           : ""))
        << "\n";
  }
  bool any = false;
  for (const TargetResult& t : targets) {
    for (const Crash& c : t.crashes) {
      if (!any) out << "\nunique crashes (free-running and deterministic reproduction rates):\n";
      any = true;
      out << "  " << t.name << ": " << c.signature << "\n    reproducer " << c.reproducer.string()
          << "; reproduced " << Rate(c.free_crashes, c.free_runs) << " free-running, "
          << Rate(c.det_crashes, c.det_runs) << " deterministic; " << c.duplicates
          << " duplicate(s)\n";
    }
  }
  out << "\n"
      << (any ? "CRASHES FOUND" : "no crashes") << " (" << targets.size() << " targets, "
      << static_cast<int>(s.seconds_per_target) << " s each, -fork=" << s.fork
      << "; * = corpus not merged)\n";
  return out.str();
}

std::string SummaryJson(const std::vector<TargetResult>& targets, const Settings& s) {
  std::vector<std::string> rows;
  for (const TargetResult& t : targets) {
    std::vector<std::string> crashes;
    for (const Crash& c : t.crashes) {
      crashes.push_back(JsonObject()
                            .Add("signature", c.signature)
                            .Add("reproducer", c.reproducer.string())
                            .Add("free_running_runs", c.free_runs)
                            .Add("free_running_crashes", c.free_crashes)
                            .Add("deterministic_runs", c.det_runs)
                            .Add("deterministic_crashes", c.det_crashes)
                            .Add("duplicates", static_cast<uint64_t>(c.duplicates))
                            .ToString());
    }
    JsonObject o;
    o.Add("target", t.name)
        .Add("seconds", t.seconds)
        .Add("execs_per_second", t.execs_per_second)
        .Add("coverage_start", t.cov_start)
        .Add("coverage_end", t.cov_end)
        .Add("corpus_before", static_cast<uint64_t>(t.corpus_before))
        .Add("corpus_after", static_cast<uint64_t>(t.corpus_after))
        .Add("merged", t.merged)
        .Add("crash_files", static_cast<uint64_t>(t.crash_files));
    if (!t.problem.empty()) o.Add("problem", t.problem);
    rows.push_back(o.Raw("crashes", JsonArray(crashes)).ToString());
  }
  return JsonObject()
             .Add("command", "fuzz")
             .Add("seconds_per_target", s.seconds_per_target)
             .Add("fork", static_cast<int>(s.fork))
             .Raw("targets", JsonArray(rows, true))
             .ToString() +
         "\n";
}

}  // namespace

int FuzzCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommonFlags flags;
  Settings s;
  std::string filter;
  const auto path_value = [&](size_t& i, fs::path& into) {
    if (i + 1 == args.size()) {
      Refuse(err, "fuzz", args[i], "needs a directory");
      return FlagResult::kError;
    }
    into = args[++i];
    return FlagResult::kTaken;
  };
  if (const auto stop =
          ParseCommandLine("fuzz", kFlags, Usage(), args, flags, out, err, [&](size_t& i) {
            const std::string& a = args[i];
            if (a == "--fuzz-bin") return path_value(i, s.fuzz_bin);
            if (a == "--replay-bin") return path_value(i, s.replay_bin);
            if (a == "--corpus") return path_value(i, s.corpus);
            if (a == "--out") return path_value(i, s.out);
            if (a == "--repro") {
              if (i + 1 == args.size() || args[i + 1].empty() ||
                  args[i + 1].find_first_not_of("0123456789") != std::string::npos ||
                  args[i + 1].size() > 4) {
                Refuse(err, "fuzz", "--repro", "needs a number of runs (0 to 9999)");
                return FlagResult::kError;
              }
              s.repro = std::stoi(args[++i]);
              return FlagResult::kTaken;
            }
            if (a.starts_with("-")) return FlagResult::kNotMine;
            if (!filter.empty()) {
              Refuse(err, "fuzz", "'" + a + "'",
                     "only one FILTER may be given (there is '" + filter + "' already)");
              return FlagResult::kError;
            }
            filter = a;
            return FlagResult::kTaken;
          })) {
    return *stop;
  }
  // FILTER: one or more comma-separated parts; a target is selected when it contains any.
  std::vector<std::string> parts;
  std::stringstream filters(filter);
  for (std::string part; std::getline(filters, part, ',');) parts.push_back(part);
  if (parts.empty()) parts.emplace_back();
  std::vector<FuzzTarget> targets;
  for (const FuzzTarget& t : FuzzTargets()) {
    if (std::any_of(parts.begin(), parts.end(),
                    [&](const std::string& p) { return t.name.find(p) != std::string::npos; })) {
      targets.push_back(t);
    }
  }
  if (targets.empty()) {
    return Refuse(err, "fuzz", "'" + filter + "'", "no fuzz target matches it (see mapcheck list)");
  }
  const double budget = flags.budget_seconds > 0 ? flags.budget_seconds : 600;
  s.fork = flags.jobs;
  s.seconds_per_target = budget / static_cast<double>(targets.size());
  if (s.seconds_per_target < 1) {
    std::ostringstream what;
    what << "a budget of " << budget << " s is less than a second for each of " << targets.size()
         << " targets";
    return Refuse(err, "fuzz", "--budget", what.str());
  }
  if (!fs::is_directory(s.fuzz_bin)) {
    return Refuse(err, "fuzz", "--fuzz-bin '" + s.fuzz_bin.string() + "'",
                  "no libFuzzer binaries there: build them with cmake --preset fuzz && cmake "
                  "--build --preset fuzz -j2");
  }
  std::error_code ec;
  fs::create_directories(s.out, ec);
  if (ec) {
    return Refuse(err, "fuzz", "--out '" + s.out.string() + "'",
                  "cannot create the directory: " + ec.message());
  }
  std::vector<TargetResult> results;
  for (const FuzzTarget& t : targets) results.push_back(FuzzOne(t, s, err));
  const std::string text = SummaryText(results, s);
  const std::string json = SummaryJson(results, s);
  std::ofstream(s.out / "summary.txt") << text;
  std::ofstream(s.out / "summary.json") << json;
  out << (flags.json ? json : text);
  const bool crashed = std::any_of(results.begin(), results.end(),
                                   [](const TargetResult& t) { return !t.crashes.empty(); });
  const bool missing = std::any_of(results.begin(), results.end(),
                                   [](const TargetResult& t) { return !t.problem.empty(); });
  if (crashed) return 1;
  return missing ? 2 : 0;
}

}  // namespace mapcheck
