// The counterexample page's arrows (tools/html_report.h), counted in the SVG it writes.
#include "html_report.h"

#include <gtest/gtest.h>

#include <string>

namespace mapcheck {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

mc::TraceEvent Write(int thread, int index, const std::string& label, int object, int mo) {
  mc::TraceEvent e;
  e.thread = thread;
  e.index = index;
  e.kind = mo == 0 ? "init" : "write";
  e.op = e.kind;
  e.location = label;
  e.object = object;
  e.order = "na";
  e.written_value = static_cast<uint64_t>(mo);
  e.mo_position = mo;
  return e;
}

// Two maps' "var hmap.count", each written twice: one modification-order arrow per object (2),
// not one chain through all four writes that share the label (3), as the page drew before.
TEST(HtmlReport, ModificationOrderArrowsJoinWritesOfOneObjectOnly) {
  mc::Report report;
  report.verdict = mc::Verdict::kAssertionFailed;
  mc::Counterexample cx;
  cx.threads = 2;
  cx.events = {Write(0, 1, "var hmap.count", 3, 0), Write(0, 2, "var hmap.count", 7, 0),
               Write(1, 1, "var hmap.count", 3, 1), Write(1, 2, "var hmap.count", 7, 1)};
  report.counterexample = cx;
  const std::string page = CounterexampleHtml("two maps", "t@mc1-rc11-AAA", report);
  EXPECT_EQ(Count(page, "<path class=\"mo\""), 2U) << page;
  EXPECT_EQ(Count(page, "<path class=\"rf\""), 0U);
}

}  // namespace
}  // namespace mapcheck
