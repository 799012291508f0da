// Every row of docs/conformance.md under RC11 and SC: the verdict of the outcome condition and the
// exact number of consistent executions. A count too high means duplicated executions, too low
// means missed ones; a wrong verdict means a wrong memory model.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <string>

#include "litmus/litmus.h"

namespace litmus {
namespace {

struct Param {
  const LitmusTest* test;
  mc::Model model;
};

void PrintTo(const Param& p, std::ostream* os) {
  *os << p.test->name << " under " << mc::ModelName(p.model);
}

class Conformance : public ::testing::TestWithParam<Param> {};

TEST_P(Conformance, VerdictAndExecutionCountMatch) {
  const Param& p = GetParam();
  const Result r = RunLitmus(*p.test, p.model);
  EXPECT_TRUE(r.pass) << p.test->name << " under " << mc::ModelName(p.model) << ": " << r.problem
                      << "\n  program: " << p.test->program << "\n"
                      << r.report.ToString();
}

std::vector<Param> AllParams() {
  std::vector<Param> params;
  for (const LitmusTest& t : Registry()) {
    params.push_back({&t, mc::Model::kRC11});
    params.push_back({&t, mc::Model::kSC});
  }
  return params;
}

std::string ParamName(const ::testing::TestParamInfo<Param>& info) {
  std::string name = info.param.test->name + "_" + std::string(mc::ModelName(info.param.model));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(MemoryModel, Conformance, ::testing::ValuesIn(AllParams()), ParamName);

// The stateful SC search (Strategy::kStatefulSC) on every row: the SC verdict of the outcome
// condition. It counts behaviours, not executions: at most the SC executions, since two
// executions with different values read or a different final memory are different graphs.
TEST(ConformanceTable, TheStatefulSearchGivesEverySCVerdict) {
  const mc::Options stateful{.model = mc::Model::kSC, .strategy = mc::Strategy::kStatefulSC};
  for (const LitmusTest& t : Registry()) {
    const mc::Report r = mc::check(t.body, stateful);
    ASSERT_TRUE(r.ok() && r.exhaustive) << t.name << "\n" << r.ToString();
    bool seen = false;
    for (const auto& [outcome, n] : r.outcomes) seen = seen || Satisfies(t.condition, outcome);
    ASSERT_NE(t.Expected(mc::Model::kSC), nullptr) << t.name;
    EXPECT_EQ(seen, t.Expected(mc::Model::kSC)->allowed) << t.name << "\n" << r.ToString();
    EXPECT_LE(r.executions, t.Expected(mc::Model::kSC)->executions) << t.name;
  }
}

// The rows of docs/conformance.md: name -> (program, RC11, SC), as the table writes them.
struct TableRow {
  std::string program;
  Expectation rc11, sc;
};

std::map<std::string, TableRow> ReadTable() {
  std::ifstream in(MAPCHECK_SOURCE_DIR "/docs/conformance.md");
  EXPECT_TRUE(in) << "cannot read docs/conformance.md";
  std::map<std::string, TableRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    // | test | threads | outcome | RC11 | RC11 count | SC | SC count | count source |
    if (!line.starts_with("| ") || line.starts_with("| test ") || line.starts_with("|---")) {
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream cols(line.substr(1));
    std::string cell;
    while (std::getline(cols, cell, '|')) {
      const size_t a = cell.find_first_not_of(' ');
      const size_t b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    if (cells.size() < 7) {
      ADD_FAILURE() << "docs/conformance.md: a row with " << cells.size() << " cells: " << line;
      continue;
    }
    TableRow row;
    row.program = cells[1];
    if (row.program.size() >= 2 && row.program.front() == '`') {
      row.program = row.program.substr(1, row.program.size() - 2);
    }
    // The table separates threads with U+2016, the registry with ASCII "||".
    for (size_t at; (at = row.program.find("\u2016")) != std::string::npos;) {
      row.program.replace(at, std::string("\u2016").size(), "||");
    }
    row.rc11 = {cells[3] == "allowed", std::stoull(cells[4])};
    row.sc = {cells[5] == "allowed", std::stoull(cells[6])};
    EXPECT_TRUE(rows.emplace(cells[0], row).second)
        << "docs/conformance.md: " << cells[0] << " twice";
  }
  return rows;
}

// The registry holds exactly the rows of docs/conformance.md, with the table's program text,
// verdicts and counts: none lost to a build change, none differing from the table it cites.
TEST(ConformanceTable, HoldsEveryRowOfTheTableAsTheTableStatesIt) {
  const std::map<std::string, TableRow> table = ReadTable();
  EXPECT_GE(table.size(), 41u);  // the table as of 2026-12 (it only grows)
  std::set<std::string> registered;
  for (const LitmusTest& t : Registry()) {
    registered.insert(t.name);
    const auto it = table.find(t.name);
    if (it == table.end()) {
      ADD_FAILURE() << t.name << " is registered but not a row of docs/conformance.md";
      continue;
    }
    EXPECT_EQ(t.program, it->second.program) << t.name;
    EXPECT_EQ(t.rc11.allowed, it->second.rc11.allowed) << t.name << " under RC11";
    EXPECT_EQ(t.rc11.executions, it->second.rc11.executions) << t.name << " under RC11";
    EXPECT_EQ(t.sc.allowed, it->second.sc.allowed) << t.name << " under SC";
    EXPECT_EQ(t.sc.executions, it->second.sc.executions) << t.name << " under SC";
  }
  for (const auto& [name, row] : table) {
    EXPECT_EQ(registered.count(name), 1u)
        << name << " is a row of docs/conformance.md but not registered";
  }
}

}  // namespace
}  // namespace litmus
