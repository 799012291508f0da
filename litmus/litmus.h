// The conformance litmus tests: one `.litmus` file each in litmus/conformance/, the single source
// of a test's program, outcome condition and expected verdict and execution count per memory
// model. The build compiles the files in (litmus/conformance_files.cmake), so `mapcheck check`
// and the tests need no source tree at run time. The file format is herd7's C litmus format with
// a header comment that herd7 ignores; litmus_file.h describes it.
//
// Some tests also have a C++ twin (litmus/memory_model/): the same program written directly
// against mc::atomic and mc::var. The twins are a deliberate independent cross-check of the herd
// front end (parser and interpreter); conformance_test holds each twin to its file.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "herd/herd_program.h"
#include "mc/mc.h"

namespace litmus {

struct Expectation {
  bool allowed = false;     // some execution satisfies the condition
  uint64_t executions = 0;  // distinct consistent complete executions (rf and mo)
};

struct LitmusTest {
  std::string name;     // herd name, the file's `C NAME` line, e.g. "MP+rel+acq"
  std::string file;     // where it was read from, e.g. "litmus/conformance/MP+rel+acq.litmus"
  std::string family;   // the shape family, e.g. "message passing"
  std::string program;  // the threads in the compact notation of docs/conformance.md
  std::string counts;   // where the expected counts come from, e.g. "GenMC v0.9"
  std::map<mc::Model, Expectation> expected;  // per model the file states
  std::shared_ptr<const herd::Program> herd;  // the program itself
  std::function<void()> body;                 // herd::Body(*herd)

  // The expectation under `model`, or nullptr when the file states none for it (a model added to
  // mc::kModels has none until its expectations are derived and written down).
  const Expectation* Expected(mc::Model model) const {
    const auto it = expected.find(model);
    return it == expected.end() ? nullptr : &it->second;
  }
  // Whether an outcome ("0:r0=1 x=2 ...", as the body observes) satisfies the condition. A name
  // the condition uses but the outcome lacks makes it false: a body that forgot to observe a
  // register must not pass for one that read 0.
  bool Satisfies(const std::string& outcome) const;
  // The condition as herd writes it, e.g. "1:r0=1 /\ 1:r1=0".
  std::string ConditionText() const { return herd::PropText(herd->condition); }
};

// Every conformance test, in file-name order.
const std::vector<LitmusTest>& Registry();
const LitmusTest* Find(const std::string& name);

// A C++ twin: the program of the conformance test `name`, written against mc:: types, observing
// the registers and locations the file's condition names.
struct Twin {
  std::string name;
  std::function<void()> body;
};
std::vector<Twin>& Twins();
struct RegisterTwin {
  explicit RegisterTwin(Twin twin) { Twins().push_back(std::move(twin)); }
};

// The result of running one body of `test` under one model, compared with the file.
struct Result {
  const LitmusTest* test = nullptr;
  mc::Model model = mc::Model::kRC11;
  mc::Report report;
  bool allowed = false;
  bool pass = false;
  std::string problem;  // why it does not pass, with got/want
};
// Runs `body` (the test's own, or a twin's) under `model`.
Result RunLitmus(const LitmusTest& test, const std::function<void()>& body, mc::Model model,
                 const mc::Options& base = {});
inline Result RunLitmus(const LitmusTest& test, mc::Model model, const mc::Options& base = {}) {
  return RunLitmus(test, test.body, model, base);
}

// Spawns one mc::thread per function and joins them all.
template <class... F>
void Threads(F&&... bodies) {
  std::array<mc::thread, sizeof...(F)> threads{mc::thread(std::forward<F>(bodies))...};
  for (auto& t : threads) t.join();
}

}  // namespace litmus
