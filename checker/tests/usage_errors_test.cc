// Misuse of the API is a usage error that names the line, never a crash or a hang.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::VerdictIs;

bool Mentions(const mc::Report& r, const std::string& text) {
  return r.message.find(text) != std::string::npos;
}

TEST(UsageErrors, ThreadNeverJoined) {
  const mc::Report r = mc::check([] { mc::thread t([] {}); });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "without join()")) << r.message;
  EXPECT_TRUE(Mentions(r, "usage_errors_test.cc:" + std::to_string(__LINE__ - 3))) << r.message;
}

TEST(UsageErrors, TooManyThreads) {
  const mc::Report r = mc::check(
      [] {
        mc::thread a([] {});
        mc::thread b([] {});
        a.join();
        b.join();
      },
      {.max_threads = 2});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "max_threads")) << r.message;
}

TEST(UsageErrors, ObjectConstructedOutsideTheCheck) {
  static mc::atomic<int> global{0};  // constructed outside any check
  const mc::Report r = mc::check([] { (void)global.load(); });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "constructed outside this execution")) << r.message;
}

// Outside a check there is no report: the call throws, naming itself and the caller's line.
std::string ThrownBy(void (*call)()) {
  try {
    call();
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

TEST(UsageErrors, ObjectUsedOutsideACheckThrows) {
  const std::string load = ThrownBy([] {
    mc::atomic<int> x{0};
    (void)x.load();
  });
  EXPECT_NE(load.find("usage_errors_test.cc:" + std::to_string(__LINE__ - 2) + ": an mc object used outside mc::check"),
            std::string::npos)
      << load;
  EXPECT_NE(load.find("outside mc::check"), std::string::npos) << load;
  const std::string observe = ThrownBy([] { mc::observe("a", 1); });
  EXPECT_NE(observe.find("usage_errors_test.cc:" + std::to_string(__LINE__ - 1) + ": mc::observe"),
            std::string::npos)
      << observe;
}

TEST(UsageErrors, LoopThatNeverEnds) {
  const mc::Report r = mc::check(
      [] {
        mc::atomic<int> flag{0};
        mc::thread spinner([&] {
          while (flag.load(mc::relaxed) == 0) {
          }
        });
        spinner.join();
      },
      {.max_events_per_thread = 50});
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "max_events_per_thread")) << r.message;
  EXPECT_TRUE(Mentions(r, "usage_errors_test.cc:")) << r.message;
}

TEST(UsageErrorsDeathTest, LoopWithoutEventsStopsTheProcessWithItsLine) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        (void)mc::check(
            [] {
              mc::atomic<int> x{0};
              x.store(1);
              volatile int spin = 0;
              while (spin >= 0) spin = spin + 1 - 1;  // never reaches another event
            },
            {.max_silent_seconds = 1});
      },
      ::testing::ExitedWithCode(2), "without reaching an mc:: event.*usage_errors_test.cc");
}

TEST(UsageErrors, InvalidMemoryOrder) {
  const mc::Report r = mc::check([] {
    mc::atomic<int> x{0};
    x.store(1, mc::acquire);
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "memory_order_acquire is not valid for a store")) << r.message;
}

TEST(UsageErrors, UncaughtExceptionInAThread) {
  const mc::Report r = mc::check([] {
    mc::thread t([] { throw std::runtime_error("boom"); });
    t.join();
  });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "boom")) << r.message;
}

TEST(UsageErrors, NestedCheckThrows) {
  const mc::Report r = mc::check([] { (void)mc::check([] {}); });
  ASSERT_TRUE(VerdictIs(r, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(r, "inside a test")) << r.message;
}

// A malformed token is refused as "replay token \"TOKEN\": WHAT", WHAT naming the character or
// step at fault; ReplayTokenError gives the same WHAT without running anything.
TEST(UsageErrors, MalformedReplayToken) {
  auto test = [] {};
  const std::pair<const char*, const char*> cases[] = {
      {"", "does not start with \"mc1-\""},
      {"xyz", "does not start with \"mc1-\""},
      {"mc1-arm-AAAA", "unknown memory model 'arm' after \"mc1-\" (expected \"rc11\", \"sc\""},
      {"mc1-rc11-!!", "character 10 ('!') is not base64url"},
      {"mc1-rc11-gA", "ends in the middle of a step (truncated?)"},
  };
  for (const auto& [token, what] : cases) {
    const mc::Report r = mc::replay(test, token);
    EXPECT_TRUE(VerdictIs(r, mc::Verdict::kUsageError)) << "token " << token;
    EXPECT_TRUE(r.message.starts_with("replay token \"" + std::string(token) + "\": " + what))
        << r.message;
    const auto error = mc::ReplayTokenError(token);
    ASSERT_TRUE(error.has_value()) << token;
    EXPECT_TRUE(error->starts_with(what)) << *error;
  }
  EXPECT_EQ(mc::ReplayTokenError("mc1-rc11-AAA"), std::nullopt);  // thread 0, choice 0
}

TEST(UsageErrors, ReplayTokenOfAnotherTest) {
  auto racy = [] {
    mc::var<int> x{0};
    mc::thread a([&] { x = 1; });
    mc::thread b([&] { x = 2; });
    a.join();
    b.join();
  };
  const mc::Report found = mc::check(racy);
  ASSERT_TRUE(VerdictIs(found, mc::Verdict::kDataRace));
  const mc::Report other = mc::replay([] {}, found.replay_token);
  EXPECT_TRUE(VerdictIs(other, mc::Verdict::kUsageError));
  EXPECT_TRUE(Mentions(other, "another test")) << other.message;
}

}  // namespace
