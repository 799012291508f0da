#include "fuzz_burst.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mapcheck {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::vector<BurstResult> FuzzBurst(const models::MapRow& map, unsigned long long inputs) {
  const std::string name(map.name);
  const fs::path bin = fs::path(MAPCHECK_BINARY_DIR) / "fuzz";
  const fs::path work = fs::path(MAPCHECK_BINARY_DIR) / "verify-burst" / name;
  std::vector<BurstResult> results;
  for (const models::FuzzKind& kind : models::kFuzzKinds) {
    if ((map.fuzz_kinds & kind.bit) == 0) continue;
    BurstResult r;
    r.target = models::FuzzTargetName(map, kind);
    r.inputs = inputs;
    const fs::path program = bin / (r.target + "_replay");
    if (!fs::exists(program)) {
      results.push_back(r);
      continue;
    }
    r.ran = true;
    const fs::path save = work / r.target;
    fs::create_directories(save);
    const fs::path log = save / "burst.log";
    const std::string command = "'" + program.string() + "' --random " + std::to_string(inputs) +
                                " --seed 1 --save '" + save.string() + "' > '" + log.string() +
                                "' 2>&1";
    const int status = std::system(command.c_str());
    r.crashed = status != 0;
    if (r.crashed) {
      r.report = ReadAll(log);
      const fs::path kept = save / "crash-input";
      std::error_code ec;
      fs::copy_file(save / "current-input", kept, fs::copy_options::overwrite_existing, ec);
      r.reproducer = ec ? "(lost: " + ec.message() + ")" : kept.string();
    }
    results.push_back(r);
  }
  return results;
}

}  // namespace mapcheck
