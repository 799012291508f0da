#include "race_detector.h"

#include <sstream>

#include "source_text.h"

namespace mc::internal {
namespace {

uintptr_t FileKey(const std::source_location& where) {
  return reinterpret_cast<uintptr_t>(where.file_name());
}

}  // namespace

bool RaceDetector::AnyFrom(const ExecutionGraph& g, uint32_t first_new) {
  bool races = false;
  ForEach(g, first_new, [&](uint32_t, uint32_t) {
    races = true;
    return false;
  });
  return races;
}

std::string RaceDetector::Describe(const ExecutionGraph& g, uint32_t a, uint32_t b) {
  const Event& other = g[a];
  const Event& e = g[b];
  std::ostringstream msg;
  msg << "data race on " << g.LocationLabel(e.location) << ": "
      << (other.IsWrite() ? "write" : "read") << " by thread " << other.thread << " at "
      << SourceText(other.where) << " and " << (e.IsWrite() ? "write" : "read") << " by thread "
      << e.thread << " at " << SourceText(e.where) << " are not ordered by happens-before";
  return msg.str();
}

void RaceDetector::Record(const ExecutionGraph& g, uint32_t a, uint32_t b) {
  const Event& other = g[a];
  const Event& e = g[b];
  sites_.try_emplace(Site{e.location, FileKey(other.where), other.where.line(), other.IsWrite(),
                          FileKey(e.where), e.where.line(), e.IsWrite()},
                     a, b);
}

std::set<std::string> RaceDetector::Sites(const ExecutionGraph& g) const {
  std::set<std::string> out;
  for (const auto& [site, pair] : sites_) {
    const Event& other = g[pair.first];
    const Event& e = g[pair.second];
    out.insert(g.LocationLabel(site.location) + ": " + (other.IsWrite() ? "write " : "read ") +
               SourceText(other.where) + " / " + (e.IsWrite() ? "write " : "read ") +
               SourceText(e.where));
  }
  return out;
}

}  // namespace mc::internal
