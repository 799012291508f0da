// Every conformance test of litmus/conformance/ under every memory model: the verdict of the
// outcome condition and the exact number of consistent executions the file states. A count too
// high means duplicated executions, too low means missed ones; a wrong verdict means a wrong
// memory model. The C++ twins (litmus/memory_model/) are held to the same files, and
// docs/conformance.md to the files it tabulates.
#include <gtest/gtest.h>

#include <filesystem>
#include <cctype>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <variant>

#include "litmus/litmus.h"
#include "litmus/litmus_file.h"

namespace litmus {
namespace {

struct Param {
  std::string name;  // the test's, or its twin's (the same: a twin names its file)
  bool twin = false;
  std::function<void()> body;
  mc::Model model;
};

void PrintTo(const Param& p, std::ostream* os) {
  *os << p.name << (p.twin ? " (C++ twin)" : "") << " under " << mc::ModelName(p.model);
}

class Conformance : public ::testing::TestWithParam<Param> {};

TEST_P(Conformance, VerdictAndExecutionCountMatchTheFile) {
  const Param& p = GetParam();
  const LitmusTest* test = Find(p.name);
  ASSERT_NE(test, nullptr) << "the C++ twin " << p.name << " names no file of litmus/conformance/";
  const Result r = RunLitmus(*test, p.body, p.model);
  EXPECT_TRUE(r.pass) << p.name << (p.twin ? " (C++ twin)" : "") << " under "
                      << mc::ModelName(p.model) << ": " << r.problem << "\n  file: " << test->file
                      << "\n  program: " << test->program << "\n"
                      << r.report.ToString();
}

// Each test and each twin under every model of mc::kModels: a model a file states nothing for
// fails here ("states no expectation") until its expectations are written down.
std::vector<Param> AllParams() {
  std::vector<Param> params;
  for (const mc::ModelInfo& m : mc::kModels) {
    for (const LitmusTest& t : Registry()) params.push_back({t.name, false, t.body, m.model});
    for (const Twin& t : Twins()) params.push_back({t.name, true, t.body, m.model});
  }
  return params;
}

std::string ParamName(const ::testing::TestParamInfo<Param>& info) {
  std::string name = info.param.name + (info.param.twin ? "_twin_" : "_") +
                     std::string(mc::ModelName(info.param.model));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(MemoryModel, Conformance, ::testing::ValuesIn(AllParams()), ParamName);

// The registry is the source tree's litmus/conformance/, file for file (the build embeds them;
// a stale embedding would test other programs than the ones a reader sees).
TEST(ConformanceFiles, TheRegistryHoldsEveryFileOfTheTree) {
  std::set<std::string> on_disk;
  for (const auto& e :
       std::filesystem::directory_iterator(MAPCHECK_SOURCE_DIR "/litmus/conformance")) {
    if (e.path().extension() == ".litmus")
      on_disk.insert("litmus/conformance/" + e.path().filename().string());
  }
  std::set<std::string> registered;
  for (const LitmusTest& t : Registry()) {
    EXPECT_TRUE(registered.insert(t.file).second) << t.file << " twice";
    std::ifstream in(MAPCHECK_SOURCE_DIR "/" + t.file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto reread = ParseLitmusFile(text.str(), t.file);
    ASSERT_TRUE(std::holds_alternative<LitmusTest>(reread)) << t.file << " no longer parses";
    const LitmusTest& now = std::get<LitmusTest>(reread);
    EXPECT_EQ(now.program, t.program) << t.file << ": rebuild to embed the edited file";
    EXPECT_EQ(now.ConditionText(), t.ConditionText()) << t.file;
  }
  EXPECT_EQ(registered, on_disk);
  EXPECT_FALSE(Registry().empty());
}

// Each twin names a distinct file: two twins of one file would hide which one was meant.
TEST(ConformanceFiles, EachTwinNamesADistinctFile) {
  std::set<std::string> names;
  for (const Twin& t : Twins()) {
    EXPECT_NE(Find(t.name), nullptr) << t.name;
    EXPECT_TRUE(names.insert(t.name).second) << "two twins of " << t.name;
  }
}

// The stateful SC search (Strategy::kStatefulSC) on every file: the SC verdict of the outcome
// condition. It counts behaviours, not executions: at most the SC executions, since two
// executions with different values read or a different final memory are different graphs.
TEST(ConformanceFiles, TheStatefulSearchGivesEverySCVerdict) {
  const mc::Options stateful{.model = mc::Model::kSC, .strategy = mc::Strategy::kStatefulSC};
  for (const LitmusTest& t : Registry()) {
    const mc::Report r = mc::check(t.body, stateful);
    ASSERT_TRUE(r.ok() && r.exhaustive) << t.name << "\n" << r.ToString();
    bool seen = false;
    for (const auto& [outcome, n] : r.outcomes) seen = seen || t.Satisfies(outcome);
    const Expectation* sc = t.Expected(mc::Model::kSC);
    ASSERT_NE(sc, nullptr) << t.file << " states no SC expectation";
    EXPECT_EQ(seen, sc->allowed) << t.name << "\n" << r.ToString();
    EXPECT_LE(r.executions, sc->executions) << t.name;
  }
}

// The stateful TSO search (Strategy::kStatefulTSO) on every file: the x86-TSO verdict of the
// outcome condition, and the same set of outcomes as the search of TSO graphs (each behaviour
// once: at most as many as the graphs).
TEST(ConformanceFiles, TheStatefulSearchGivesEveryTSOVerdict) {
  const mc::Options stateful{.model = mc::Model::kTSO, .strategy = mc::Strategy::kStatefulTSO};
  const mc::Options graphs{.model = mc::Model::kTSO};
  for (const LitmusTest& t : Registry()) {
    const mc::Report r = mc::check(t.body, stateful);
    ASSERT_TRUE(r.ok() && r.exhaustive) << t.name << "\n" << r.ToString();
    const mc::Report g = mc::check(t.body, graphs);
    ASSERT_TRUE(g.ok() && g.exhaustive) << t.name << "\n" << g.ToString();
    std::set<std::string> outcomes, graph_outcomes;
    for (const auto& [outcome, n] : r.outcomes) outcomes.insert(outcome);
    for (const auto& [outcome, n] : g.outcomes) graph_outcomes.insert(outcome);
    EXPECT_EQ(outcomes, graph_outcomes) << t.name << "\n" << r.ToString() << "\n" << g.ToString();
    bool seen = false;
    for (const std::string& outcome : outcomes) seen = seen || t.Satisfies(outcome);
    const Expectation* tso = t.Expected(mc::Model::kTSO);
    ASSERT_NE(tso, nullptr) << t.file << " states no TSO expectation";
    EXPECT_EQ(seen, tso->allowed) << t.name << "\n" << r.ToString();
    EXPECT_LE(r.executions, tso->executions) << t.name;
  }
}

// A condition name the outcome lacks makes the condition false, whatever the value it compares
// with: a body that forgets to observe a register must not pass for one that read 0.
TEST(ConformanceFiles, AConditionOverAnUnobservedNameIsNotSatisfied) {
  const LitmusTest* sb = Find("SB+rlx");  // exists (0:r0=0 /\ 1:r1=0)
  ASSERT_NE(sb, nullptr);
  EXPECT_TRUE(sb->Satisfies("0:r0=0 1:r1=0"));
  EXPECT_FALSE(sb->Satisfies("0:r0=0 1:r1=1"));
  EXPECT_FALSE(sb->Satisfies("0:r0=0"));
  EXPECT_FALSE(sb->Satisfies(""));
}

// The rows of docs/conformance.md: name -> (program, expectation per model, count source), as
// the table writes them. The header row names the columns: a model's are its name in capitals
// and "<NAME> count"; every row of mc::kModels must have them.
struct TableRow {
  std::string program;
  std::map<mc::Model, Expectation> expected;
  std::string source;
};

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream cols(line.substr(1));
  std::string cell;
  while (std::getline(cols, cell, '|')) {
    const size_t a = cell.find_first_not_of(' ');
    const size_t b = cell.find_last_not_of(' ');
    cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
  }
  return cells;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::map<std::string, TableRow> ReadTable() {
  std::ifstream in(MAPCHECK_SOURCE_DIR "/docs/conformance.md");
  EXPECT_TRUE(in) << "cannot read docs/conformance.md";
  std::map<std::string, TableRow> rows;
  std::map<std::string, size_t> column;  // header cell -> index
  std::string line;
  bool in_table = false;  // the rows under the "| test | threads | ..." header, to the next gap
  while (std::getline(in, line)) {
    if (line.starts_with("| test | threads ")) {
      const std::vector<std::string> head = Cells(line);
      for (size_t i = 0; i < head.size(); ++i) column[head[i]] = i;
      in_table = true;
      continue;
    }
    in_table = in_table && line.starts_with("|");
    if (!in_table || line.starts_with("|---")) continue;
    const std::vector<std::string> cells = Cells(line);
    auto cell = [&](const std::string& name) -> std::string {
      const auto it = column.find(name);
      if (it == column.end() || it->second >= cells.size()) {
        ADD_FAILURE() << "docs/conformance.md: no '" << name << "' column in: " << line;
        return "";
      }
      return cells[it->second];
    };
    TableRow row;
    row.program = cell("threads");
    if (row.program.size() >= 2 && row.program.front() == '`') {
      row.program = row.program.substr(1, row.program.size() - 2);
    }
    // The table separates threads with U+2016, the files with ASCII "||".
    for (size_t at; (at = row.program.find("\u2016")) != std::string::npos;) {
      row.program.replace(at, std::string("\u2016").size(), "||");
    }
    for (const mc::ModelInfo& m : mc::kModels) {
      const std::string verdict = cell(Upper(m.name));
      const std::string count = cell(Upper(m.name) + " count");
      if (count.empty()) continue;
      row.expected[m.model] = {verdict == "allowed", std::stoull(count)};
    }
    row.source = cell("count source");
    EXPECT_TRUE(rows.emplace(cells[0], row).second)
        << "docs/conformance.md: " << cells[0] << " twice";
  }
  return rows;
}

void ExpectRow(const LitmusTest& t, mc::Model model, const Expectation& row) {
  const Expectation* file = t.Expected(model);
  ASSERT_NE(file, nullptr) << t.file << " states nothing under " << mc::ModelName(model)
                           << "; docs/conformance.md does";
  EXPECT_EQ(file->allowed, row.allowed) << t.file << " under " << mc::ModelName(model);
  EXPECT_EQ(file->executions, row.executions) << t.file << " under " << mc::ModelName(model);
}

// docs/conformance.md tabulates exactly the files, with their program text, verdicts and counts
// under every model, and count source: a reader of the table reads what is tested.
TEST(ConformanceTable, TabulatesEveryFileAsTheFileStatesIt) {
  const std::map<std::string, TableRow> table = ReadTable();
  EXPECT_EQ(table.size(), Registry().size());
  for (const LitmusTest& t : Registry()) {
    const auto it = table.find(t.name);
    if (it == table.end()) {
      ADD_FAILURE() << t.file << " is not a row of docs/conformance.md";
      continue;
    }
    EXPECT_EQ(t.program, it->second.program) << t.file;
    EXPECT_EQ(t.counts, it->second.source) << t.file;
    for (const mc::ModelInfo& m : mc::kModels) {
      const auto row = it->second.expected.find(m.model);
      if (row == it->second.expected.end()) {
        ADD_FAILURE() << "docs/conformance.md states nothing for " << t.name << " under "
                      << m.name;
        continue;
      }
      ExpectRow(t, m.model, row->second);
    }
  }
  for (const auto& [name, row] : table) {
    EXPECT_NE(Find(name), nullptr) << name << " is a row of docs/conformance.md but no file";
  }
}

// A conformance file whose header is wrong is refused with the file, line and column of what is
// wrong, never read as a test with fewer expectations.
std::string HeaderErrorOf(const std::string& header) {
  const std::string text = "C SB+rlx\n" + header +
                           "\n{ x = 0; y = 0; }\n"
                           "P0 (atomic_int* x, atomic_int* y) {\n"
                           "  atomic_store_explicit(x, 1, memory_order_relaxed);\n"
                           "  int r0 = atomic_load_explicit(y, memory_order_relaxed);\n"
                           "}\n"
                           "P1 (atomic_int* x, atomic_int* y) {\n"
                           "  atomic_store_explicit(y, 1, memory_order_relaxed);\n"
                           "  int r1 = atomic_load_explicit(x, memory_order_relaxed);\n"
                           "}\n"
                           "exists (0:r0=0 /\\ 1:r1=0)\n";
  auto parsed = ParseLitmusFile(text, "bad.litmus");
  if (const auto* e = std::get_if<herd::ParseError>(&parsed)) return e->ToString();
  return "(parsed)";
}

TEST(ConformanceFiles, AGoodHeaderReadsIntoTheTest) {
  auto parsed = ParseLitmusFile(
      "C SB+rlx\n(* family: store buffering\n   program: p\n   rc11: allowed 4\n"
      "   counts: brute force *)\n{ x = 0; y = 0; }\n"
      "P0 (atomic_int* x, atomic_int* y) { int r0 = atomic_load_explicit(y, memory_order_relaxed); "
      "}\n"
      "exists (0:r0=0)\n",
      "good.litmus");
  ASSERT_TRUE(std::holds_alternative<LitmusTest>(parsed))
      << std::get<herd::ParseError>(parsed).ToString();
  const LitmusTest& t = std::get<LitmusTest>(parsed);
  EXPECT_EQ(t.name, "SB+rlx");
  EXPECT_EQ(t.file, "good.litmus");
  EXPECT_EQ(t.family, "store buffering");
  EXPECT_EQ(t.program, "p");
  EXPECT_EQ(t.counts, "brute force");
  ASSERT_TRUE(t.expected.contains(mc::Model::kRC11));
  const Expectation rc11 = t.expected.at(mc::Model::kRC11);
  EXPECT_TRUE(rc11.allowed);
  EXPECT_EQ(rc11.executions, 4u);
  // No `sc:` line: no SC expectation, not RC11's.
  EXPECT_EQ(t.Expected(mc::Model::kSC), nullptr);
  EXPECT_EQ(t.ConditionText(), "0:r0=0");
}

TEST(ConformanceFiles, AWrongHeaderIsRefusedWithWhereAndWhat) {
  const std::string ok = "   family: store buffering\n   program: p\n   counts: brute force";
  EXPECT_EQ(HeaderErrorOf("{ x = 0; }"),
            "bad.litmus:2:1: expected the header comment '(* family: ... *)' after the C line "
            "(litmus/litmus_file.h describes it)");
  EXPECT_EQ(HeaderErrorOf("(*\n" + ok + "\n   power: allowed 4 *)"),
            "bad.litmus:6:4: unknown header key 'power' (known: family, program, counts, rc11, sc, "
            "tso)");
  EXPECT_EQ(HeaderErrorOf("(*\n" + ok + "\n   rc11: allowed four *)"),
            "bad.litmus:6:4: 'rc11: allowed four': want 'allowed N' or 'forbidden N' "
            "(N executions)");
  EXPECT_EQ(HeaderErrorOf("(*\n" + ok + "\n   sc: maybe 3 *)"),
            "bad.litmus:6:4: 'sc: maybe 3': want 'allowed N' or 'forbidden N' (N executions)");
  EXPECT_EQ(HeaderErrorOf("(* family: store buffering\n   counts: brute force *)"),
            "bad.litmus:2:1: the header states no 'program:'");
  EXPECT_EQ(HeaderErrorOf("(*\n" + ok + "\n   family: again *)"),
            "bad.litmus:6:4: header key 'family' twice");
  EXPECT_EQ(HeaderErrorOf("(*\n" + ok + "\n   just words *)"),
            "bad.litmus:6:4: expected 'key: value' in the header, got 'just words'");
  // The herd program after the header is still checked by the herd parser.
  EXPECT_NE(HeaderErrorOf("(*\n" + ok + " *)\nP0 (").find("bad.litmus:"), std::string::npos);
}

}  // namespace
}  // namespace litmus
