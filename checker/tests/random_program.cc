#include "random_program.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <sstream>

#include "mc/mc.h"

namespace mc::testing {
namespace {

const char* Short(memory_order o) {
  switch (o) {
    case relaxed:
      return "rlx";
    case consume:
      return "con";
    case acquire:
      return "acq";
    case release:
      return "rel";
    case acq_rel:
      return "ar";
    case seq_cst:
      return "sc";
  }
  return "?";
}

template <class T, size_t N>
T Pick(std::mt19937_64& rng, const std::array<T, N>& options) {
  return options[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

}  // namespace

int RmwResult(const Op& op, int read_value) {
  switch (op.kind) {
    case Op::Kind::kFetchAdd:
      return read_value + op.value;
    case Op::Kind::kExchange:
    case Op::Kind::kCasStrong:
    case Op::Kind::kCasWeak:
      return op.value;
    default:
      return read_value;
  }
}

std::string Program::ToString() const {
  std::ostringstream out;
  for (size_t t = 0; t < threads.size(); ++t) {
    if (t > 0) out << " || ";
    for (size_t i = 0; i < threads[t].size(); ++i) {
      const Op& op = threads[t][i];
      if (i > 0) out << "; ";
      const std::string x = "x" + std::to_string(op.location);
      switch (op.kind) {
        case Op::Kind::kLoad:
          out << x << ".load(" << Short(op.order) << ")";
          break;
        case Op::Kind::kStore:
          out << x << ".store(" << op.value << "," << Short(op.order) << ")";
          break;
        case Op::Kind::kFetchAdd:
          out << x << ".fetch_add(" << op.value << "," << Short(op.order) << ")";
          break;
        case Op::Kind::kExchange:
          out << x << ".exchange(" << op.value << "," << Short(op.order) << ")";
          break;
        case Op::Kind::kCasStrong:
        case Op::Kind::kCasWeak:
          out << x << (op.kind == Op::Kind::kCasWeak ? ".cas_weak(" : ".cas(") << op.expected << ","
              << op.value << "," << Short(op.order) << "," << Short(op.failure) << ")";
          break;
        case Op::Kind::kFence:
          out << "fence(" << Short(op.order) << ")";
          break;
      }
    }
  }
  return out.str();
}

Program RandomProgram(std::mt19937_64& rng, int max_writes_per_location) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  constexpr std::array kLoadOrders{relaxed, acquire, seq_cst};
  constexpr std::array kStoreOrders{relaxed, release, seq_cst};
  constexpr std::array kRmwOrders{relaxed, acquire, release, acq_rel, seq_cst};
  constexpr std::array kFenceOrders{acquire, release, acq_rel, seq_cst};
  constexpr std::array kFailureOrders{relaxed, acquire, seq_cst};
  while (true) {
    Program p;
    p.locations = uniform(1, 3);
    p.threads.resize(static_cast<size_t>(uniform(2, 4)));
    std::vector<int> writes(static_cast<size_t>(p.locations), 0);
    for (auto& thread : p.threads) {
      const int n = uniform(1, 4);
      for (int i = 0; i < n; ++i) {
        Op op;
        op.location = uniform(0, p.locations - 1);
        op.value = uniform(1, 3);
        const int k = uniform(0, 99);
        if (k < 30) {
          op.kind = Op::Kind::kLoad;
          op.order = Pick(rng, kLoadOrders);
        } else if (k < 60) {
          op.kind = Op::Kind::kStore;
          op.order = Pick(rng, kStoreOrders);
        } else if (k < 70) {
          op.kind = Op::Kind::kFetchAdd;
          op.value = 1;
          op.order = Pick(rng, kRmwOrders);
        } else if (k < 77) {
          op.kind = Op::Kind::kExchange;
          op.order = Pick(rng, kRmwOrders);
        } else if (k < 90) {
          op.kind = uniform(0, 1) == 0 ? Op::Kind::kCasStrong : Op::Kind::kCasWeak;
          op.expected = uniform(0, 2);
          op.order = Pick(rng, kRmwOrders);
          op.failure = Pick(rng, kFailureOrders);
        } else {
          op.kind = Op::Kind::kFence;
          op.order = Pick(rng, kFenceOrders);
        }
        if (op.kind != Op::Kind::kLoad && op.kind != Op::Kind::kFence) {
          ++writes[static_cast<size_t>(op.location)];
        }
        thread.push_back(op);
      }
    }
    bool affordable = true;
    for (int w : writes) affordable = affordable && w <= max_writes_per_location;
    if (affordable) return p;
  }
}

void RunProgram(const Program& program) {
  std::vector<std::unique_ptr<mc::atomic<int>>> x;
  for (int i = 0; i < program.locations; ++i) x.push_back(std::make_unique<mc::atomic<int>>(0));
  std::vector<std::vector<int>> read(program.threads.size());
  std::vector<std::vector<int>> ok(program.threads.size());
  std::vector<mc::thread> threads;
  for (size_t t = 0; t < program.threads.size(); ++t) {
    read[t].assign(program.threads[t].size(), -1);
    ok[t].assign(program.threads[t].size(), -1);
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < program.threads[t].size(); ++i) {
        const Op& op = program.threads[t][i];
        mc::atomic<int>& loc = *x[static_cast<size_t>(op.location)];
        switch (op.kind) {
          case Op::Kind::kLoad:
            read[t][i] = loc.load(op.order);
            break;
          case Op::Kind::kStore:
            loc.store(op.value, op.order);
            break;
          case Op::Kind::kFetchAdd:
            read[t][i] = loc.fetch_add(op.value, op.order);
            break;
          case Op::Kind::kExchange:
            read[t][i] = loc.exchange(op.value, op.order);
            break;
          case Op::Kind::kCasStrong:
          case Op::Kind::kCasWeak: {
            int expected = op.expected;
            const bool success =
                op.kind == Op::Kind::kCasWeak
                    ? loc.compare_exchange_weak(expected, op.value, op.order, op.failure)
                    : loc.compare_exchange_strong(expected, op.value, op.order, op.failure);
            read[t][i] = expected;
            ok[t][i] = success ? 1 : 0;
            break;
          }
          case Op::Kind::kFence:
            mc::fence(op.order);
            break;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (size_t t = 0; t < program.threads.size(); ++t) {
    for (size_t i = 0; i < program.threads[t].size(); ++i) {
      const Op& op = program.threads[t][i];
      const std::string name = std::to_string(t) + ":" + std::to_string(i);
      if (op.Reads()) mc::observe(name, read[t][i]);
      if (op.IsCas()) mc::observe(name + "ok", ok[t][i]);
    }
  }
  for (int i = 0; i < program.locations; ++i) {
    mc::observe("x" + std::to_string(i), x[static_cast<size_t>(i)]->load(relaxed));
  }
}

std::string StopProgram::ToString() const {
  std::ostringstream out;
  out << program.ToString() << (plain0 ? "\n  x0 is plain memory" : "");
  for (size_t t = 0; t < stops.size(); ++t) {
    for (size_t i = 0; i < stops[t].size(); ++i) {
      if (stops[t][i].kind == Stop::Kind::kNone) continue;
      const Stop& stop = stops[t][i];
      if (stop.kind == Stop::Kind::kSpin) {
        out << "\n  " << t << ":" << i << " spins while it reads " << stop.on;
        continue;
      }
      out << "\n  after " << t << ":" << i << ": "
          << (stop.kind == Stop::Kind::kAssume ? "assume" : "assert") << "(v != " << stop.on
          << ")";
    }
  }
  if (permits >= 0) out << "\n  s is a counting_semaphore starting at " << permits;
  for (size_t t = 0; t < locks.size(); ++t) {
    for (size_t i = 0; i < locks[t].size(); ++i) {
      for (const LockOp& l : locks[t][i]) {
        out << "\n  " << (i < locks[t].size() - 1 ? "before " : "at the end of ") << t
            << (i < locks[t].size() - 1 ? ":" + std::to_string(i) : "") << ": ";
        if (l.semaphore) {
          out << "s." << (l.lock ? "acquire" : "release") << "()";
        } else if (l.probe) {
          out << "m" << l.mutex << ".try_lock" << (l.shared ? "_shared" : "") << "()";
        } else {
          out << "m" << l.mutex << "." << (l.lock ? "lock" : "unlock") << (l.shared ? "_shared" : "")
              << "()";
        }
      }
    }
  }
  return out.str();
}

StopProgram RandomLockProgram(std::mt19937_64& rng) {
  StopProgram s = RandomStopProgram(rng);
  s.mutexes = 1 + static_cast<int>(rng() % 2);
  for (const auto& ops : s.program.threads) {
    std::vector<std::vector<LockOp>> mine(ops.size() + 1);
    std::vector<LockOp> held;  // innermost last
    for (size_t i = 0; i <= ops.size(); ++i) {
      // Before an operation: perhaps release the innermost hold, perhaps take a mutex not held.
      if (!held.empty() && (i == ops.size() || rng() % 3 == 0)) {
        mine[i].push_back({held.back().mutex, false, held.back().shared});
        held.pop_back();
      }
      if (i < ops.size() && held.empty() && rng() % 4 == 0) {
        mine[i].push_back(LockOp{static_cast<int>(rng() % static_cast<uint64_t>(s.mutexes)), true,
                                 rng() % 3 == 0, false, true});
      }
      if (i < ops.size() && static_cast<int>(held.size()) < s.mutexes && rng() % 2 == 0) {
        int m = static_cast<int>(rng() % static_cast<uint64_t>(s.mutexes));
        if (!held.empty() && held[0].mutex == m) m = 1 - m;
        const LockOp take{m, true, rng() % 3 == 0};
        mine[i].push_back(take);
        held.push_back(take);
      }
    }
    while (!held.empty()) {  // all released by the end, innermost first
      mine.back().push_back({held.back().mutex, false, held.back().shared});
      held.pop_back();
    }
    s.locks.push_back(std::move(mine));
  }
  if (rng() % 3 == 0) {  // a semaphore: each thread perhaps acquires or releases it once
    s.permits = static_cast<int>(rng() % 2);
    for (auto& mine : s.locks) {
      const uint64_t r = rng() % 3;
      if (r == 2) continue;
      auto& at = mine[rng() % mine.size()];
      at.push_back(LockOp{0, r == 0, false, true});  // first of what happens there
      std::rotate(at.begin(), at.end() - 1, at.end());
    }
  }
  return s;
}

StopProgram RandomStopProgram(std::mt19937_64& rng) {
  StopProgram s;
  s.program = RandomProgram(rng, 3);
  s.plain0 = rng() % 2 == 0;
  for (const auto& ops : s.program.threads) {
    for (const Op& op : ops) {
      const bool plain_ok = op.kind == Op::Kind::kLoad || op.kind == Op::Kind::kStore;
      if (op.location == 0 && !plain_ok) s.plain0 = false;
    }
  }
  for (const auto& ops : s.program.threads) {
    s.stops.emplace_back();
    for (const Op& op : ops) {
      Stop stop;
      const uint64_t r = rng() % 6;
      if (op.Reads() && r < 2) stop.kind = r == 0 ? Stop::Kind::kAssume : Stop::Kind::kAssert;
      stop.on = static_cast<int>(rng() % 2);
      s.stops.back().push_back(stop);
    }
  }
  return s;
}

StopProgram RandomGoPlainProgram(std::mt19937_64& rng) {
  StopProgram s = RandomStopProgram(rng);
  s.plain0 = true;
  for (auto& ops : s.program.threads) {
    for (Op& op : ops) {
      if (op.kind == Op::Kind::kFence) continue;
      if (op.kind == Op::Kind::kLoad || op.kind == Op::Kind::kStore) {
        if (rng() % 2 == 0) op.location = 0;  // most accesses race on the plain location
      } else if (op.location == 0) {
        op.kind = Op::Kind::kLoad;  // plain memory takes loads and stores only
      }
    }
  }
  return s;
}

StopProgram RandomSpinProgram(std::mt19937_64& rng) {
  StopProgram s = RandomStopProgram(rng);
  s.plain0 = false;
  for (size_t t = 0; t < s.stops.size(); ++t) {
    for (size_t i = 0; i < s.stops[t].size(); ++i) {
      Stop& stop = s.stops[t][i];
      if (s.program.threads[t][i].kind == Op::Kind::kLoad && rng() % 2 == 0) {
        stop.kind = Stop::Kind::kSpin;
      }
    }
  }
  return s;
}

void RunStopProgram(const StopProgram& s) {
  const Program& p = s.program;
  mc::var<int> plain{0};
  std::vector<std::unique_ptr<mc::atomic<int>>> x;
  for (int i = 0; i < p.locations; ++i) x.push_back(std::make_unique<mc::atomic<int>>(0));
  std::vector<std::unique_ptr<mc::shared_mutex>> m;
  for (int i = 0; i < s.mutexes; ++i) m.push_back(std::make_unique<mc::shared_mutex>());
  std::unique_ptr<mc::counting_semaphore<>> semaphore;
  if (s.permits >= 0) semaphore = std::make_unique<mc::counting_semaphore<>>(s.permits);
  auto sync = [&](size_t t, size_t i) {
    if (s.locks.empty()) return;
    for (size_t k = 0; k < s.locks[t][i].size(); ++k) {
      const LockOp& l = s.locks[t][i][k];
      if (l.semaphore) {
        l.lock ? semaphore->acquire() : semaphore->release();
        continue;
      }
      mc::shared_mutex& mutex = *m[static_cast<size_t>(l.mutex)];
      if (l.probe) {
        const bool took = l.shared ? mutex.try_lock_shared() : mutex.try_lock();
        mc::observe(std::to_string(t) + ":try" + std::to_string(i) + "." + std::to_string(k),
                    took ? 1 : 0);
        if (took) l.shared ? mutex.unlock_shared() : mutex.unlock();
        continue;
      }
      if (l.lock) {
        l.shared ? mutex.lock_shared() : mutex.lock();
      } else {
        l.shared ? mutex.unlock_shared() : mutex.unlock();
      }
    }
  };
  std::vector<mc::thread> threads;
  for (size_t t = 0; t < p.threads.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < p.threads[t].size(); ++i) {
        sync(t, i);
        const Op& op = p.threads[t][i];
        mc::atomic<int>& loc = *x[static_cast<size_t>(op.location)];
        const bool on_plain = s.plain0 && op.location == 0;
        int v = -1;
        const Stop& stop = s.stops[t][i];
        switch (op.kind) {
          case Op::Kind::kLoad:
            v = on_plain ? plain.load() : loc.load(op.order);
            while (stop.kind == Stop::Kind::kSpin && v == stop.on) {
              mc::yield();
              v = loc.load(op.order);
            }
            break;
          case Op::Kind::kStore:
            if (on_plain) {
              plain.store(op.value);
            } else {
              loc.store(op.value, op.order);
            }
            break;
          case Op::Kind::kFetchAdd:
            v = loc.fetch_add(op.value, op.order);
            break;
          case Op::Kind::kExchange:
            v = loc.exchange(op.value, op.order);
            break;
          case Op::Kind::kCasStrong:
          case Op::Kind::kCasWeak: {
            int expected = op.expected;
            (void)(op.kind == Op::Kind::kCasWeak
                       ? loc.compare_exchange_weak(expected, op.value, op.order, op.failure)
                       : loc.compare_exchange_strong(expected, op.value, op.order, op.failure));
            v = expected;
            break;
          }
          case Op::Kind::kFence:
            mc::fence(op.order);
            break;
        }
        if (stop.kind == Stop::Kind::kAssume) mc::assume(v != stop.on);
        if (stop.kind == Stop::Kind::kAssert) MC_ASSERT(v != stop.on);
        mc::observe(std::to_string(t) + ":" + std::to_string(i), v);
      }
      sync(t, p.threads[t].size());
    });
  }
  for (auto& t : threads) t.join();
}

std::string Normalised(const std::string& outcome) {
  std::istringstream in(outcome);
  std::vector<std::string> words;
  std::string word;
  std::string finding;
  while (in >> word) {
    if (word.starts_with("finding=")) {
      finding = outcome.substr(outcome.find("finding="));
      finding = finding.substr(0, finding.find(':'));
      break;
    }
    words.push_back(word);
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) out += w + " ";
  return out + finding;
}

std::map<std::string, uint64_t> Normalised(const std::map<std::string, uint64_t>& outcomes) {
  std::map<std::string, uint64_t> out;
  for (const auto& [outcome, n] : outcomes) out[Normalised(outcome)] += n;
  return out;
}

std::string Histogram(const std::map<std::string, uint64_t>& outcomes) {
  std::ostringstream out;
  for (const auto& [o, c] : outcomes) out << "    " << o << " : " << c << "\n";
  return out.str();
}

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v == nullptr ? fallback : std::strtoull(v, nullptr, 10);
}

}  // namespace mc::testing
