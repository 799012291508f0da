// Reads one conformance test from its `.litmus` file: a herd7 C litmus test whose header comment,
// right after the `C NAME` line, states what herd7 cannot (herd7 itself skips the comment):
//
//   C MP+rel+acq
//   (* family: message passing
//      program: x.store(1,rlx); y.store(1,rel) || r0=y.load(acq); r1=x.load(rlx)
//      rc11: forbidden 3
//      sc: forbidden 3
//      counts: brute force *)
//
// One `key: value` per line. `family` (the shape family the tables group by), `program` (the
// threads in docs/conformance.md's compact notation, "||" between threads) and `counts` (where the
// expected counts come from) are required. Each memory model, by its name in mc::kModels, may have
// a line `allowed N` or `forbidden N`: whether some consistent execution satisfies the condition,
// and how many consistent executions there are. A model without a line has no expectation, and
// says so when the test runs under it.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "herd/herd_parser.h"
#include "litmus/litmus.h"

namespace litmus {

// Parses `text` (the contents of `file`, which only names it in messages and in the test).
// Errors, header or herd program, are `file:line:col: message`; none throws.
std::variant<LitmusTest, herd::ParseError> ParseLitmusFile(std::string_view text,
                                                           const std::string& file);

}  // namespace litmus
