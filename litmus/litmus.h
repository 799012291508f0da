// A litmus test as data: a herd-style name, the program (a closure using mc:: types), the outcome
// condition, and the expected verdict and execution count per memory model. The registry lets the
// same tests run under GoogleTest (ctest -L litmus) and under `mapcheck check`.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mc/mc.h"

namespace litmus {

// One conjunct of an outcome condition: `name` (an mc::observe name such as "0:r0" or "x")
// equals, or differs from, `value`.
struct Clause {
  std::string name;
  int64_t value = 0;
  bool equal = true;
};

struct Expectation {
  bool allowed = false;     // some execution satisfies the condition
  uint64_t executions = 0;  // distinct consistent complete executions (rf and mo)
};

struct LitmusTest {
  std::string name;     // herd name, e.g. "MP+rel+acq"
  std::string family;   // source file's shape family, e.g. "message passing"
  std::string program;  // the threads, as docs/conformance.md writes them
  std::vector<Clause> condition;
  Expectation rc11;
  Expectation sc;
  std::function<void()> body;

  // The expectation under `model`, or nullptr when the test states none for it (a model added
  // to mc::kModels has none until its expectations are derived and written down).
  const Expectation* Expected(mc::Model model) const {
    switch (model) {
      case mc::Model::kRC11:
        return &rc11;
      case mc::Model::kSC:
        return &sc;
    }
    return nullptr;
  }
};

std::vector<LitmusTest>& Registry();

struct Register {
  explicit Register(LitmusTest test) { Registry().push_back(std::move(test)); }
};

// Whether an outcome ("0:r0=1 x=2 ...") satisfies every clause.
bool Satisfies(const std::vector<Clause>& condition, const std::string& outcome);
std::string ConditionText(const std::vector<Clause>& condition);

// The result of running one test under one model, compared with its expectation.
struct Result {
  const LitmusTest* test = nullptr;
  mc::Model model = mc::Model::kRC11;
  mc::Report report;
  bool allowed = false;
  bool pass = false;
  std::string problem;  // why it does not pass, with got/want
};
Result RunLitmus(const LitmusTest& test, mc::Model model, const mc::Options& base = {});

// Spawns one mc::thread per function and joins them all.
template <class... F>
void Threads(F&&... bodies) {
  std::array<mc::thread, sizeof...(F)> threads{mc::thread(std::forward<F>(bodies))...};
  for (auto& t : threads) t.join();
}

}  // namespace litmus
