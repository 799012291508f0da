// mc::Options::why_not: why a replayed execution cannot happen under SC or on x86, as the model's
// shortest cycle, each edge named as herd7 names it.
#include <gtest/gtest.h>

#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::Model;

// Store buffering (x.store(1); r0 = y || y.store(1); r1 = x, relaxed), or message passing
// (x.store(1); y.store(1) || r0 = y; r1 = x): the weak outcome is r0 = r1 = 0, and r0 = 1, r1 = 0.
void Shape(bool message_passing) {
  mc::atomic<int> x{0}, y{0};
  mc::thread a([&] {
    x.store(1, mc::relaxed);
    if (message_passing) {
      y.store(1, mc::relaxed);
    } else {
      mc::observe("r0", y.load(mc::relaxed));
    }
  });
  mc::thread b([&] {
    if (message_passing) {
      mc::observe("r0", y.load(mc::relaxed));
    } else {
      y.store(1, mc::relaxed);
    }
    mc::observe("r1", x.load(mc::relaxed));
  });
  a.join();
  b.join();
}

// The replay, under RC11 (which allows both weak outcomes), of the execution ending in `outcome`,
// explained under `model`.
std::string WhyNot(bool message_passing, const std::string& outcome, Model model) {
  const auto body = [message_passing] { Shape(message_passing); };
  const mc::Report all = mc::check(body, {.model = Model::kRC11});
  const auto token = all.outcome_tokens.find(outcome);
  EXPECT_NE(token, all.outcome_tokens.end()) << outcome;
  if (token == all.outcome_tokens.end()) return "";
  const mc::Report r = mc::replay(body, token->second, {.why_not = model});
  EXPECT_TRUE(r.ok()) << r.message;
  return r.why_not;
}

// The edge names of an explanation, in order ("po fr po fr").
std::string Edges(const std::string& why) {
  std::string edges;
  for (size_t at = why.find("-"); at != std::string::npos; at = why.find("\n    -", at + 1)) {
    const size_t from = why.find('-', at) + 1;
    const size_t to = why.find("->", from);
    if (to == std::string::npos) break;
    edges += (edges.empty() ? "" : " ") + why.substr(from, to - from);
    at = to;
  }
  return edges;
}

TEST(WhyNot, StoreBufferingIsACycleOfPoAndFrUnderScButHappensOnX86) {
  const std::string sc = WhyNot(false, "r0=0 r1=0", Model::kSC);
  EXPECT_TRUE(sc.starts_with("not sc: a cycle of 4 edges")) << sc;
  EXPECT_EQ(Edges(sc), "po fr po fr") << sc;
  EXPECT_NE(sc.find("write (store) atomic"), std::string::npos) << sc;
  EXPECT_NE(sc.find("why_not_test.cc:"), std::string::npos) << sc;  // the source lines
  // On x86 the stores wait in the store buffers while the loads go ahead: no cycle.
  EXPECT_TRUE(WhyNot(false, "r0=0 r1=0", Model::kTSO).starts_with("consistent under tso")) << sc;
}

TEST(WhyNot, MessagePassingOutOfOrderIsACycleOnX86Too) {
  // x86 keeps stores in order and loads in order: po, rfe, po, fr.
  const std::string tso = WhyNot(true, "r0=1 r1=0", Model::kTSO);
  EXPECT_TRUE(tso.starts_with("not tso: a cycle of 4 edges")) << tso;
  EXPECT_EQ(Edges(tso), "po rfe po fr") << tso;
  EXPECT_TRUE(WhyNot(true, "r0=1 r1=0", Model::kSC).starts_with("not sc: a cycle of 4 edges"));
}

TEST(WhyNot, AnScExecutionIsConsistentUnderBoth) {
  EXPECT_TRUE(WhyNot(true, "r0=1 r1=1", Model::kSC).starts_with("consistent under sc"));
  EXPECT_TRUE(WhyNot(true, "r0=1 r1=1", Model::kTSO).starts_with("consistent under tso"));
}

TEST(WhyNot, Rc11IsNotExplained) {
  const mc::Report all = mc::check([] { Shape(false); });
  const mc::Report r = mc::replay([] { Shape(false); }, all.outcome_tokens.begin()->second,
                                  {.why_not = Model::kRC11});
  EXPECT_EQ(r.verdict, mc::Verdict::kUsageError);
  EXPECT_TRUE(r.message.starts_with("Options::why_not: rc11 is not explained")) << r.message;
}

}  // namespace
