// Reads herd7's C litmus format (the subset described in herd_program.h).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "herd/herd_program.h"

namespace herd {

// What is wrong with a .litmus file and where: `file:line:col: message`.
struct ParseError {
  std::string file;
  Pos pos;
  std::string message;
  std::string Where() const;     // "file:line:col"
  std::string ToString() const;  // "file:line:col: message"
};

// Parses `text` (the contents of `file`, which only names it in messages). Never throws on bad
// input: every malformed file gives a ParseError.
std::variant<Program, ParseError> Parse(std::string_view text, const std::string& file);

}  // namespace herd
