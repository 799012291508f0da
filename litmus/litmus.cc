#include "litmus.h"

#include <map>
#include <sstream>

namespace litmus {

std::vector<LitmusTest>& Registry() {
  static std::vector<LitmusTest> tests;
  return tests;
}

namespace {

std::map<std::string, int64_t> ParseOutcome(const std::string& outcome) {
  std::map<std::string, int64_t> values;
  std::istringstream in(outcome);
  std::string item;
  while (in >> item) {
    const auto eq = item.rfind('=');
    if (eq == std::string::npos) continue;
    values[item.substr(0, eq)] = std::stoll(item.substr(eq + 1));
  }
  return values;
}

}  // namespace

bool Satisfies(const std::vector<Clause>& condition, const std::string& outcome) {
  const auto values = ParseOutcome(outcome);
  for (const Clause& c : condition) {
    const auto it = values.find(c.name);
    if (it == values.end()) return false;
    if ((it->second == c.value) != c.equal) return false;
  }
  return true;
}

std::string ConditionText(const std::vector<Clause>& condition) {
  std::string out;
  for (const Clause& c : condition) {
    if (!out.empty()) out += " /\\ ";
    out += c.name + (c.equal ? "=" : "!=") + std::to_string(c.value);
  }
  return out;
}

Result RunLitmus(const LitmusTest& test, mc::Model model, const mc::Options& base) {
  Result result;
  result.test = &test;
  result.model = model;
  mc::Options options = base;
  options.model = model;
  result.report = mc::check(test.body, options);
  for (const auto& [outcome, count] : result.report.outcomes) {
    if (count > 0 && Satisfies(test.condition, outcome)) result.allowed = true;
  }
  const Expectation* expected = test.Expected(model);
  const Expectation want = expected != nullptr ? *expected : Expectation{};
  std::ostringstream problem;
  if (expected == nullptr) {
    problem << "no expectation under " << mc::ModelName(model);
  } else if (result.report.verdict != mc::Verdict::kOk) {
    problem << "verdict " << mc::VerdictName(result.report.verdict) << " (" << result.report.message
            << "), want ok";
  } else if (result.allowed != want.allowed) {
    problem << "condition " << ConditionText(test.condition) << " is "
            << (result.allowed ? "allowed" : "forbidden") << ", want "
            << (want.allowed ? "allowed" : "forbidden");
  } else if (result.report.executions != want.executions) {
    problem << "executions: got " << result.report.executions << ", want " << want.executions;
  }
  result.problem = problem.str();
  result.pass = result.problem.empty();
  return result;
}

}  // namespace litmus
