// The flags several subcommands share: --model, --strategy, --budget, --seed, --jobs, --json,
// --junit, --html, --quiet, --shard. Each subcommand's own flags are parsed where the subcommand lives.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "mc/mc.h"
#include "user_error.h"

namespace mapcheck {

struct CommonFlags {
  std::vector<mc::Model> models;  // empty: the subcommand's default
  mc::Options options;            // strategy, seed, bounds and budget
  bool strategy_given = false;
  double budget_seconds = 0;  // 0: none
  unsigned jobs = 1;
  bool threads_given = false;  // --threads; else one per core with --jobs 1, one with more jobs
  bool json = false;
  std::string junit_file;  // "" unless --junit FILE
  std::string html_file;   // "" unless --html FILE
  bool quiet = false;      // --quiet: no progress on stderr
  uint32_t shard_index = 0;  // --shard I/N: I - 1 and N (one shard, the whole search, unless given)
  uint32_t shard_count = 1;
  // "I/N" of --shard, or "" when the search is not split.
  std::string Shard() const;
};

// Which common flags a subcommand accepts.
enum FlagSet : unsigned {
  kModelFlag = 1U << 0U,
  kStrategyFlags = 1U << 1U,  // --strategy, --seed
  kBudgetFlag = 1U << 2U,
  kJobsFlag = 1U << 3U,
  kJsonFlag = 1U << 4U,
  kJunitFlag = 1U << 5U,
  kHtmlFlag = 1U << 6U,
  kQuietFlag = 1U << 7U,
  kShardFlag = 1U << 8U,
};

enum class FlagResult { kNotMine, kTaken, kError };

// If args[i] is one of the common flags in `accepted`, consumes it (and its value, advancing i)
// into `flags`. On a bad value prints "mapcheck CMD: ..." to `err` and returns kError.
FlagResult TakeCommonFlag(const std::string& command, unsigned accepted,
                          const std::vector<std::string>& args, size_t& i, CommonFlags& flags,
                          std::ostream& err);

// Parses a subcommand's arguments: --help/-h prints `usage` to `out`; the common flags in
// `accepted` go into `flags`; every other argument (at args[i]) goes to `other`, which consumes
// it (advancing i past a value it takes) and returns kTaken, returns kError after printing why,
// or returns kNotMine for an argument it does not know ("unknown option" / "unexpected
// argument"). Returns the exit code when the command should stop now (0 after --help, 2 on an
// error), nullopt when it should run.
std::optional<int> ParseCommandLine(const std::string& command, unsigned accepted,
                                    const std::string& usage, const std::vector<std::string>& args,
                                    CommonFlags& flags, std::ostream& out, std::ostream& err,
                                    const std::function<FlagResult(size_t& i)>& other);

// An `other` for ParseCommandLine that takes every argument not starting with '-' (the
// command's positional words) into `words`, in order.
std::function<FlagResult(size_t& i)> CollectWords(const std::vector<std::string>& args,
                                                  std::vector<std::string>& words);

// "90", "90s", "10m", "2h" -> seconds; nullopt when malformed.
std::optional<double> ParseDuration(const std::string& text);

// The help lines for the common flags in `accepted`.
std::string CommonFlagsHelp(unsigned accepted);

}  // namespace mapcheck
