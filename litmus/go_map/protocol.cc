#include "litmus/go_map/protocol.h"

#include <cstdlib>
#include <functional>
#include <regex>
#include <stdexcept>
#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/go_map/go_map.h"

namespace litmus::go_map {
namespace {

// Cells per bucket: Go's 8, or the checker's reduced 2 (GoMap's Cells parameter) for the cases
// where a growth moves cells while another thread races.
template <int Cells>
using Map = models::GoMap<models::ModelBackend, int64_t, int64_t, Cells>;

uint64_t IdentityHash(uint64_t key, uint32_t /*seed*/) { return key; }
// A key with tophash i + 1 that the identity hash puts in `bucket`.
int64_t KeyIn(int64_t i, int64_t bucket) { return (i + 1) << 56 | bucket; }

// Observations every case records after the threads: whether each written key is there, whether
// the readers saw what was there all along, and the structure's health.
struct Probe {
  std::vector<int64_t> written;  // keys a writer stored (value = key % 1000 + 1)
  bool reads_ok = true;          // every read/iteration consistent with the preloaded keys
};

template <int Cells>
void Finish(Map<Cells>& m, const Probe& p, bool cleared) {
  int64_t lost = 0;
  for (int64_t k : p.written) {
    int64_t v = 0;
    if (!m.Load(k, &v) && !cleared) ++lost;
  }
  mc::observe("lost", lost);
  mc::observe("reads_ok", p.reads_ok ? 1 : 0);
  mc::observe("stranded", static_cast<int64_t>(m.StrandedKeys().size()));
  mc::observe("intact", m.CheckInvariants().empty() ? 1 : 0);
}

// The body of each case, by name.
template <int Cells>
std::function<void()> Body(const ProtocolCase& c) {
  using Map = go_map::Map<Cells>;
  const bool atomic = c.atomic_flag;
  // The same two stores: with 8 cells, key 100 leaves room for both; with 2, the second new key
  // starts a growth (two_writers_across_a_growth).
  if (c.name == "two_writers" || c.name == "two_writers_atomic_flag" ||
      c.name == "two_writers_across_a_growth") {
    return [atomic] {
      Map m(models::GoMapConfig{.hint = 1, .atomic_writing_flag = atomic});
      m.Store(100, 1);
      Probe p{{1, 2}};
      mc::thread a([&] { m.Store(1, 2); });
      mc::thread b([&] { m.Store(2, 3); });
      a.join();
      b.join();
      Finish(m, p, false);
    };
  }
  if (c.name == "writer_vs_reader") {
    return [] {
      Map m(models::GoMapConfig{.hint = 1});
      m.Store(100, 1);
      Probe p{{1}};
      mc::thread w([&] { m.Store(1, 2); });
      mc::thread r([&] {
        int64_t v = 0;
        p.reads_ok = m.Load(100, &v) && v == 1;
      });
      w.join();
      r.join();
      Finish(m, p, false);
    };
  }
  if (c.name == "writer_vs_iterator") {
    return [] {
      Map m(models::GoMapConfig{.hint = 1});
      m.Store(100, 1);
      m.Store(101, 1);
      Probe p{{1}};
      mc::thread w([&] { m.Store(1, 2); });
      mc::thread it([&] {
        int seen100 = 0, seen101 = 0;
        m.Range([&](int64_t k, int64_t) {
          seen100 += k == 100;
          seen101 += k == 101;
          return true;
        });
        p.reads_ok = seen100 == 1 && seen101 == 1;
      });
      w.join();
      it.join();
      Finish(m, p, false);
    };
  }
  if (c.name == "clear_vs_write") {
    return [] {
      Map m(models::GoMapConfig{.hint = 1});
      m.Store(100, 1);
      Probe p{{1}};
      mc::thread cl([&] { m.Clear(); });
      mc::thread w([&] { m.Store(1, 2); });
      cl.join();
      w.join();
      int64_t v = 0;
      p.reads_ok = !m.Load(100, &v);  // the preloaded key is gone after the Clear
      Finish(m, p, true);
    };
  }
  if (c.name.starts_with("two_writers_during_growth")) {
    // B = 2 and 6 keys; the 7th starts a doubling, and its growWork evacuates old buckets 0 and
    // 1 (nevacuate = 2). Old buckets 2 and 3 still hold a key each when the writers start, so
    // each writer's growWork evacuates its own old bucket and then old bucket nevacuate: both
    // can evacuate the same bucket, and either can end the growth.
    // Beyond the search of execution graphs: with 2 cells per bucket (the least with the same
    // code paths) and 4 old buckets (the least that leaves a growth in progress after a write:
    // every write evacuates two), a 20-minute exhaustive run explored 2,170,808 executions and
    // estimated the share of the search tree done at ~0%; under SC, or with a preemption bound
    // of 1, or with one old bucket left, no better. Each writer makes ~100 accesses, ~25 of them
    // writes to fields and cells the other also writes (both evacuate the same buckets), so the
    // orders of those writes alone number in the millions; but the two write the same values
    // (nevacuate 3 then 4, oldbuckets nil, the same evacuation marks), so most orders leave the
    // same state. The stateful SC search merges them (1,441,327 states) and classifies every SC
    // interleaving (two_writers_during_growth_sc). Under RC11 the case takes a seeded random
    // walk (two_writers_during_growth), whose runs spread over the whole tree. The optimal search
    // (one run per execution since classified fatals stop only their thread) explored 1,613,001
    // executions in 10 minutes on one core, in 108 KiB, and had not finished (2026-12-03).
    return [] {
      Map m(models::GoMapConfig{.hint = 6, .hasher = &IdentityHash});
      m.Store(KeyIn(0, 0), 1);
      m.Store(KeyIn(1, 4), 1);
      m.Store(KeyIn(2, 1), 1);
      m.Store(KeyIn(3, 5), 1);
      m.Store(KeyIn(4, 2), 1);
      m.Store(KeyIn(5, 7), 1);
      m.Store(KeyIn(6, 0), 1);
      MC_ASSERT(m.Growing() && m.BucketsLog2() == 3);
      Probe p{{KeyIn(7, 6), KeyIn(8, 3)}};
      mc::thread a([&] { m.Store(KeyIn(7, 6), 2); });  // old bucket 2, new bucket 6 (Y)
      mc::thread b([&] { m.Store(KeyIn(8, 3), 3); });  // old bucket 3, new bucket 3 (X)
      a.join();
      b.join();
      Finish(m, p, false);
    };
  }
  if (c.name == "growing_writer_vs_reader") {
    return [] {
      Map m(models::GoMapConfig{.hint = 1});
      for (int64_t k = 1; k <= Cells; ++k) m.Store(k, 1);  // full: the next new key grows
      Probe p{{100}};
      mc::thread w([&] { m.Store(100, 2); });  // starts and finishes a growth
      mc::thread r([&] {
        int64_t v = 0;
        p.reads_ok = m.Load(1, &v) && v == 1;
      });
      w.join();
      r.join();
      Finish(m, p, false);
    };
  }
  // same_size_growth_vs_reader: B = 1; bucket 0 gets an overflow bucket and is emptied, bucket 1
  // gets the second overflow bucket and keeps Cells keys (count low enough that the load factor
  // does not trigger), so the next new key starts a same-size growth while a reader looks up
  // the key in bucket 1's overflow bucket.
  return [] {
    Map m(models::GoMapConfig{.hint = Cells + 1, .hasher = &IdentityHash});
    for (int64_t i = 0; i <= Cells; ++i) m.Store(KeyIn(i, 0), 1);
    for (int64_t i = 0; i <= Cells; ++i) m.Delete(KeyIn(i, 0));
    for (int64_t i = 0; i <= Cells; ++i) m.Store(KeyIn(i, 1), 1);
    m.Delete(KeyIn(0, 1));
    MC_ASSERT(m.BucketsLog2() == 1 && m.OverflowBuckets() == 2);
    Probe p{{KeyIn(20, 1)}};
    mc::thread w([&] { m.Store(KeyIn(20, 1), 2); });
    mc::thread r([&] {
      int64_t v = 0;
      p.reads_ok = m.Load(KeyIn(Cells, 1), &v) && v == 1;
    });
    w.join();
    r.join();
    Finish(m, p, false);
  };
}

}  // namespace

uint64_t ProtocolResult::Count(const std::string& prefix) const {
  uint64_t n = 0;
  for (const auto& [k, v] : classes) n += k.starts_with(prefix) ? v : 0;
  return n;
}

uint64_t SampleScale() {
  const char* deep = std::getenv("MAPCHECK_PROTOCOL_DEEP");
  return deep != nullptr && std::string(deep) == "1" ? 20 : 1;
}

std::string ProtocolResult::Witness(const std::string& cls) const {
  const auto it = witnesses.find(cls);
  return it == witnesses.end() ? "" : "protocol/" + config->name + "@" + it->second;
}

namespace {

// Thousands separated by commas, as the docs print counts.
std::string WithCommas(uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string n;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) n += ',';
    n += digits[i];
  }
  return n;
}

}  // namespace

std::string ProtocolResult::Explored() const {
  const std::string n = WithCommas(report.executions);
  if (sampled) return n + " random runs (a sample)";
  if (config->sc_interleavings) {
    const char* all = report_model == mc::Model::kTSO ? " behaviours (every x86-TSO run)"
                                                      : " behaviours (every SC interleaving)";
    return n + (report.exhaustive ? all : " behaviours (INCOMPLETE)");
  }
  return n + (report.exhaustive ? " executions (all)" : " executions (INCOMPLETE)");
}

std::string ProtocolResult::Spent() const {
  return WithCommas(report.runs) + " runs, " + WithCommas((report.state_bytes + 1023) / 1024) +
         " KiB";
}

const std::vector<ProtocolCase>& ProtocolCases() {
  // Two writers inside a growth: one configuration, under two searches.
  static const char* const kInsideAGrowth =
      "B = 2 → 3 in progress: old buckets 0, 1 evacuated (nevacuate = 2), 2 and 3 hold a key "
      "each; identity hash";
  static const char* const kWritersOfOldBuckets2And3 =
      "T1 stores a new key of old bucket 2, T2 one of old bucket 3";
  static const std::vector<ProtocolCase> cases = {
      {"two_writers", "make(map, 1) holding key 100 (one bucket)", "T1 stores 1, T2 stores 2"},
      {"two_writers_atomic_flag", "as two_writers, hashWriting taken by atomic test-and-set",
       "T1 stores 1, T2 stores 2", 8, 0, true},
      {"writer_vs_reader", "make(map, 1) holding key 100", "T1 stores 1, T2 loads 100"},
      {"writer_vs_iterator", "make(map, 1) holding keys 100, 101", "T1 stores 1, T2 ranges"},
      {"clear_vs_write", "make(map, 1) holding key 100", "T1 clears, T2 stores 1"},
      {"two_writers_across_a_growth",
       "make(map, 1) holding key 100: one free cell, so the second new key starts a growth",
       "T1 stores 1, T2 stores 2", 2},
      {"two_writers_during_growth", kInsideAGrowth, kWritersOfOldBuckets2And3, 2, 3000},  // sampled
      {"two_writers_during_growth_sc", kInsideAGrowth, kWritersOfOldBuckets2And3, 2, 0, false,
       true},  // every SC interleaving
      {"growing_writer_vs_reader", "make(map, 1) holding keys 1, 2 (full)",
       "T1 stores 100 (a growth), T2 loads 1", 2},
      {"same_size_growth_vs_reader",
       "B = 1, identity hash, two overflow buckets (the next new key starts a same-size growth)",
       "T1 stores a new key of bucket 1, T2 loads a key of bucket 1's overflow bucket", 2},
  };
  return cases;
}

const ProtocolCase* FindProtocolCase(std::string_view name) {
  for (const ProtocolCase& c : ProtocolCases()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::function<void()> ProtocolBody(const ProtocolCase& c) {
  switch (c.cells) {
    case 2:
      return Body<2>(c);
    case 4:
      return Body<4>(c);
    case 8:
      return Body<8>(c);
    default:
      throw std::invalid_argument("protocol case " + c.name + ": cells must be 2, 4 or 8, not " +
                                  std::to_string(c.cells));
  }
}

mc::Options ProtocolOptions(const ProtocolCase& c) {
  mc::Options options{.plain_races = mc::PlainRaces::kContinueCoherent, .classify_findings = true};
  if (c.sc_interleavings) {
    options.model = mc::Model::kSC;
    options.strategy = mc::Strategy::kStatefulSC;
  }
  if (c.random_runs != 0) {
    options.strategy = mc::Strategy::kRandom;
    options.seed = 1;
    options.max_executions = c.random_runs * SampleScale();
  }
  return options;
}

ProtocolResult RunProtocolCase(const ProtocolCase& c) {
  return RunProtocolCase(c, ProtocolOptions(c));
}

ProtocolResult RunProtocolCase(const ProtocolCase& c, const mc::Options& options) {
  ProtocolResult r;
  r.config = &c;
  r.report_model = options.model;
  r.sampled = options.strategy == mc::Strategy::kRandom;
  r.report = mc::check(ProtocolBody(c), options);
  static const std::regex fatal(R"(finding=go map fatal: (.*) \(thread (\d+) at)");
  for (const auto& [outcome, count] : r.report.outcomes) {
    std::smatch m;
    std::string cls;
    if (std::regex_search(outcome, m, fatal)) {
      cls = "fatal: " + m[1].str() + " (thread " + m[2].str() + ")";
    } else if (outcome.find("finding=") != std::string::npos) {
      cls = "other finding: " + outcome.substr(outcome.find("finding="));
    } else if (!mc::testing::OutcomeMatches(outcome, "stranded=0")) {
      cls = "stranded write";
    } else if (!mc::testing::OutcomeMatches(outcome, "lost=0")) {
      cls = "lost update";
    } else if (!mc::testing::OutcomeMatches(outcome, "reads_ok=1")) {
      cls = "wrong read";
    } else if (!mc::testing::OutcomeMatches(outcome, "intact=1")) {
      cls = "corrupt";
    } else {
      cls = "correct";
    }
    r.classes[cls] += count;
    r.witnesses.try_emplace(cls, r.report.outcome_tokens.at(outcome));
  }
  return r;
}

ProtocolResult RunProtocolCase(std::string_view name) {
  const ProtocolCase* c = FindProtocolCase(name);
  if (c == nullptr) {
    throw std::invalid_argument("no protocol case named '" + std::string(name) + "'");
  }
  return RunProtocolCase(*c);
}

}  // namespace litmus::go_map
