// Which shards of an N-way split `mapcheck merge` has read: each of 1..N once, of one N.
#pragma once

#include <cstdint>
#include <set>
#include <string>

namespace mapcheck {

class ShardSet {
 public:
  // Adds shard `text` ("I/N") read from `file`; false, with `error` saying why, when it is
  // malformed, of another N than the first file's, out of range or there already.
  bool Add(const std::string& text, const std::string& file, std::string& error) {
    const size_t slash = text.find('/');
    uint32_t index = 0;
    uint32_t count = 0;
    try {
      index = static_cast<uint32_t>(std::stoul(text.substr(0, slash)));
      count = static_cast<uint32_t>(std::stoul(text.substr(slash + 1)));
    } catch (const std::exception&) {
      error = "bad shard '" + text + "'";
      return false;
    }
    if (seen_.empty()) {
      count_ = count;
      first_file_ = file;
    }
    if (count != count_) {
      error = "shard " + text + ", but " + first_file_ + " has it in " + std::to_string(count_) +
              " shards";
      return false;
    }
    if (index < 1 || index > count || !seen_.insert(index).second) {
      error =
          "shard " + text + (index < 1 || index > count ? " is out of range" : " is there twice");
      return false;
    }
    return true;
  }
  // "shard K/N is missing ..." for the first shard not read, or "" when every one was.
  std::string Missing() const {
    for (uint32_t k = 1; k <= count_; ++k) {
      if (seen_.count(k) == 0) {
        return "shard " + std::to_string(k) + "/" + std::to_string(count_) +
               " is missing (none of the files has it)";
      }
    }
    return "";
  }
  uint32_t count() const { return count_; }

 private:
  std::set<uint32_t> seen_;  // 1-based
  uint32_t count_ = 0;
  std::string first_file_;
};

}  // namespace mapcheck
