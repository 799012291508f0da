// The flags several subcommands share: --model, --strategy, --budget, --seed, --jobs, --json,
// --junit, --html. Each subcommand's own flags are parsed where the subcommand lives.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "mc/mc.h"

namespace mapcheck {

struct CommonFlags {
  std::vector<mc::Model> models;  // empty: the subcommand's default
  mc::Options options;            // strategy, seed, bounds and budget
  bool strategy_given = false;
  double budget_seconds = 0;  // 0: none
  unsigned jobs = 1;
  bool json = false;
  std::string junit_file;  // "" unless --junit FILE
  std::string html_file;   // "" unless --html FILE
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
};

enum class FlagResult { kNotMine, kTaken, kError };

// If args[i] is one of the common flags in `accepted`, consumes it (and its value, advancing i)
// into `flags`. On a bad value prints "mapcheck CMD: ..." to `err` and returns kError.
FlagResult TakeCommonFlag(const std::string& command, unsigned accepted,
                          const std::vector<std::string>& args, size_t& i, CommonFlags& flags,
                          std::ostream& err);

// "90", "90s", "10m", "2h" -> seconds; nullopt when malformed.
std::optional<double> ParseDuration(const std::string& text);

// The help lines for the common flags in `accepted`.
std::string CommonFlagsHelp(unsigned accepted);

}  // namespace mapcheck
