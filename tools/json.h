// A small JSON writer for the command's --json reports: values are built as text, objects keep
// their keys in insertion order.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mapcheck {

inline std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

class JsonObject {
 public:
  JsonObject& Add(std::string_view key, std::string_view value) {
    return Raw(key, JsonString(value));
  }
  JsonObject& Add(std::string_view key, const char* value) { return Raw(key, JsonString(value)); }
  JsonObject& Add(std::string_view key, const std::string& value) {
    return Raw(key, JsonString(value));
  }
  JsonObject& Add(std::string_view key, bool value) { return Raw(key, value ? "true" : "false"); }
  JsonObject& Add(std::string_view key, uint64_t value) { return Raw(key, std::to_string(value)); }
  JsonObject& Add(std::string_view key, int64_t value) { return Raw(key, std::to_string(value)); }
  JsonObject& Add(std::string_view key, int value) { return Raw(key, std::to_string(value)); }
  JsonObject& Add(std::string_view key, double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return Raw(key, buf);
  }
  // `json` is already a JSON value (an object's or array's ToString()).
  JsonObject& Raw(std::string_view key, std::string json) {
    fields_.emplace_back(std::string(key), std::move(json));
    return *this;
  }
  std::string ToString() const {
    std::string out = "{";
    for (size_t i = 0; i < fields_.size(); ++i) {
      out += (i == 0 ? "" : ", ") + JsonString(fields_[i].first) + ": " + fields_[i].second;
    }
    return out + "}";
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// An array of JSON values, one per line when `multiline`.
inline std::string JsonArray(const std::vector<std::string>& values, bool multiline = false) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    out += (i == 0 ? "" : ",") + std::string(multiline ? "\n  " : (i == 0 ? "" : " ")) + values[i];
  }
  return out + (multiline && !values.empty() ? "\n]" : "]");
}

}  // namespace mapcheck
