// herd_parser_fuzzer: any bytes given to `mapcheck litmus` parse or give a clean error. A
// ParseError must point inside the text (a line that exists, a column on it); a program that
// parses must run under the checker without an engine error (bounded to 200 executions so one
// input stays fast).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "herd/herd_parser.h"
#include "herd/herd_run.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "herd_parser_fuzzer: %s: %s\n", what, detail.c_str());
  std::abort();
}

size_t StatementCount(const std::vector<herd::Stmt>& body) {
  size_t n = body.size();
  for (const herd::Stmt& s : body) n += StatementCount(s.body) + StatementCount(s.orelse);
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = herd::Parse(text, "input.litmus");
  if (const auto* e = std::get_if<herd::ParseError>(&parsed)) {
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    if (e->message.empty()) Fail("empty parse error message", e->ToString());
    if (e->pos.line < 1 || e->pos.line > lines || e->pos.col < 1) {
      Fail("parse error outside the text", e->ToString());
    }
    return 0;
  }
  const herd::Program& program = std::get<herd::Program>(parsed);
  size_t statements = 0;
  for (const herd::Thread& t : program.threads) statements += StatementCount(t.body);
  if (program.threads.size() > 4 || statements > 24) return 0;  // parsed; too big to run here
  mc::Options options;
  options.max_executions = 200;
  options.max_silent_seconds = 0;
  const herd::Outcome o = herd::Explore(program, options);
  if (o.report.verdict == mc::Verdict::kNondeterministic) {
    Fail("the interpreter is nondeterministic", o.report.ToString());
  }
  uint64_t counted = o.filtered_out;
  for (const herd::State& s : o.states) counted += s.executions;
  if (counted != o.report.executions) {
    Fail("states do not add up to the executions", o.report.ToString());
  }
  return 0;
}
