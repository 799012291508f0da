// The primitives behave as their std counterparts, and their nondeterminism is explored exactly.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::Allowed;
using mc::testing::ExecutionsAre;
using mc::testing::Forbidden;
using mc::testing::VerdictIs;

TEST(Atomic, SingleThreadedOperationsMatchStdAtomic) {
  const mc::Report r = mc::check([] {
    mc::atomic<uint8_t> small{250};
    MC_ASSERT(small.fetch_add(10) == 250);
    MC_ASSERT(small.load() == 4);  // wraps like std::atomic<uint8_t>
    mc::atomic<int> x{5};
    MC_ASSERT(x.exchange(7) == 5);
    MC_ASSERT(x.fetch_sub(2) == 7);
    MC_ASSERT(x.fetch_or(8) == 5);
    MC_ASSERT(x.fetch_and(12) == 13);
    MC_ASSERT(x.fetch_xor(1) == 12);
    MC_ASSERT(x.load() == 13);
    int expected = 1;
    MC_ASSERT(!x.compare_exchange_strong(expected, 2));
    MC_ASSERT(expected == 13);
    MC_ASSERT(x.compare_exchange_strong(expected, 2));
    MC_ASSERT(x.load() == 2);
    MC_ASSERT(++x == 3);
    MC_ASSERT(x++ == 3);
    mc::atomic<int> negative{-1};
    MC_ASSERT(negative.fetch_add(-1) == -1);
    MC_ASSERT(negative.load() == -2);
    int array[4] = {};
    mc::atomic<int*> p{&array[0]};
    MC_ASSERT(p.fetch_add(2) == &array[0]);
    MC_ASSERT(p.load() == &array[2]);
    mc::atomic<bool> flag{false};
    flag.store(true);
    MC_ASSERT(flag.load());
  });
  EXPECT_TRUE(ExecutionsAre(r, 1));
}

TEST(Atomic, WeakCompareExchangeMayFailSpuriously) {
  // Reading the expected value, a weak CAS may still fail: 2 executions, both observed.
  const mc::Report r = mc::check([] {
    mc::atomic<int> x{0};
    int expected = 0;
    const bool ok = x.compare_exchange_weak(expected, 1, mc::relaxed);
    mc::observe("ok", ok ? 1 : 0);
    mc::observe("x", x.load(mc::relaxed));
  });
  EXPECT_TRUE(ExecutionsAre(r, 2));
  EXPECT_TRUE(Allowed(r, "ok=0 x=0"));
  EXPECT_TRUE(Allowed(r, "ok=1 x=1"));
}

TEST(Atomic, StrongCompareExchangeNeverFailsSpuriously) {
  const mc::Report r = mc::check([] {
    mc::atomic<int> x{0};
    int expected = 0;
    mc::observe("ok", x.compare_exchange_strong(expected, 1, mc::relaxed) ? 1 : 0);
  });
  EXPECT_TRUE(ExecutionsAre(r, 1));
  EXPECT_TRUE(Forbidden(r, "ok=0"));
}

TEST(Atomic, CompareExchangeLoopIncrementsExactlyOnce) {
  // Two threads increment with a strong-CAS retry loop: no update is lost.
  const mc::Report r = mc::check([] {
    mc::atomic<int> x{0};
    auto increment = [&] {
      int seen = x.load(mc::relaxed);
      while (!x.compare_exchange_strong(seen, seen + 1, mc::relaxed)) {
      }
    };
    mc::thread a(increment);
    mc::thread b(increment);
    a.join();
    b.join();
    mc::observe("x", x.load(mc::relaxed));
  });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kOk));
  EXPECT_TRUE(Forbidden(r, "x=1"));
  EXPECT_TRUE(Allowed(r, "x=2"));
}

TEST(Choose, EveryValueIsExplored) {
  const mc::Report r = mc::check([] { mc::observe("v", static_cast<int64_t>(mc::choose(3))); });
  EXPECT_TRUE(ExecutionsAre(r, 3));
  EXPECT_TRUE(Allowed(r, "v=0"));
  EXPECT_TRUE(Allowed(r, "v=2"));
}

TEST(Assume, BlockedExecutionsAreCountedApart) {
  const mc::Report r = mc::check([] {
    const auto v = mc::choose(4);
    mc::assume(v % 2 == 0);
    mc::observe("v", static_cast<int64_t>(v));
  });
  EXPECT_TRUE(ExecutionsAre(r, 2));
  EXPECT_EQ(r.blocked, 2u);
  EXPECT_TRUE(Forbidden(r, "v=1"));
}

TEST(Threads, ThreadsMaySpawnThreads) {
  // A child spawns a grandchild; all three increments are ordered by the RMWs: 3! = 6.
  const mc::Report r = mc::check([] {
    mc::atomic<int> x{0};
    mc::thread child([&] {
      mc::thread grandchild([&] { x.fetch_add(1, mc::relaxed); });
      x.fetch_add(1, mc::relaxed);
      grandchild.join();
    });
    x.fetch_add(1, mc::relaxed);
    child.join();
    MC_ASSERT(x.load(mc::relaxed) == 3);
  });
  EXPECT_TRUE(ExecutionsAre(r, 6));
}

TEST(Threads, NIncrementsGiveNFactorialExecutions) {
  for (int n = 1; n <= 5; ++n) {
    const mc::Report r = mc::check([n] {
      mc::atomic<int> x{0};
      std::vector<mc::thread> threads;
      for (int i = 0; i < n; ++i) threads.emplace_back([&] { x.fetch_add(1, mc::relaxed); });
      for (auto& t : threads) t.join();
    });
    uint64_t factorial = 1;
    for (int i = 2; i <= n; ++i) factorial *= static_cast<uint64_t>(i);
    EXPECT_TRUE(ExecutionsAre(r, factorial)) << "n = " << n;
  }
}

TEST(Var, PlainVariableSingleThreaded) {
  const mc::Report r = mc::check([] {
    mc::var<int> v{1};
    v += 2;
    ++v;
    MC_ASSERT(v.load() == 4);
    v = 9;
    MC_ASSERT(v == 9);
  });
  EXPECT_TRUE(ExecutionsAre(r, 1));
}

}  // namespace

namespace {

TEST(Atomic, PointerValuesMayDifferBetweenRunsOfTheSameExecution) {
  // Heap addresses are not replayed: each run allocates at a different address, which must not
  // be mistaken for nondeterminism. Executions: the reader sees null or the pointer: 2.
  int runs = 0;
  const mc::Report r = mc::check([&runs] {
    std::vector<char> shift(static_cast<size_t>(++runs % 7) * 64);  // moves the next allocation
    auto value = std::make_unique<int>(7);
    mc::atomic<int*> published{nullptr};
    mc::thread writer([&] { published.store(value.get(), mc::release); });
    mc::thread reader([&] {
      int* p = published.load(mc::acquire);
      if (p != nullptr) MC_ASSERT(*p == 7);
    });
    writer.join();
    reader.join();
  });
  EXPECT_TRUE(ExecutionsAre(r, 2));
}

// A counterexample names a pointer by what it designates, not by its address (which differs from
// run to run, so two replays of one token would print different text): "null", "&" and the name
// of the mc object it points to, or "ptr#k" for the k-th distinct pointer that points elsewhere.
TEST(Counterexample, NamesPointersByWhatTheyDesignate) {
  static int plain_a = 0;
  static int plain_b = 0;
  const mc::Report r = mc::check([] {
    mc::var<int> target{0, "target"};
    mc::var<mc::var<int>*> to_object{nullptr, "to_object"};
    mc::var<int*> to_plain{nullptr, "to_plain"};
    to_object = &target;
    to_plain = &plain_a;
    to_plain = &plain_b;
    to_plain = &plain_a;
    MC_ASSERT(to_object.load() == nullptr);
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kAssertionFailed));
  ASSERT_TRUE(r.counterexample.has_value());
  std::map<std::string, std::vector<std::string>> shown;  // location -> its events' pointers
  for (const mc::TraceEvent& e : r.counterexample->events) {
    if (e.location == "var to_object" || e.location == "var to_plain") {
      shown[e.location].push_back(e.pointer);
    } else if (e.location == "var target") {
      EXPECT_EQ(e.pointer, "") << "an int is not a pointer";
    }
  }
  EXPECT_EQ(shown["var to_object"],
            (std::vector<std::string>{"null", "&var target", "&var target"}));
  EXPECT_EQ(shown["var to_plain"], (std::vector<std::string>{"null", "ptr#1", "ptr#2", "ptr#1"}));
  const std::string text = r.ToString();
  EXPECT_NE(text.find("write  var to_object  na  wrote &var target"), std::string::npos) << text;
  EXPECT_NE(text.find("read  var to_object  na  read &var target from T0.4"), std::string::npos)
      << text;
  EXPECT_EQ(text.find(std::to_string(reinterpret_cast<uintptr_t>(&plain_a))), std::string::npos)
      << text;
}

}  // namespace

namespace {

TEST(Note, ShowsInTheTraceAndChangesNothingElse) {
  // The same two-thread program with and without a note: the same 2 executions (a note is not a
  // scheduling point), and the failing trace shows the note at its line.
  auto program = [](bool with_note) {
    return [with_note] {
      mc::atomic<int> x{0};
      mc::thread a([&] {
        if (with_note) mc::note("about to store");
        x.store(1);
      });
      mc::thread b([&] { MC_ASSERT(x.load() == 0); });
      a.join();
      b.join();
    };
  };
  const mc::Report plain = mc::check(program(false), {.classify_findings = true});
  const mc::Report noted = mc::check(program(true), {.classify_findings = true});
  EXPECT_EQ(plain.executions, 2U);
  EXPECT_EQ(noted.executions, 2U);
  ASSERT_TRUE(noted.counterexample.has_value());
  bool shown = false;
  for (const auto& e : noted.counterexample->events) {
    shown = shown || (e.kind == "note" && e.op == "about to store" && e.file == "api_test.cc");
  }
  EXPECT_TRUE(shown) << noted.counterexample->ToString();
}

}  // namespace

// Options::progress: a search that runs past a second reports lines while it runs (no more than
// one a second) and a final one ending in ": done", all on the calling thread. Each of the test's
// 2 executions sleeps 1.1 s, so the search runs past a second whatever the machine's speed and
// however its runs are spread over threads.
TEST(Progress, ALongSearchReportsWhileItRunsAndWhenItEnds) {
  for (const unsigned threads : {1U, 2U}) {  // the sequential and the parallel search
    std::vector<std::pair<std::string, bool>> lines;
    const std::thread::id caller = std::this_thread::get_id();
    bool on_caller = true;
    mc::Options options;
    options.threads = threads;
    options.progress = [&](const std::string& line, bool final) {
      on_caller = on_caller && std::this_thread::get_id() == caller;
      lines.emplace_back(line, final);
    };
    const mc::Report r = mc::check(
        [] {
          mc::atomic<int> x{0};
          mc::thread t([&] { x.store(1, mc::relaxed); });
          mc::observe("x", x.load(mc::relaxed));
          std::this_thread::sleep_for(std::chrono::milliseconds(1100));
          t.join();
        },
        options);
    ASSERT_TRUE(ExecutionsAre(r, 2)) << r.ToString();
    ASSERT_GE(lines.size(), 2U) << "threads " << threads;
    EXPECT_LE(lines.size(), 4U) << "threads " << threads;  // at most one a second, and the end
    EXPECT_TRUE(on_caller);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_FALSE(lines[i].second) << lines[i].first;
      EXPECT_NE(lines[i].first.find(" executions, "), std::string::npos) << lines[i].first;
    }
    EXPECT_TRUE(lines.back().second) << lines.back().first;
    EXPECT_TRUE(lines.back().first.starts_with("2 executions, ")) << lines.back().first;
    EXPECT_TRUE(lines.back().first.ends_with(": done")) << lines.back().first;
  }
}
