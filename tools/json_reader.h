// A JSON reader for what mapcheck itself wrote (`mapcheck merge` reads the reports of shards):
// objects, arrays, strings with their escapes, numbers, true, false, null. A document that is
// not JSON gives an error naming the byte where reading stopped.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mapcheck {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;  // a string's value; a number's digits as written
  std::vector<JsonValue> items;
  std::map<std::string, JsonValue> members;

  // The member `key` of an object, or null.
  const JsonValue* Find(std::string_view key) const;
  // A number written without a fraction or exponent that fits, as an integer.
  std::optional<uint64_t> Unsigned() const;
};

// Parses `text` whole; on a malformed document returns nullopt and sets `error` ("at byte N:
// what was expected").
std::optional<JsonValue> ParseJson(std::string_view text, std::string& error);

}  // namespace mapcheck
