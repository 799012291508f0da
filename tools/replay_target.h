// What a replay token belongs to. A checker token (mc1-...) names an execution of one test; the
// command qualifies it with the test, TEST@TOKEN, where TEST is
//   a litmus test of the registry         MP+rel+acq@mc1-rc11-...
//   a map or mutant with a scenario       go_map_shared/two_writers@mc1-rc11-...
//   a case of the bare GoMap's protocol   protocol/two_writers@mc1-rc11-...
//   a herd .litmus file                   tests/SB.litmus@mc1-sc-...
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "mc/mc.h"

namespace mapcheck {

struct ReplayTarget {
  std::string name;
  std::string program;  // what runs, one line
  std::function<void()> body;
  mc::Options options;         // as the check that printed the token ran (the model comes from it)
  std::shared_ptr<void> keep;  // what `body` refers to (a parsed .litmus file, a scenario)
  // After a replay, why the test failed in words beyond its assertion (a map scenario: the
  // history that has no linearization), or "". Null where the test has no such words.
  std::function<std::string()> explain = nullptr;
};

// Finds the test `name` names. On failure returns nullopt and puts "WHERE: WHAT" in `error`
// (user_error.h).
std::optional<ReplayTarget> FindReplayTarget(const std::string& name, std::string& error);

// "TEST@TOKEN", the form every mapcheck report prints.
inline std::string QualifiedToken(const std::string& test, const std::string& token) {
  return token.empty() ? "" : test + "@" + token;
}

}  // namespace mapcheck
