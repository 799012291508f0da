#include "litmus/litmus.h"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>

#include "herd/herd_program.h"
#include "litmus/conformance_files.h"
#include "litmus/litmus_file.h"

namespace litmus {

const std::vector<LitmusTest>& Registry() {
  static const std::vector<LitmusTest> tests = [] {
    std::vector<LitmusTest> parsed;
    std::set<std::string> names;
    for (const EmbeddedFile& f : ConformanceFiles()) {
      auto test = ParseLitmusFile(f.text, std::string(f.path));
      // The files were embedded by the build; one that does not read is a defect of the tree,
      // and a registry silently missing it would look like a smaller, passing suite.
      if (auto* e = std::get_if<herd::ParseError>(&test)) {
        std::fprintf(stderr, "mapcheck: %s\n", e->ToString().c_str());
        std::abort();
      }
      LitmusTest& t = parsed.emplace_back(std::get<LitmusTest>(std::move(test)));
      if (!names.insert(t.name).second) {
        std::fprintf(stderr, "mapcheck: %s: a second conformance test named %s\n", t.file.c_str(),
                     t.name.c_str());
        std::abort();
      }
    }
    return parsed;
  }();
  return tests;
}

const LitmusTest* Find(const std::string& name) {
  for (const LitmusTest& t : Registry()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::vector<Twin>& Twins() {
  static std::vector<Twin> twins;
  return twins;
}

bool LitmusTest::Satisfies(const std::string& outcome) const {
  const auto state = herd::ParseState(outcome);
  std::set<std::string> names;
  herd::PropNames(herd->condition, &names);
  for (const std::string& observed : names) {
    if (!state.contains(observed)) return false;
  }
  return herd::Holds(herd->condition, state);
}

Result RunLitmus(const LitmusTest& test, const std::function<void()>& body, mc::Model model,
                 const mc::Options& base) {
  Result result;
  result.test = &test;
  result.model = model;
  mc::Options options = base;
  options.model = model;
  result.report = mc::check(body, options);
  for (const auto& [outcome, count] : result.report.outcomes) {
    if (count > 0 && test.Satisfies(outcome)) result.allowed = true;
  }
  const Expectation* want = test.Expected(model);
  std::ostringstream problem;
  if (want == nullptr) {
    problem << test.file << " states no expectation under " << mc::ModelName(model);
  } else if (result.report.verdict != mc::Verdict::kOk) {
    problem << "verdict " << mc::VerdictName(result.report.verdict) << " (" << result.report.message
            << "), want ok";
  } else if (result.allowed != want->allowed) {
    problem << "condition " << test.ConditionText() << " is "
            << (result.allowed ? "allowed" : "forbidden") << ", want "
            << (want->allowed ? "allowed" : "forbidden");
  } else if (result.report.executions != want->executions) {
    problem << "executions: got " << result.report.executions << ", want " << want->executions;
  }
  result.problem = problem.str();
  result.pass = result.problem.empty();
  return result;
}

}  // namespace litmus
