#include "litmus/litmus_file.h"

#include <charconv>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "herd/herd_run.h"

namespace litmus {
namespace {

std::string_view Trim(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  const size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

std::string KnownKeys() {
  std::string keys = "family, program, counts";
  for (const mc::ModelInfo& m : mc::kModels) keys += ", " + std::string(m.name);
  return keys;
}

// "allowed N" or "forbidden N".
bool ParseExpectation(std::string_view value, Expectation* out) {
  const size_t space = value.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view verdict = value.substr(0, space);
  const std::string_view count = Trim(value.substr(space + 1));
  if (verdict != "allowed" && verdict != "forbidden") return false;
  uint64_t n = 0;
  const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
  if (ec != std::errc() || end != count.data() + count.size() || count.empty()) return false;
  out->allowed = verdict == "allowed";
  out->executions = n;
  return true;
}

// Reads the header comment into `test` (family, program, counts, expected).
std::optional<herd::ParseError> ParseHeader(std::string_view text, const std::string& file,
                                            LitmusTest* test) {
  auto error = [&](int line, int col, std::string message) {
    return herd::ParseError{file, {line, col}, std::move(message)};
  };
  // The header opens on the first non-blank line after the `C NAME` line.
  size_t line_start = text.find('\n');
  line_start = line_start == std::string_view::npos ? text.size() : line_start + 1;
  int line = 2;
  while (line_start < text.size()) {
    const size_t eol = text.find('\n', line_start);
    if (!Trim(text.substr(line_start, eol - line_start)).empty()) break;
    line_start = eol == std::string_view::npos ? text.size() : eol + 1;
    ++line;
  }
  const size_t open = text.find_first_not_of(" \t", line_start);
  if (open == std::string_view::npos || text.substr(open, 2) != "(*") {
    return error(line, 1,
                 "expected the header comment '(* family: ... *)' after the C line "
                 "(litmus/litmus_file.h describes it)");
  }
  const size_t close = text.find("*)", open + 2);
  if (close == std::string_view::npos) return error(line, 1, "unterminated header comment '(*'");
  const int header_line = line;

  // One `key: value` per line, from just after "(*" to just before "*)".
  std::set<std::string, std::less<>> seen;
  for (size_t pos = open + 2; pos <= close; ++line) {
    const size_t eol = std::min(text.find('\n', pos), close);
    const std::string_view entry = Trim(text.substr(pos, eol - pos));
    const int col = static_cast<int>(text.find_first_not_of(" \t", pos) - line_start) + 1;
    if (!entry.empty()) {
      const size_t colon = entry.find(':');
      if (colon == std::string_view::npos) {
        return error(line, col,
                     "expected 'key: value' in the header, got '" + std::string(entry) + "'");
      }
      const std::string key(Trim(entry.substr(0, colon)));
      const std::string_view value = Trim(entry.substr(colon + 1));
      if (!seen.insert(key).second) return error(line, col, "header key '" + key + "' twice");
      if (value.empty()) return error(line, col, "header key '" + key + "' has no value");
      if (key == "family") {
        test->family = value;
      } else if (key == "program") {
        test->program = value;
      } else if (key == "counts") {
        test->counts = value;
      } else if (const mc::ModelInfo* model = mc::FindModel(key)) {
        Expectation e;
        if (!ParseExpectation(value, &e)) {
          return error(line, col,
                       "'" + key + ": " + std::string(value) +
                           "': want 'allowed N' or 'forbidden N' (N executions)");
        }
        test->expected[model->model] = e;
      } else {
        return error(line, col, "unknown header key '" + key + "' (known: " + KnownKeys() + ")");
      }
    }
    if (eol == close) break;
    pos = eol + 1;
    line_start = pos;
  }
  for (const char* required : {"family", "program", "counts"}) {
    if (!seen.contains(required)) {
      return error(header_line, 1, std::string("the header states no '") + required + ":'");
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<LitmusTest, herd::ParseError> ParseLitmusFile(std::string_view text,
                                                           const std::string& file) {
  LitmusTest test;
  test.file = file;
  if (auto e = ParseHeader(text, file, &test)) return *e;
  auto parsed = herd::Parse(text, file);
  if (auto* e = std::get_if<herd::ParseError>(&parsed)) return *e;
  if (std::get<herd::Program>(parsed).filter) {
    return herd::ParseError{file,
                            {1, 1},
                            "a conformance test takes no 'filter': its counts are of every "
                            "consistent execution"};
  }
  auto program = std::make_shared<const herd::Program>(std::get<herd::Program>(std::move(parsed)));
  test.name = program->name;
  test.body = [program, run = herd::Body(*program)] { run(); };
  test.herd = std::move(program);
  return test;
}

}  // namespace litmus
