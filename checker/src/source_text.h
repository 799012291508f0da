// "file.cc:12" for a source location: the file's base name keeps traces readable.
#pragma once

#include <source_location>
#include <string>

namespace mc::internal {

std::string SourceText(const std::source_location& where);
std::string BaseName(const char* path);

}  // namespace mc::internal
