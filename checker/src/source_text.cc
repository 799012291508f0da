#include "source_text.h"

#include <cstring>

namespace mc::internal {

std::string BaseName(const char* path) {
  if (path == nullptr) return "?";
  const char* slash = std::strrchr(path, '/');
  return slash == nullptr ? path : slash + 1;
}

std::string SourceText(const std::source_location& where) {
  return BaseName(where.file_name()) + ":" + std::to_string(where.line());
}

}  // namespace mc::internal
