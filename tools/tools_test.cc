// The command line's small pieces: JSON and XML escaping, durations, the shared flags.
#include <gtest/gtest.h>

#include <sstream>

#include "common_flags.h"
#include "json.h"
#include "junit.h"
#include "protocol_report.h"

namespace mapcheck {
namespace {

TEST(Json, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  EXPECT_EQ(JsonObject().Add("k", "v").Add("n", uint64_t{3}).Add("b", false).ToString(),
            "{\"k\": \"v\", \"n\": 3, \"b\": false}");
  EXPECT_EQ(JsonArray({"1", "2"}), "[1, 2]");
  EXPECT_EQ(JsonArray({}), "[]");
}

TEST(Junit, CountsFailuresAndSkipsAndEscapesText) {
  const std::string xml =
      JunitXml("suite", {{"litmus.rc11", "MP<1>", 0.5, JunitCase::Result::kPass, "", ""},
                         {"claims", "C1", 1, JunitCase::Result::kFail, "got \"x\" & y", "trace"},
                         {"claims", "C2", 0, JunitCase::Result::kSkip, "incomplete", ""}});
  EXPECT_NE(xml.find("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("name=\"MP&lt;1&gt;\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure message=\"got &quot;x&quot; &amp; y\">trace</failure>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<skipped message=\"incomplete\">"), std::string::npos) << xml;
}

TEST(Flags, DurationsTakeSecondsMinutesAndHours) {
  EXPECT_EQ(ParseDuration("90"), 90.0);
  EXPECT_EQ(ParseDuration("90s"), 90.0);
  EXPECT_EQ(ParseDuration("10m"), 600.0);
  EXPECT_EQ(ParseDuration("2h"), 7200.0);
  for (const char* bad : {"", "m", "0s", "-5m", "1.5h", "10x", "10 m"}) {
    EXPECT_FALSE(ParseDuration(bad).has_value()) << bad;
  }
}

// Parses `args` as `mapcheck test` with every common flag accepted.
std::pair<FlagResult, CommonFlags> Take(std::vector<std::string> args, std::string* error) {
  CommonFlags flags;
  std::ostringstream err;
  size_t i = 0;
  const FlagResult r = TakeCommonFlag("test", ~0U, args, i, flags, err);
  *error = err.str();
  return {r, flags};
}

TEST(Flags, StrategiesParseIntoOptions) {
  std::string error;
  auto [r, f] = Take({"--strategy", "bounded:3"}, &error);
  EXPECT_EQ(r, FlagResult::kTaken);
  EXPECT_EQ(f.options.strategy, mc::Strategy::kBounded);
  EXPECT_EQ(f.options.preemption_bound, 3U);
  std::tie(r, f) = Take({"--strategy", "pct:2:500"}, &error);
  EXPECT_EQ(f.options.strategy, mc::Strategy::kPct);
  EXPECT_EQ(f.options.pct_depth, 2U);
  EXPECT_EQ(f.options.max_executions, 500U);
  std::tie(r, f) = Take({"--strategy", "random:7"}, &error);
  EXPECT_EQ(f.options.strategy, mc::Strategy::kRandom);
  EXPECT_EQ(f.options.max_executions, 7U);
  std::tie(r, f) = Take({"--strategy", "stateful-sc"}, &error);
  EXPECT_EQ(f.options.strategy, mc::Strategy::kStatefulSC);
  for (const char* bad : {"bounded", "bounded:x", "random:0", "pct:1", "pct:0:5", "dfs",
                          "random:", "stateful-sc:3"}) {
    std::tie(r, f) = Take({"--strategy", bad}, &error);
    EXPECT_EQ(r, FlagResult::kError) << bad;
    EXPECT_NE(error.find("bad strategy"), std::string::npos) << error;
  }
  std::tie(r, f) = Take({"--strategy"}, &error);
  EXPECT_EQ(r, FlagResult::kError);
  EXPECT_NE(error.find("--strategy: needs a value"), std::string::npos) << error;
  std::tie(r, f) = Take({"--frob"}, &error);
  EXPECT_EQ(r, FlagResult::kNotMine);
}

TEST(Flags, TheStatefulStrategyExploresSCOnly) {
  const auto parse = [](std::vector<std::string> args, CommonFlags& flags, std::string& error) {
    std::ostringstream out, err;
    const auto code = ParseCommandLine("test", ~0U, "usage", args, flags, out, err,
                                       [](size_t&) { return FlagResult::kNotMine; });
    error = err.str();
    return code;
  };
  CommonFlags flags;
  std::string error;
  EXPECT_FALSE(parse({"--strategy", "stateful-sc"}, flags, error).has_value()) << error;
  EXPECT_EQ(flags.models, std::vector<mc::Model>{mc::Model::kSC});
  for (const char* model : {"rc11", "all"}) {
    CommonFlags other;
    EXPECT_EQ(parse({"--model", model, "--strategy", "stateful-sc"}, other, error), 2) << model;
    EXPECT_NE(error.find("SC interleavings only"), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace mapcheck

namespace mapcheck {
namespace {

// A result of the two_writers case under `model` with these classes, explored whole or sampled.
litmus::go_map::ProtocolResult Result(mc::Model model, std::map<std::string, uint64_t> classes,
                                      bool whole = true) {
  litmus::go_map::ProtocolResult r;
  r.config = litmus::go_map::FindProtocolCase("two_writers");
  r.report_model = model;
  r.report.exhaustive = whole;
  r.sampled = !whole;
  for (const auto& [cls, n] : classes) r.report.executions += n;
  r.classes = std::move(classes);
  return r;
}

TEST(ProtocolReport, SideBySideMarksWhatX86CannotShowAndWhatOnlyX86Shows) {
  const auto rc11 = Result(mc::Model::kRC11, {{"correct", 5}, {"lost update", 2}, {"corrupt", 1}});
  const auto sc = Result(mc::Model::kSC, {{"correct", 3}});
  const auto tso = Result(mc::Model::kTSO, {{"correct", 4}, {"corrupt", 1}});
  std::ostringstream out;
  PrintProtocolResultsSideBySide({&rc11, &sc, &tso}, true, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("lost update"), std::string::npos) << text;
  const auto line = [&](const std::string& cls) {
    const size_t at = text.find("  " + cls + " ");
    return at == std::string::npos ? "" : text.substr(at, text.find('\n', at) - at);
  };
  EXPECT_NE(line("lost update").find("needs weaker ordering than x86"), std::string::npos) << text;
  EXPECT_NE(line("corrupt").find("seen on x86, not under SC"), std::string::npos) << text;
  EXPECT_EQ(line("correct").find("x86"), std::string::npos) << text;
  // A sample proves no class absent: nothing is marked.
  const auto sampled_tso = Result(mc::Model::kTSO, {{"correct", 4}}, false);
  std::ostringstream sampled;
  PrintProtocolResultsSideBySide({&rc11, &sc, &sampled_tso}, true, sampled);
  EXPECT_EQ(sampled.str().find("x86"), std::string::npos) << sampled.str();
}

}  // namespace
}  // namespace mapcheck
