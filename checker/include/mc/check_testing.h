// GoogleTest helpers that make a checker test read as a claim:
//
//   mc::Report r = mc::check(test, {.model = mc::Model::kRC11});
//   EXPECT_TRUE(mc::testing::Allowed(r, "a=0 b=0"));
//   EXPECT_TRUE(mc::testing::Forbidden(r, "a=1 b=0"));
//   EXPECT_TRUE(mc::testing::ExecutionsAre(r, 4));
//   EXPECT_TRUE(mc::testing::VerdictIs(r, mc::Verdict::kDataRace));
//
// An outcome pattern lists name=value pairs; an outcome matches when it has every pair. Every
// failure message carries the report, with its replay token when there is one.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "mc/memory_order.h"
#include "mc/report.h"

namespace mc::testing {

// Every memory model of mc::kModels, for a test whose judge holds under any model (another
// search, a brute-force enumerator): a model added to the table is covered without editing it.
// A test that states expected counts per model names its models instead.
inline std::vector<Model> AllModels() {
  std::vector<Model> models;
  for (const ModelInfo& m : kModels) models.push_back(m.model);
  return models;
}

inline bool OutcomeMatches(const std::string& outcome, std::string_view pattern) {
  std::istringstream wanted{std::string(pattern)};
  std::string pair;
  const std::string padded = " " + outcome + " ";
  while (wanted >> pair) {
    if (padded.find(" " + pair + " ") == std::string::npos) return false;
  }
  return true;
}

inline uint64_t CountMatching(const Report& report, std::string_view pattern) {
  uint64_t n = 0;
  for (const auto& [outcome, count] : report.outcomes) {
    if (OutcomeMatches(outcome, pattern)) n += count;
  }
  return n;
}

// The outcome occurs in some execution; the check itself must have passed.
inline ::testing::AssertionResult Allowed(const Report& report, std::string_view pattern) {
  if (report.verdict == Verdict::kOk && CountMatching(report, pattern) > 0) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "want outcome \"" << pattern << "\" allowed, got "
         << (report.verdict == Verdict::kOk ? "never observed" : "no complete exploration") << "\n"
         << report.ToString();
}

// No execution has the outcome, and the exploration was exhaustive.
inline ::testing::AssertionResult Forbidden(const Report& report, std::string_view pattern) {
  if (report.verdict == Verdict::kOk && report.exhaustive && CountMatching(report, pattern) == 0) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "want outcome \"" << pattern << "\" forbidden, got "
         << (report.verdict == Verdict::kOk && report.exhaustive
                 ? std::to_string(CountMatching(report, pattern)) + " executions with it"
                 : std::string("no exhaustive exploration"))
         << "\n"
         << report.ToString();
}

inline ::testing::AssertionResult ExecutionsAre(const Report& report, uint64_t want) {
  if (report.executions == want && report.verdict == Verdict::kOk && report.exhaustive) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "want " << want << " executions (exhaustive, ok), got " << report.executions << "\n"
         << report.ToString();
}

inline ::testing::AssertionResult VerdictIs(const Report& report, Verdict want) {
  if (report.verdict == want) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "want verdict \"" << VerdictName(want) << "\", got \""
                                       << VerdictName(report.verdict) << "\"\n"
                                       << report.ToString();
}

}  // namespace mc::testing
