// Progress (tools/progress.h) on a clock the test moves: what a CI log and a terminal see.
#include "progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace mapcheck {
namespace {

using Clock = Progress::Clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

struct FakeClock {
  Clock::time_point t{};
  std::function<Clock::time_point()> Now() {
    return [this] { return t; };
  }
};

// A log (not a terminal) gets nothing in the first 10 s, then one line per 10 s at most, each
// naming the command and the search, and the search's final line only because it showed one.
TEST(Progress, ALogGetsALineEveryTenSeconds) {
  FakeClock clock;
  std::ostringstream log;
  Progress progress("check", false, false, 0, log, clock.Now());
  const auto report = progress.For("IRIW+rlx rc11");
  ASSERT_TRUE(report);
  clock.t += seconds(9);
  report("10 executions", false);
  EXPECT_EQ(log.str(), "");
  clock.t += seconds(1);
  report("20 executions", false);
  EXPECT_EQ(log.str(), "mapcheck check: IRIW+rlx rc11: 20 executions\n");
  clock.t += seconds(9);
  report("30 executions", false);
  EXPECT_EQ(log.str(), "mapcheck check: IRIW+rlx rc11: 20 executions\n");
  report("40 executions: done", true);
  EXPECT_EQ(log.str(),
            "mapcheck check: IRIW+rlx rc11: 20 executions\n"
            "mapcheck check: IRIW+rlx rc11: 40 executions: done\n");
}

// A search that never showed a line shows no final line either: a short check stays silent.
TEST(Progress, AShortSearchShowsNothing) {
  FakeClock clock;
  std::ostringstream log;
  Progress progress("litmus", false, false, 0, log, clock.Now());
  const auto report = progress.For("SB.litmus rc11");
  clock.t += seconds(3);
  report("4 executions: done", true);
  progress.Items(3, 10, "SB.litmus");
  EXPECT_EQ(log.str(), "");
}

// Items counts finished work, and is silent once all of it is done (the command's summary says
// that).
TEST(Progress, ItemsCountFinishedWork) {
  FakeClock clock;
  std::ostringstream log;
  Progress progress("verify", false, false, 0, log, clock.Now());
  clock.t += seconds(11);
  progress.Items(12, 40, "rw_map/store_load");
  EXPECT_EQ(log.str(), "mapcheck verify: 12 of 40 done (the latest: rw_map/store_load)\n");
  clock.t += seconds(11);
  progress.Items(40, 40, "sync_map/range");
  EXPECT_EQ(log.str(), "mapcheck verify: 12 of 40 done (the latest: rw_map/store_load)\n");
}

// A terminal gets one line rewritten in place at most once a second, erased when the search
// ends or before the command prints.
TEST(Progress, ATerminalGetsOneLiveLine) {
  FakeClock clock;
  std::ostringstream tty;
  Progress progress("protocol", false, true, 0, tty, clock.Now());
  const auto report = progress.For("two_writers");
  clock.t += milliseconds(999);
  report("1 executions", false);
  EXPECT_EQ(tty.str(), "");
  clock.t += milliseconds(1);
  report("2 executions", false);
  clock.t += seconds(1);
  report("3 executions", false);
  EXPECT_EQ(tty.str(),
            "\r\033[Kmapcheck protocol: two_writers: 2 executions"
            "\r\033[Kmapcheck protocol: two_writers: 3 executions");
  report("4 executions: done", true);
  EXPECT_EQ(tty.str(),
            "\r\033[Kmapcheck protocol: two_writers: 2 executions"
            "\r\033[Kmapcheck protocol: two_writers: 3 executions\r\033[K");
  progress.Clear();  // nothing open any more: nothing written
  EXPECT_TRUE(tty.str().ends_with("3 executions\r\033[K"));
}

TEST(Progress, ClearErasesAnOpenLiveLine) {
  FakeClock clock;
  std::ostringstream tty;
  Progress progress("check", false, true, 0, tty, clock.Now());
  clock.t += seconds(2);
  progress.For("MP+rlx sc")("7 executions", false);
  progress.Clear();
  EXPECT_EQ(tty.str(), "\r\033[Kmapcheck check: MP+rlx sc: 7 executions\r\033[K");
}

// A live line wider than the terminal would wrap, and a wrapped line cannot be rewritten in place.
TEST(Progress, ALiveLineIsCutToTheTerminal) {
  FakeClock clock;
  std::ostringstream tty;
  Progress progress("check", false, true, 30, tty, clock.Now());
  clock.t += seconds(2);
  progress.For("IRIW+rlx rc11")("812 executions, 3 s", false);
  EXPECT_EQ(
      tty.str(),
      "\r\033[K" + std::string("mapcheck check: IRIW+rlx rc11: 812 executions, 3 s").substr(0, 29));
}

TEST(Progress, QuietShowsNothing) {
  FakeClock clock;
  std::ostringstream log;
  Progress progress("check", true, false, 0, log, clock.Now());
  EXPECT_FALSE(progress.For("MP+rlx rc11"));  // mc::check then prints no progress at all
  clock.t += seconds(60);
  progress.Items(1, 2, "MP+rlx rc11");
  EXPECT_EQ(log.str(), "");
}

}  // namespace
}  // namespace mapcheck
