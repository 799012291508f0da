// Runs a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so every target works on any
// compiler:
//   <target>_replay FILE_OR_DIR...     replays inputs (directories recursively): the corpus as a
//                                      regression test (ctest label fuzz-replay)
//   <target>_replay --random N [--seed S] [--max-len L] [--save DIR]
//                                      a burst of N random inputs (mapcheck verify's fuzz
//                                      burst); each input is written to DIR/current-input before
//                                      it runs, so a crash leaves its reproducer there
// A failing input aborts the process with the target's message.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: %s: cannot read the file\n", path.c_str());
    return 1;
  }
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  return 0;
}

bool ParseCount(const char* text, uint64_t& out) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0') return false;
  out = v;
  return true;
}

int RandomBurst(int argc, char** argv) {
  uint64_t runs = 0;
  uint64_t seed = 1;
  uint64_t max_len = 64;
  std::filesystem::path save = std::filesystem::temp_directory_path();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    bool ok = has_value;
    if (a == "--random" && has_value) {
      ok = ParseCount(argv[++i], runs);
    } else if (a == "--seed" && has_value) {
      ok = ParseCount(argv[++i], seed);
    } else if (a == "--max-len" && has_value) {
      ok = ParseCount(argv[++i], max_len) && max_len > 0 && max_len <= (1U << 20);
    } else if (a == "--save" && has_value) {
      save = argv[++i];
    } else {
      ok = false;
    }
    if (!ok) {
      std::fprintf(stderr, "replay: '%s': bad argument (see the usage)\n", a.c_str());
      return 2;
    }
  }
  std::filesystem::create_directories(save);
  const std::filesystem::path current = save / "current-input";
  std::mt19937_64 rng(seed);
  std::printf(
      "random burst: %llu inputs of up to %llu bytes, seed %llu; a crash leaves its input "
      "in %s\n",
      static_cast<unsigned long long>(runs), static_cast<unsigned long long>(max_len),
      static_cast<unsigned long long>(seed), current.c_str());
  std::fflush(stdout);
  std::vector<uint8_t> bytes;
  for (uint64_t r = 0; r < runs; ++r) {
    bytes.resize(1 + rng() % max_len);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
    {
      std::ofstream out(current, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(bytes.data()),
                static_cast<std::streamsize>(bytes.size()));
    }
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  }
  std::filesystem::remove(current);
  std::printf("ran %llu random inputs, none failed\n", static_cast<unsigned long long>(runs));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]).starts_with("--")) return RandomBurst(argc, argv);
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s FILE_OR_DIR...            replay inputs\n"
                 "       %s --random N [--seed S] [--max-len L] [--save DIR]\n"
                 "                                     run N random inputs\n",
                 argv[0], argv[0]);
    return 2;
  }
  int files = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    if (!std::filesystem::exists(arg)) {
      std::fprintf(stderr, "replay: %s: no such file or directory\n", argv[i]);
      return 2;
    }
    if (std::filesystem::is_directory(arg)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(arg)) {
        if (!e.is_regular_file()) continue;
        if (RunFile(e.path()) != 0) return 1;
        ++files;
      }
    } else {
      if (RunFile(arg) != 0) return 1;
      ++files;
    }
  }
  std::printf("replayed %d inputs, none failed\n", files);
  return 0;
}
