// mc/relacy.h: Relacy Race Detector's test API on mapcheck's exact engine, so a test written for
// Relacy compiles unchanged (with this header in place of <relacy/relacy.hpp>) and is
// model-checked instead of sampled:
//
//   struct race_test : rl::test_suite<race_test, 2, rl::test_result_data_race> {
//     rl::atomic<int> a;
//     rl::var<int> x;
//     void before() { a($) = 0; x($) = 0; }
//     void thread(unsigned index) { ... x($) = 1; a.store(1, rl::memory_order_relaxed); ... }
//   };
//   bool ok = rl::simulate<race_test>();  // true when the result is the expected one
//
// Mapping (docs/checker.md, "Relacy tests"):
// - test_suite<T, N, expected>: each execution constructs a T, runs before(), invariant(), then
//   thread(0..N-1) on N mc::threads, joins them, runs invariant() and after().
// - rl::var<T> is an mc::var (x($) = v, x($).load(), VAR(x)); rl::atomic<T> an mc::atomic;
//   rl::mutex an mc::mutex; RL_ASSERT is MC_ASSERT; rl::yield / rl::backoff mark spin loops.
// - test_params::search_type: sched_full -> the exhaustive search (our default; Relacy's is the
//   random scheduler), sched_bound -> bounded search with context_bound preemptions,
//   sched_random -> a random walk of iteration_count runs. A random or bounded search that
//   finds nothing reports test_result_success, as Relacy does.
// - The verdict is mapped onto test_result_e; simulate returns whether it equals the suite's
//   expected result, and writes one line (and for an unexpected finding, the counterexample) to
//   params.output_stream.
// Differences: invariant() runs after before() and after the threads, not after every step (a
// weak-memory graph has no single current value between steps); `$` carries
// std::source_location rather than Relacy's debug_info; no rl::signal, rl::event or Windows and
// pthread APIs.
#pragma once

#include <cxxabi.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <source_location>
#include <string>
#include <typeinfo>
#include <vector>

#include "mc/mc.h"

namespace rl {

// Where an access happens: what `$` makes.
struct debug_info {
  std::source_location where = std::source_location::current();
};

using memory_order = std::memory_order;
inline constexpr memory_order mo_relaxed = std::memory_order_relaxed;
inline constexpr memory_order mo_consume = std::memory_order_consume;
inline constexpr memory_order mo_acquire = std::memory_order_acquire;
inline constexpr memory_order mo_release = std::memory_order_release;
inline constexpr memory_order mo_acq_rel = std::memory_order_acq_rel;
inline constexpr memory_order mo_seq_cst = std::memory_order_seq_cst;
inline constexpr memory_order memory_order_relaxed = mo_relaxed;
inline constexpr memory_order memory_order_consume = mo_consume;
inline constexpr memory_order memory_order_acquire = mo_acquire;
inline constexpr memory_order memory_order_release = mo_release;
inline constexpr memory_order memory_order_acq_rel = mo_acq_rel;
inline constexpr memory_order memory_order_seq_cst = mo_seq_cst;

enum test_result_e {
  test_result_success,
  test_result_until_condition_hit,
  test_result_inconsistent_test_suite,
  test_result_user_assert_failed,
  test_result_user_invariant_failed,
  test_result_data_race,
  test_result_access_to_freed_memory,
  test_result_double_free,
  test_result_memory_leak,
  test_result_resource_leak,
  test_result_unitialized_access,
  test_result_deadlock,
  test_result_livelock,
  test_result_recursion_on_nonrecursive_mutex,
  test_result_unlocking_mutex_wo_ownership,
  test_result_destroying_owned_mutex,
};

inline const char* format(test_result_e r) {
  switch (r) {
    case test_result_success:
      return "SUCCESS";
    case test_result_until_condition_hit:
      return "UNTIL CONDITION HIT";
    case test_result_inconsistent_test_suite:
      return "INCONSISTENT TEST SUITE";
    case test_result_user_assert_failed:
      return "USER ASSERT FAILED";
    case test_result_user_invariant_failed:
      return "USER INVARIANT FAILED";
    case test_result_data_race:
      return "DATA RACE";
    case test_result_access_to_freed_memory:
      return "ACCESS TO FREED MEMORY";
    case test_result_double_free:
      return "DOUBLE FREE";
    case test_result_memory_leak:
      return "MEMORY LEAK";
    case test_result_resource_leak:
      return "RESOURCE LEAK";
    case test_result_unitialized_access:
      return "UNINITIALIZED ACCESS";
    case test_result_deadlock:
      return "DEADLOCK";
    case test_result_livelock:
      return "LIVELOCK";
    case test_result_recursion_on_nonrecursive_mutex:
      return "RECURSION ON NON-RECURSIVE MUTEX";
    case test_result_unlocking_mutex_wo_ownership:
      return "UNLOCKING MUTEX W/O OWNERSHIP";
    case test_result_destroying_owned_mutex:
      return "DESTROYING OWNED MUTEX";
  }
  return "?";
}

enum scheduler_type_e { sched_random, sched_bound, sched_full };

struct test_params {
  // input
  unsigned long long iteration_count = 1000;  // sched_random: runs
  std::ostream* output_stream = &std::cout;
  std::ostream* progress_stream = &std::cout;  // unused: see mc::Options::progress
  scheduler_type_e search_type = sched_full;   // Relacy's default is sched_random
  unsigned context_bound = 1;                  // sched_bound: preemptions
  mc::Model model = mc::Model::kRC11;          // ours
  // output
  test_result_e test_result = test_result_success;
  unsigned long long stop_iteration = 0;  // executions explored
  std::string test_name;
  mc::Report report;  // ours: the full report
};

// Plain shared memory: x($) = v, T v = x($), x($).load(), x($).store(v).
template <class T>
class var {
 public:
  var() = default;
  var(const var&) = delete;
  var& operator=(const var&) = delete;

  class proxy {
   public:
    proxy(var& v, std::source_location where) : v_(v), where_(where) {}
    T load() const { return v_.v_.load(where_); }
    void store(T value) { v_.v_.store(value, where_); }
    operator T() const { return load(); }  // NOLINT(google-explicit-constructor)
    proxy& operator=(T value) {
      store(value);
      return *this;
    }
    proxy& operator=(const proxy& other) {
      store(other.load());
      return *this;
    }
    proxy& operator+=(T d) { return *this = static_cast<T>(load() + d); }
    proxy& operator-=(T d) { return *this = static_cast<T>(load() - d); }
    proxy& operator++() { return *this += T{1}; }
    proxy& operator--() { return *this -= T{1}; }

   private:
    var& v_;
    std::source_location where_;
  };
  proxy operator()(debug_info info) { return proxy(*this, info.where); }

 private:
  mc::var<T> v_;
};

// An atomic: the std::atomic interface (each call may end with `$`), and a($) for Relacy's proxy
// spelling (a($) = v, a($).load(order)).
template <class T>
class atomic {
 public:
  atomic() = default;
  explicit atomic(T initial) : a_(initial) {}
  atomic(const atomic&) = delete;
  atomic& operator=(const atomic&) = delete;

  T load(memory_order order = mo_seq_cst, debug_info info = {}) const {
    return a_.load(order, info.where);
  }
  void store(T value, memory_order order = mo_seq_cst, debug_info info = {}) {
    a_.store(value, order, info.where);
  }
  T exchange(T value, memory_order order = mo_seq_cst, debug_info info = {}) {
    return a_.exchange(value, order, info.where);
  }
  T fetch_add(T d, memory_order order = mo_seq_cst, debug_info info = {}) {
    return a_.fetch_add(d, order, info.where);
  }
  T fetch_sub(T d, memory_order order = mo_seq_cst, debug_info info = {}) {
    return a_.fetch_sub(d, order, info.where);
  }
  bool compare_exchange_strong(T& expected, T desired, memory_order order = mo_seq_cst,
                               debug_info info = {}) {
    return a_.compare_exchange_strong(expected, desired, order, FailureOrder(order), info.where);
  }
  bool compare_exchange_weak(T& expected, T desired, memory_order order = mo_seq_cst,
                             debug_info info = {}) {
    return a_.compare_exchange_weak(expected, desired, order, FailureOrder(order), info.where);
  }

  class proxy {
   public:
    proxy(atomic& a, std::source_location where) : a_(a), where_(where) {}
    T load(memory_order order = mo_seq_cst) const { return a_.load(order, {where_}); }
    void store(T value, memory_order order = mo_seq_cst) { a_.store(value, order, {where_}); }
    T exchange(T value, memory_order order = mo_seq_cst) {
      return a_.exchange(value, order, {where_});
    }
    T fetch_add(T d, memory_order order = mo_seq_cst) { return a_.fetch_add(d, order, {where_}); }
    T fetch_sub(T d, memory_order order = mo_seq_cst) { return a_.fetch_sub(d, order, {where_}); }
    bool compare_exchange_strong(T& expected, T desired, memory_order order = mo_seq_cst) {
      return a_.compare_exchange_strong(expected, desired, order, {where_});
    }
    bool compare_exchange_weak(T& expected, T desired, memory_order order = mo_seq_cst) {
      return a_.compare_exchange_weak(expected, desired, order, {where_});
    }
    operator T() const { return load(); }  // NOLINT(google-explicit-constructor)
    proxy& operator=(T value) {
      store(value);
      return *this;
    }

   private:
    atomic& a_;
    std::source_location where_;
  };
  proxy operator()(debug_info info) { return proxy(*this, info.where); }

 private:
  static memory_order FailureOrder(memory_order order) {
    if (order == mo_acq_rel) return mo_acquire;
    if (order == mo_release) return mo_relaxed;
    return order;
  }
  mc::atomic<T> a_;
};

// Relacy's free fence: rl::atomic_thread_fence(order, $).
inline void atomic_thread_fence(memory_order order, debug_info info = {}) {
  mc::fence(order, info.where);
}

class mutex {
 public:
  mutex() = default;
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;
  void lock(debug_info info = {}) { m_.lock(info.where); }
  bool try_lock(debug_info info = {}) { return m_.try_lock(info.where); }
  void unlock(debug_info info = {}) { m_.unlock(info.where); }

 private:
  mc::mutex m_;
};

// One iteration of a spin loop (Relacy: rl::yield(count, $), rl::backoff).
inline void yield(unsigned /*count*/ = 1, debug_info info = {}) { mc::yield(info.where); }
class backoff {
 public:
  void yield(debug_info info = {}) { mc::yield(info.where); }
};

template <class Derived, unsigned ThreadCount, test_result_e Expected = test_result_success>
struct test_suite {
  static constexpr unsigned static_thread_count = ThreadCount;
  static constexpr test_result_e expected_result = Expected;
  void before() {}
  void after() {}
  void invariant() {}
};

namespace detail {

inline std::string Demangle(const char* name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> out(abi::__cxa_demangle(name, nullptr, nullptr, &status),
                                             std::free);
  return status == 0 && out ? std::string(out.get()) : std::string(name);
}

inline test_result_e ResultOf(const mc::Report& r, bool in_invariant) {
  switch (r.verdict) {
    case mc::Verdict::kOk:
    case mc::Verdict::kBudgetExhausted:  // nothing found within the search
      return test_result_success;
    case mc::Verdict::kAssertionFailed:
    case mc::Verdict::kGoMapFatal:
      return in_invariant ? test_result_user_invariant_failed : test_result_user_assert_failed;
    case mc::Verdict::kDataRace:
      return test_result_data_race;
    case mc::Verdict::kDeadlock:
      return test_result_deadlock;
    case mc::Verdict::kLivelock:
      return test_result_livelock;
    case mc::Verdict::kUsageError:
      if (r.message.find("already holds") != std::string::npos) {
        return test_result_recursion_on_nonrecursive_mutex;
      }
      if (r.message.find("on the mutex constructed at") != std::string::npos) {
        return test_result_unlocking_mutex_wo_ownership;
      }
      if (r.message.find("was destroyed while thread") != std::string::npos) {
        return test_result_destroying_owned_mutex;
      }
      return test_result_inconsistent_test_suite;
    case mc::Verdict::kNondeterministic:
      return test_result_inconsistent_test_suite;
  }
  return test_result_inconsistent_test_suite;
}

}  // namespace detail

// Model-checks suite T under params; true when the result is T's expected one.
template <class T>
bool simulate(test_params& params) {
  bool in_invariant = false;  // the last run stopped inside invariant()
  auto run_invariant = [&in_invariant](T& suite) {
    in_invariant = true;
    suite.invariant();
    in_invariant = false;
  };
  const auto test = [&] {
    in_invariant = false;
    auto suite = std::make_unique<T>();
    suite->before();
    run_invariant(*suite);
    std::vector<std::unique_ptr<mc::thread>> threads;
    for (unsigned i = 0; i < T::static_thread_count; ++i) {
      threads.push_back(std::make_unique<mc::thread>([&suite, i] { suite->thread(i); }));
    }
    for (auto& t : threads) t->join();
    run_invariant(*suite);
    suite->after();
  };
  mc::Options options{.model = params.model};
  if (params.search_type == sched_bound) {
    options.strategy = mc::Strategy::kBounded;
    options.preemption_bound = params.context_bound;
  } else if (params.search_type == sched_random) {
    options.strategy = mc::Strategy::kRandom;
    options.max_executions = params.iteration_count;
  }
  params.report = mc::check(test, options);
  params.test_result = detail::ResultOf(params.report, in_invariant);
  params.stop_iteration = params.report.executions;
  params.test_name = detail::Demangle(typeid(T).name());
  const bool as_expected = params.test_result == T::expected_result;
  if (params.output_stream != nullptr) {
    *params.output_stream << params.test_name << ": " << format(params.test_result)
                          << (as_expected ? " (as expected), " : " (expected ")
                          << (as_expected ? "" : std::string(format(T::expected_result)) + "), ")
                          << params.report.executions << " executions"
                          << (params.report.exhaustive ? ", exhaustive" : "") << "\n";
    if (!as_expected && params.test_result != test_result_success) {
      *params.output_stream << params.report.ToString();
    }
  }
  return as_expected;
}

template <class T>
bool simulate() {
  test_params params;
  return simulate<T>(params);
}

}  // namespace rl

// Relacy's spellings. `$` needs a compiler that accepts '$' in identifiers (GCC and Clang do;
// -Wpedantic warns, so files using it turn that off).
#define $ (::rl::debug_info{std::source_location::current()})
#define RL_ASSERT(x) MC_ASSERT(x)
#define VAR(x) x($)
#define VAR_T(T) ::rl::var<T>
