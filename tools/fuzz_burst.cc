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

std::vector<BurstResult> FuzzBurst(const std::string& map, unsigned long long inputs) {
  // The checker proves ShardedMap with 2 shards; its fuzz targets are named without the count.
  const std::string base = map == "sharded_map_2" ? "sharded_map" : map;
  const fs::path bin = fs::path(MAPCHECK_BINARY_DIR) / "fuzz";
  const fs::path work = fs::path(MAPCHECK_BINARY_DIR) / "verify-burst" / base;
  std::vector<BurstResult> results;
  for (const char* kind : {"ops", "sched", "concurrent"}) {
    BurstResult r;
    r.target = base + "_" + kind + "_fuzzer";
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
