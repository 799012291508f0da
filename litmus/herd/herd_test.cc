// herd7 C litmus files: parsed, run under the checker, reported as herd does. The conformance
// files of litmus/conformance/ are held to their expectations by conformance_test.
#include <gtest/gtest.h>

#include <variant>

#include "herd/herd_parser.h"
#include "herd/herd_run.h"

namespace herd {
namespace {

Program MustParse(const std::string& text) {
  auto parsed = Parse(text, "test.litmus");
  if (const auto* e = std::get_if<ParseError>(&parsed)) {
    ADD_FAILURE() << e->ToString() << "\nin:\n" << text;
    return {};
  }
  return std::move(std::get<Program>(parsed));
}

std::string ParseErrorOf(const std::string& text) {
  auto parsed = Parse(text, "bad.litmus");
  if (const auto* e = std::get_if<ParseError>(&parsed)) return e->ToString();
  return "(parsed)";
}

TEST(HerdOutput, ReadsLikeHerdWithCountsPerState) {
  const Program p = MustParse(R"(C MP+rlx
{ x = 0; y = 0; }
P0 (atomic_int* x, atomic_int* y) {
  atomic_store_explicit(x, 1, memory_order_relaxed);
  atomic_store_explicit(y, 1, memory_order_relaxed);
}
P1 (atomic_int* x, atomic_int* y) {
  int r0 = atomic_load_explicit(y, memory_order_relaxed);
  int r1 = atomic_load_explicit(x, memory_order_relaxed);
}
exists (1:r0=1 /\ 1:r1=0)
)");
  const Outcome o = Explore(p, {});
  const std::string head =
      "Test MP+rlx Allowed\n"
      "States 4\n"
      "       1:>1:r0=0; 1:r1=0;\n"
      "       1:>1:r0=0; 1:r1=1;\n"
      "       1*>1:r0=1; 1:r1=0;\n"
      "       1:>1:r0=1; 1:r1=1;\n"
      "Ok\n"
      "Witnesses\n"
      "Positive: 1 Negative: 3\n";
  EXPECT_EQ(HerdText(p, o, mc::Model::kRC11).substr(0, head.size()), head);
  EXPECT_NE(HerdText(p, o, mc::Model::kRC11)
                .find("Observation MP+rlx Sometimes 1 3\n"
                      "Executions 4 (rc11)\n"),
            std::string::npos);
}

// herd's reading of each quantifier: for ~exists the witnesses are the executions that avoid
// the proposition; Observation always counts the proposition itself.
TEST(HerdOutput, QuantifiersCountWitnessesAsHerdDoes) {
  const std::string sb = R"(C SB+sc
{ x = 0; y = 0; }
P0 (atomic_int* x, atomic_int* y) {
  atomic_store(x, 1);
  int r0 = atomic_load(y);
}
P1 (atomic_int* x, atomic_int* y) {
  atomic_store(y, 1);
  int r1 = atomic_load(x);
}
)";
  const Outcome never = Explore(MustParse(sb + "~exists (0:r0=0 /\\ 1:r1=0)\n"), {});
  EXPECT_EQ(never.kind, "Forbidden");
  EXPECT_TRUE(never.ok);
  EXPECT_EQ(never.positive, 3U);
  EXPECT_EQ(never.negative, 0U);
  EXPECT_EQ(never.observation, "Never");

  const Outcome always = Explore(MustParse(sb + "forall (0:r0=1 \\/ 1:r1=1)\n"), {});
  EXPECT_EQ(always.kind, "Required");
  EXPECT_TRUE(always.ok);
  EXPECT_EQ(always.observation, "Always");

  const Outcome some = Explore(MustParse(sb + "forall (0:r0=1)\n"), {});
  EXPECT_FALSE(some.ok);
  EXPECT_EQ(some.positive, 2U);  // r0=1: y's store first (2 ways to order x's side) ...
  EXPECT_EQ(some.negative, 1U);  // ... r0=0: P0 ran entirely before P1's store
  EXPECT_EQ(some.observation, "Sometimes");
}

TEST(HerdRun, FilterDropsExecutionsBeforeTheCondition) {
  const Program p = MustParse(R"(C filtered
{ x = 0; }
P0 (atomic_int* x) { atomic_store_explicit(x, 1, memory_order_relaxed); }
P1 (atomic_int* x) { int r0 = atomic_load_explicit(x, memory_order_relaxed); }
filter (1:r0=1)
forall (1:r0=1)
)");
  const Outcome o = Explore(p, {});
  EXPECT_EQ(o.report.executions, 2U);
  EXPECT_EQ(o.filtered_out, 1U);
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.states.size(), 1U);
}

// Every statement form: declarations with and without a value, assignment, if/else with
// blocks, C operators with their precedence, compare-exchange updating its expected register,
// each RMW, register init in the init block, a final location observed through `locations`.
TEST(HerdRun, InterpretsEveryStatementForm) {
  const Program p = MustParse(R"(C forms
{ x = 5; [y] = 1; 0:r9 = 40; }
P0 (atomic_int* x, atomic_int* y) {
  int r0;
  int r1 = atomic_fetch_add_explicit(x, 2, memory_order_relaxed);  // 5 -> 7
  r0 = r1 + 2 * 3 - -1;                                           // 12
  int r2 = 7;
  int ok = atomic_compare_exchange_strong_explicit(x, &r2, 100, memory_order_acq_rel,
                                                    memory_order_acquire);  // succeeds
  int r3 = 0;
  int failed = atomic_compare_exchange_strong(x, &r3, 1);  // fails, r3 := 100
  if (r0 == 12 && ok) { r9 = r9 + 2; } else r9 = 0;
  if (!(r0 != 12)) {
    atomic_fetch_or(y, 6);       // 1 | 6 = 7
    atomic_fetch_and(y, 3);      // 3
    atomic_fetch_xor(y, 1);      // 2
    atomic_fetch_sub(y, 1);      // 1
    int r4 = atomic_exchange(y, 9) | 16;  // 17
  }
}
locations [x; y;]
forall (0:r0=12 /\ 0:ok=1 /\ 0:failed=0 /\ 0:r3=100 /\ 0:r9=42 /\ 0:r4=17 /\ x=100 /\ y=9)
)");
  const Outcome o = Explore(p, {});
  ASSERT_EQ(o.report.verdict, mc::Verdict::kOk) << o.report.ToString();
  EXPECT_TRUE(o.ok) << HerdText(p, o, mc::Model::kRC11);
  EXPECT_EQ(o.report.executions, 1U);
}

// compare_exchange_weak may fail spuriously; the checker explores both.
TEST(HerdRun, WeakCompareExchangeFailsSpuriously) {
  const Program p = MustParse(R"(C weak
{ x = 0; }
P0 (atomic_int* x) {
  int r0 = 0;
  int ok = atomic_compare_exchange_weak_explicit(x, &r0, 1, memory_order_relaxed,
                                                 memory_order_relaxed);
}
exists (0:ok=0)
)");
  const Outcome o = Explore(p, {});
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.states.size(), 2U);
}

// Plain accesses that race are undefined behaviour: herd flags them, and so do we, while still
// listing every state.
TEST(HerdRun, FlagsDataRacesOnPlainLocations) {
  const Program p = MustParse(R"(C race
{ x = 0; }
P0 (int* x) { *x = 1; }
P1 (int* x) { int r0 = *x; }
exists (1:r0=1)
)");
  const Outcome o = Explore(p, {});
  EXPECT_EQ(o.report.verdict, mc::Verdict::kOk);
  EXPECT_EQ(o.report.races.size(), 1U);
  EXPECT_EQ(o.states.size(), 2U);
  EXPECT_NE(HerdText(p, o, mc::Model::kRC11).find("Flag data-race x\n"), std::string::npos)
      << HerdText(p, o, mc::Model::kRC11);
}

TEST(HerdParse, AcceptsHerdtoolsConventions) {
  // herd's own tests: OCaml comments, metadata lines, `[x]` in conditions, a bare proposition,
  // `!=`, ATOMIC_INIT, a const plain parameter.
  const Program p = MustParse(R"(C C01+meta
(* a comment (* nested *) *)
Variant=Quad
"a doc string"
{ x = ATOMIC_INIT(1); y = 2 }
P0 (const int* x, atomic_int *y) {
  int r0 = *x; // line comment
  /* block comment */ int r1 = atomic_load(&y);
}
forall [x]=1 /\ 0:r0 != 0 /\ 0:r1 = 2
)");
  EXPECT_EQ(p.name, "C01+meta");
  EXPECT_EQ(p.threads.size(), 1U);
  EXPECT_EQ(p.condition_text, "forall (x=1 /\\ ~(0:r0=0) /\\ 0:r1=2)");
  EXPECT_TRUE(Explore(p, {}).ok);
}

struct BadCase {
  const char* text;
  const char* error;  // "line:col: message" (a prefix of the message)
};

class HerdParseErrors : public testing::TestWithParam<BadCase> {};

TEST_P(HerdParseErrors, NameFileLineAndColumn) {
  const BadCase& c = GetParam();
  EXPECT_EQ(ParseErrorOf(c.text).rfind(std::string("bad.litmus:") + c.error, 0), 0U)
      << "got: " << ParseErrorOf(c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, HerdParseErrors,
    testing::Values(
        BadCase{"", "1:1: empty file"}, BadCase{"AArch64 X\n{}\n", "1:1: this is a 'AArch64'"},
        BadCase{"C\n", "1:2: expected the test's name"},
        BadCase{"C X\nP0 () {}\n", "2:1: expected the init block"},
        BadCase{"C X\n{ x = 0 ", "2:9: expected ';' between init entries"},
        BadCase{"C X\n{ x = y; }\n", "2:7: 'y' is not a number"},
        BadCase{"C X\n{ x = 99999999999999999999; }\n", "2:7: bad number"},
        BadCase{"C X\n{ x = 0; }\nexists (x=0)\n", "3:1: expected a thread"},
        BadCase{"C X\n{}\nP1 () {}\nexists (x=0)\n", "3:1: expected thread P0, got P1"},
        // Found by herd_parser_fuzzer: a thread number past int's range.
        BadCase{"C X\n{}\nP77777777777777777777777 () {}\nexists (x=0)\n",
                "3:1: expected thread P0, got P77777777777777777777777"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = atomic_load_explicit(x, "
                "memory_order_release); }\nexists (0:r0=0)\n",
                "3:55: a load cannot have memory_order_release"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { atomic_store_explicit(x, 1, memory_order_acquire); "
                "}\nexists (x=0)\n",
                "3:50: a store cannot have memory_order_acquire"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = *x; atomic_store(x, 1); }\nexists (x=0)\n",
                "3:48: location 'x' is accessed atomically here and plainly at line 3"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { r0 = 1; }\nexists (x=0)\n",
                "3:22: unknown register 'r0'"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = x; }\nexists (x=0)\n",
                "3:31: 'x' is a location: read it with *x"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1; }\nP1 () { *x = 1; }\nexists (x=0)\n",
                "4:10: 'x' is not a parameter of P1"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { while (1) {} }\nexists (x=0)\n",
                "3:22: 'while' is not supported"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = foo(x); }\nexists (x=0)\n",
                "3:31: unsupported function 'foo'"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1 @ 2; }\nexists (x=0)\n",
                "3:33: unexpected character '@'"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = atomic_load(x, memory_order_relaxed); "
                "}\nexists (x=0)\n",
                "3:44: expected ')' to close atomic_load"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1; }\nexists (0:r5=1)\n",
                "4:11: P0 has no register 'r5'"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1; }\nexists (3:r0=1)\n",
                "4:9: there is no thread P3"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1; }\nexists (z=1)\n",
                "4:9: unknown location 'z'"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1; }\nexists (0:r0=1) junk\n",
                "4:17: unexpected 'junk' after the condition"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1; }\n",
                "4:1: expected the final condition"},
        BadCase{"C X\n(* never closed\n{}\n", "2:1: unterminated comment '(*'"},
        BadCase{"C X\n{}\nP0 (atomic_int* x) { int r0 = 1;\n", "4:1: unterminated thread body"}));

}  // namespace
}  // namespace herd
