// The rehash-state protocol of the bare GoMap under concurrent use (issue: "the rehash state
// flags of GoMap"): small configurations of writers, readers, iterators and clears on one
// GoMap<ModelBackend>, every execution explored and classified: which fatal fired and in which
// thread, an update lost without a fatal, a read or iteration that returned a wrong answer
// without a fatal, a structure left corrupt, or a correct run. The map's fields are plain memory
// racing with coherent word-sized semantics (PlainRaces::kContinueCoherent), RC11.
// Two writers inside a growth already in progress are beyond the search of RC11 graphs; that
// configuration is classified twice: every SC interleaving (the stateful SC search, which counts
// behaviours) and a stated sample of RC11 random runs.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mc/check.h"
#include "mc/report.h"

namespace litmus::go_map {

struct ProtocolCase {
  std::string name;
  std::string setup;    // the map before the threads start
  std::string threads;  // what each thread does
  // Cells per bucket: Go's 8, or 2 where a growth moves cells while another thread races (GoMap's
  // Cells parameter: the same code paths, an evacuation that moves fewer cells). With 8 cells
  // no growth case finished within 10 minutes; with 2, all but two_writers_during_growth do.
  int cells = 8;
  // 0: every execution (the exhaustive search). Otherwise a sample: this many runs of the
  // checker's random walk (kRandom, seed 1: a uniformly random consistent step at each
  // decision), for the one case whose space no search finishes; a run may repeat an execution.
  // The slow ctest run sets MAPCHECK_PROTOCOL_DEEP=1 for 20 times as many.
  uint64_t random_runs = 0;
  bool atomic_flag = false;
  // Every SC interleaving instead of every RC11 execution: the stateful SC search
  // (Strategy::kStatefulSC), whose counts are of behaviours (an end state reached by several
  // interleavings counts once), for the case whose RC11 space no search finishes.
  bool sc_interleavings = false;
};

struct ProtocolResult {
  const ProtocolCase* config = nullptr;
  mc::Report report;
  mc::Model report_model = mc::Model::kRC11;  // the model it was checked under
  bool sampled = false;  // by random runs (the case's own way, unless the caller chose another)
  // Class -> executions: "fatal: <message> (thread N)", "lost update", "wrong read",
  // "stranded write" (C4: a write landed in a bucket no lookup reaches), "corrupt", "correct".
  std::map<std::string, uint64_t> classes;
  // Class -> the replay token of one execution in it.
  std::map<std::string, std::string> witnesses;
  uint64_t Count(const std::string& prefix) const;
  // "protocol/CASE@TOKEN" for the class's witness, as `mapcheck replay` takes it ("" if no
  // execution fell in the class).
  std::string Witness(const std::string& cls) const;
  // "2,218 executions (all)", "17,960 behaviours (every SC interleaving)" or "3,000 random runs
  // (a sample)".
  std::string Explored() const;
  // What the search spent: "2,218 runs, 9 KiB" (its runs of the test, and the most memory the
  // search itself held at once, Report::state_bytes, in KiB rounded up).
  std::string Spent() const;
};

// 20 under MAPCHECK_PROTOCOL_DEEP=1 (the slow ctest run), else 1: the factor on random_runs.
uint64_t SampleScale();

const std::vector<ProtocolCase>& ProtocolCases();
// The case named `name`, or null.
const ProtocolCase* FindProtocolCase(std::string_view name);
// The case's test closure and the options its check runs with (a replay needs both).
std::function<void()> ProtocolBody(const ProtocolCase& c);
mc::Options ProtocolOptions(const ProtocolCase& c);
ProtocolResult RunProtocolCase(const ProtocolCase& c);
// With other options (another search, to hold one to the other).
ProtocolResult RunProtocolCase(const ProtocolCase& c, const mc::Options& options);
// The case named `name` (std::invalid_argument if there is none).
ProtocolResult RunProtocolCase(std::string_view name);

}  // namespace litmus::go_map
