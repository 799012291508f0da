// Straight-line concurrent programs over a few atomic locations, generated at random, for the
// differential test of the explorer against the brute-force enumerator. A program runs under the
// checker (Run) and is enumerated axiomatically (brute_force.h); both describe an execution's
// outcome with the same string.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "mc/memory_order.h"

namespace mc::testing {

struct Op {
  enum class Kind { kLoad, kStore, kFetchAdd, kExchange, kCasStrong, kCasWeak, kFence };
  Kind kind = Kind::kLoad;
  int location = 0;
  int value = 0;     // store / exchange value, fetch_add operand, CAS desired
  int expected = 0;  // CAS
  memory_order order = relaxed;
  memory_order failure = relaxed;  // CAS

  bool Reads() const { return kind != Kind::kStore && kind != Kind::kFence; }
  bool IsCas() const { return kind == Kind::kCasStrong || kind == Kind::kCasWeak; }
};

struct Program {
  int locations = 2;
  std::vector<std::vector<Op>> threads;
  std::string ToString() const;
};

// 2-4 threads, 1-4 operations each, 1-3 locations, mixed orders, fences and RMWs; at most
// `max_writes_per_location` writes to any location keeps brute force affordable.
Program RandomProgram(std::mt19937_64& rng, int max_writes_per_location = 4);

// Runs the program once (call inside mc::check): spawns its threads, then observes, in order,
// every read's value ("t:i"), every CAS's success ("t:iok") and every location's final value
// ("x0", ...).
void RunProgram(const Program& program);

// The value an RMW writes, given the value it read.
int RmwResult(const Op& op, int read_value);

// What a thread does with a value it read: nothing, mc::assume(v != on), MC_ASSERT(v != on), or
// (a load only) spin: read again, with mc::yield() between, while the value read is `on`.
struct Stop {
  enum class Kind { kNone, kAssume, kAssert, kSpin } kind = Kind::kNone;
  int on = 0;
};

// A lock or unlock of one of a program's shared_mutexes, exclusive or shared; or, with
// `semaphore`, an acquire (`lock`) or release of its counting_semaphore.
struct LockOp {
  int mutex = 0;
  bool lock = true;
  bool shared = false;
  bool semaphore = false;
  // A probe: try_lock (or try_lock_shared), observed as "t:tryK" (K counts the thread's probes),
  // and unlocked at once when it succeeded.
  bool probe = false;
};

// A random program whose threads stop on some values and may race on plain memory: location 0
// can be an mc::var. Its threads observe each value as they read it ("t:i"), so the order of the
// observations depends on the interleaving (compare Normalised outcomes). With mutexes, each
// thread may lock and unlock them around its operations (properly nested, all released by its
// end; two mutexes taken in different orders can deadlock).
struct StopProgram {
  Program program;
  bool plain0 = false;  // location 0 is an mc::var (only loads and stores touch it)
  std::vector<std::vector<Stop>> stops;
  int mutexes = 0;
  int permits = -1;  // the semaphore's initial count; -1: none
  // Per thread, what it locks and unlocks before each operation (locks[t][i]) and at its end
  // (locks[t][ops]); empty without mutexes.
  std::vector<std::vector<std::vector<LockOp>>> locks;
  std::string ToString() const;
};

StopProgram RandomStopProgram(std::mt19937_64& rng);
// A random stop program with 1 or 2 mutexes (RandomStopProgram's has none), and one time in
// three a semaphore that some threads release and others acquire.
StopProgram RandomLockProgram(std::mt19937_64& rng);
// A random stop program whose location 0 is plain memory (mc::var) that most of its loads and
// stores race on: the programs where Go's plain-read rule (PlainRaces::kContinueGo) and
// coherent plain memory part.
StopProgram RandomGoPlainProgram(std::mt19937_64& rng);
// A random stop program (no plain memory) in which some loads are spin loops (Stop::kSpin):
// `while (x.load() == on) mc::yield();`, some of which can never end (a livelock, or a graph the
// spin-loop rule cuts short).
StopProgram RandomSpinProgram(std::mt19937_64& rng);
// Runs it once (call inside mc::check).
void RunStopProgram(const StopProgram& s);

// An outcome with its observations sorted (threads observe in the order the path ran them) and a
// finding named without its message (which of two racing accesses opens it depends on the path).
std::string Normalised(const std::string& outcome);
std::map<std::string, uint64_t> Normalised(const std::map<std::string, uint64_t>& outcomes);
// The environment variable `name` as a number (the property tests' sizes and seeds), or
// `fallback` when it is not set.
uint64_t EnvOr(const char* name, uint64_t fallback);

// One line per outcome, for failure messages.
std::string Histogram(const std::map<std::string, uint64_t>& outcomes);

}  // namespace mc::testing
