// The conformance `.litmus` files as the build embedded them (litmus/conformance_files.cmake),
// so that `mapcheck check` and the tests need no source tree at run time.
#pragma once

#include <string_view>
#include <vector>

namespace litmus {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree, e.g. "litmus/conformance/CoRR.litmus"
  std::string_view text;
};

// Every file of litmus/conformance/, in file-name order.
const std::vector<EmbeddedFile>& ConformanceFiles();

}  // namespace litmus
