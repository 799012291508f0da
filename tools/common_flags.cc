#include "common_flags.h"

#include <charconv>
#include <sstream>

#include "junit.h"
#include "user_error.h"

namespace mapcheck {
namespace {

// "rc11, sc or all": the model names of mc::kModels, and "all".
std::string ModelChoices() {
  std::string out;
  for (const mc::ModelInfo& m : mc::kModels) out += std::string(m.name) + ", ";
  if (out.size() >= 2) out.replace(out.size() - 2, 2, " or ");
  return out + "all";
}

std::optional<uint64_t> ParseCount(std::string_view text) {
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.emplace_back();
  return parts;
}

// "exhaustive", "bounded:K", "random:N", "pct:D:N", "stateful-sc", "stateful-tso".
bool ParseStrategy(const std::string& text, mc::Options& o) {
  const auto parts = Split(text, ':');
  if (parts.empty()) return false;
  std::vector<uint64_t> n;
  for (size_t k = 1; k < parts.size(); ++k) {
    const auto v = ParseCount(parts[k]);
    if (!v) return false;
    n.push_back(*v);
  }
  if (parts[0] == "exhaustive" && n.empty()) {
    o.strategy = mc::Strategy::kExhaustive;
  } else if (parts[0] == "bounded" && n.size() == 1 && n[0] <= 1000) {
    o.strategy = mc::Strategy::kBounded;
    o.preemption_bound = static_cast<uint32_t>(n[0]);
  } else if (parts[0] == "random" && n.size() == 1 && n[0] > 0) {
    o.strategy = mc::Strategy::kRandom;
    o.max_executions = n[0];
  } else if (parts[0] == "stateful-sc" && n.empty()) {
    o.strategy = mc::Strategy::kStatefulSC;
  } else if (parts[0] == "stateful-tso" && n.empty()) {
    o.strategy = mc::Strategy::kStatefulTSO;
  } else if (parts[0] == "pct" && n.size() == 2 && n[0] >= 1 && n[0] <= 64 && n[1] > 0) {
    o.strategy = mc::Strategy::kPct;
    o.pct_depth = static_cast<uint32_t>(n[0]);
    o.max_executions = n[1];
  } else {
    return false;
  }
  return true;
}

// "I/N" with 1 <= I <= N into a 0-based index and a count.
bool ParseShard(const std::string& text, uint32_t& index, uint32_t& count) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return false;
  const auto i = ParseCount(std::string_view(text).substr(0, slash));
  const auto n = ParseCount(std::string_view(text).substr(slash + 1));
  if (!i || !n || *i < 1 || *i > *n || *n > 1000000) return false;
  index = static_cast<uint32_t>(*i - 1);
  count = static_cast<uint32_t>(*n);
  return true;
}

}  // namespace

std::string CommonFlags::Shard() const {
  return shard_count > 1 ? std::to_string(shard_index + 1) + "/" + std::to_string(shard_count)
                         : "";
}

std::optional<double> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double unit = 1;
  std::string number = text;
  switch (text.back()) {
    case 's':
      number.pop_back();
      break;
    case 'm':
      unit = 60;
      number.pop_back();
      break;
    case 'h':
      unit = 3600;
      number.pop_back();
      break;
    default:
      break;
  }
  const auto v = ParseCount(number);
  if (!v || *v == 0) return std::nullopt;
  return static_cast<double>(*v) * unit;
}

FlagResult TakeCommonFlag(const std::string& command, unsigned accepted,
                          const std::vector<std::string>& args, size_t& i, CommonFlags& flags,
                          std::ostream& err) {
  const std::string& a = args[i];
  const auto value = [&](const char* what) -> const std::string* {
    if (i + 1 == args.size()) {
      Refuse(err, command, a, std::string("needs a value: ") + what);
      return nullptr;
    }
    return &args[++i];
  };
  if (a == "--model" && (accepted & kModelFlag) != 0) {
    const std::string* m = value(ModelChoices().c_str());
    if (m == nullptr) return FlagResult::kError;
    flags.models.clear();
    if (*m == "all") {
      for (const mc::ModelInfo& info : mc::kModels) flags.models.push_back(info.model);
    } else if (const mc::ModelInfo* info = mc::FindModel(*m); info != nullptr) {
      flags.models = {info->model};
    } else {
      Refuse(err, command, "--model '" + *m + "'", "unknown model (expected " + ModelChoices() + ")");
      return FlagResult::kError;
    }
    return FlagResult::kTaken;
  }
  if (a == "--strategy" && (accepted & kStrategyFlags) != 0) {
    const std::string* s = value("exhaustive, bounded:K, random:N, pct:D:N, stateful-sc or stateful-tso");
    if (s == nullptr) return FlagResult::kError;
    if (!ParseStrategy(*s, flags.options)) {
      Refuse(err, command, "--strategy '" + *s + "'",
             "bad strategy (expected exhaustive, bounded:K, random:N, pct:D:N with whole numbers, "
             "stateful-sc or stateful-tso)");
      return FlagResult::kError;
    }
    flags.strategy_given = true;
    return FlagResult::kTaken;
  }
  if (a == "--seed" && (accepted & kStrategyFlags) != 0) {
    const std::string* s = value("a whole number");
    if (s == nullptr) return FlagResult::kError;
    const auto v = ParseCount(*s);
    if (!v) {
      Refuse(err, command, "--seed '" + *s + "'", "bad seed (expected a whole number)");
      return FlagResult::kError;
    }
    flags.options.seed = *v;
    return FlagResult::kTaken;
  }
  if (a == "--budget" && (accepted & kBudgetFlag) != 0) {
    const std::string* s = value("a duration such as 90s, 10m or 2h");
    if (s == nullptr) return FlagResult::kError;
    const auto d = ParseDuration(*s);
    if (!d) {
      Refuse(err, command, "--budget '" + *s + "'",
             "bad budget (expected a duration such as 90s, 10m or 2h)");
      return FlagResult::kError;
    }
    flags.budget_seconds = *d;
    return FlagResult::kTaken;
  }
  if (a == "--jobs" && (accepted & kJobsFlag) != 0) {
    const std::string* s = value("a number of parallel jobs");
    if (s == nullptr) return FlagResult::kError;
    const auto v = ParseCount(*s);
    if (!v || *v == 0 || *v > 1024) {
      Refuse(err, command, "--jobs '" + *s + "'", "bad number of jobs (expected 1 to 1024)");
      return FlagResult::kError;
    }
    flags.jobs = static_cast<unsigned>(*v);
    return FlagResult::kTaken;
  }
  if (a == "--threads" && (accepted & kStrategyFlags) != 0) {
    const std::string* s = value("a number of OS threads for the exhaustive search");
    if (s == nullptr) return FlagResult::kError;
    const auto v = ParseCount(*s);
    if (!v || *v > 1024) {
      Refuse(err, command, "--threads '" + *s + "'",
             "bad number of threads (expected 0 to 1024; 0 is one per core)");
      return FlagResult::kError;
    }
    flags.options.threads = static_cast<unsigned>(*v);
    flags.threads_given = true;
    return FlagResult::kTaken;
  }
  if (a == "--shard" && (accepted & kShardFlag) != 0) {
    const std::string* s = value("I/N, e.g. 2/4");
    if (s == nullptr) return FlagResult::kError;
    if (!ParseShard(*s, flags.shard_index, flags.shard_count)) {
      Refuse(err, command, "--shard '" + *s + "'",
             "--shard needs I/N with 1 <= I <= N (e.g. --shard 2/4)");
      return FlagResult::kError;
    }
    return FlagResult::kTaken;
  }
  if (a == "--quiet" && (accepted & kQuietFlag) != 0) {
    flags.quiet = true;
    return FlagResult::kTaken;
  }
  if (a == "--json" && (accepted & kJsonFlag) != 0) {
    flags.json = true;
    return FlagResult::kTaken;
  }
  if (a == "--junit" && (accepted & kJunitFlag) != 0) {
    const std::string* s = value("the JUnit XML file to write");
    if (s == nullptr) return FlagResult::kError;
    flags.junit_file = *s;
    return FlagResult::kTaken;
  }
  if (a == "--html" && (accepted & kHtmlFlag) != 0) {
    const std::string* s = value("the HTML file to write");
    if (s == nullptr) return FlagResult::kError;
    flags.html_file = *s;
    return FlagResult::kTaken;
  }
  return FlagResult::kNotMine;
}

std::function<FlagResult(size_t& i)> CollectWords(const std::vector<std::string>& args,
                                                  std::vector<std::string>& words) {
  return [&args, &words](size_t& i) {
    if (args[i].starts_with("-")) return FlagResult::kNotMine;
    words.push_back(args[i]);
    return FlagResult::kTaken;
  };
}

std::optional<int> ParseCommandLine(const std::string& command, unsigned accepted,
                                    const std::string& usage, const std::vector<std::string>& args,
                                    CommonFlags& flags, std::ostream& out, std::ostream& err,
                                    const std::function<FlagResult(size_t& i)>& other) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << usage;
      return 0;
    }
    FlagResult r = TakeCommonFlag(command, accepted, args, i, flags, err);
    if (r == FlagResult::kNotMine) r = other(i);
    if (r == FlagResult::kError) return 2;
    if (r == FlagResult::kNotMine) {
      return Refuse(err, command, args[i].starts_with("-") ? args[i] : "'" + args[i] + "'",
                    (args[i].starts_with("-") ? "unknown option (mapcheck " : "unexpected argument (mapcheck ") +
                        command + " --help)");
    }
  }
  // A --junit file that cannot be written fails now, not after the whole run.
  if (!flags.junit_file.empty() && !CanWriteJunit(flags.junit_file, command, err)) return 2;
  // One check at a time gets every core; checks run side by side (--jobs) get one thread each.
  if ((accepted & kStrategyFlags) != 0 && !flags.threads_given) {
    flags.options.threads = flags.jobs == 1 ? 0 : 1;
  }
  // A stateful search explores one model's machine: SC interleavings, or x86-TSO's.
  const bool stateful_sc = flags.options.strategy == mc::Strategy::kStatefulSC;
  if (stateful_sc || flags.options.strategy == mc::Strategy::kStatefulTSO) {
    const mc::Model only = stateful_sc ? mc::Model::kSC : mc::Model::kTSO;
    for (mc::Model m : flags.models) {
      if (m == only) continue;
      return Refuse(err, command, stateful_sc ? "--strategy stateful-sc" : "--strategy stateful-tso",
                    stateful_sc
                        ? "explores SC interleavings only (use --model sc, or leave --model out)"
                        : "explores x86-TSO runs only (use --model tso, or leave --model out)");
    }
    flags.models = {only};
  }
  return std::nullopt;
}

std::string CommonFlagsHelp(unsigned accepted) {
  std::string out;
  if ((accepted & kModelFlag) != 0) out += "  --model M          " + ModelChoices() + "\n";
  if ((accepted & kStrategyFlags) != 0) {
    out +=
        "  --strategy S       exhaustive (default; the only one that verifies), bounded:K\n"
        "                     (at most K preemptions), random:N (N random walks) or pct:D:N\n"
        "                     (N PCT runs targeting bugs of depth D), stateful-sc (every\n"
        "                     SC interleaving, states merged by value; implies --model sc)\n"
        "                     or stateful-tso (the same over x86-TSO's store buffers;\n"
        "                     implies --model tso)\n"
        "  --seed N           seed of the random and pct strategies (default 1)\n"
        "  --threads N        OS threads for each exhaustive search (0: one per core; the\n"
        "                     default, or 1 when --jobs runs several checks at once); the\n"
        "                     counts do not change. Beside --jobs, each check uses N\n";
  }
  if ((accepted & kBudgetFlag) != 0) {
    out +=
        "  --budget T         wall-time budget per check, e.g. 90s, 10m, 2h; a check that\n"
        "                     runs out reports how far it got and never verifies\n";
  }
  if ((accepted & kJobsFlag) != 0)
    out += "  --jobs N           run N checks in parallel (default 1)\n";
  if ((accepted & kJsonFlag) != 0)
    out += "  --json             print a JSON report instead of text\n";
  if ((accepted & kJunitFlag) != 0)
    out += "  --junit FILE       also write a JUnit XML report to FILE\n";
  if ((accepted & kHtmlFlag) != 0) {
    out += "  --html FILE        also write the first counterexample as an HTML page\n";
  }
  if ((accepted & kQuietFlag) != 0) {
    out +=
        "  --quiet            no progress on stderr (by default a long check shows a live\n"
        "                     line on a terminal, and one line every 10 s otherwise)\n";
  }
  if ((accepted & kShardFlag) != 0) {
    out +=
        "  --shard I/N        do part I of N of the work (a deterministic split; see above);\n"
        "                     `mapcheck merge` of the N parts' --json reports prints what\n"
        "                     one unsplit run prints\n";
  }
  return out;
}

}  // namespace mapcheck
