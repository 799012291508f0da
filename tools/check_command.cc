#include "check_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "litmus/claims/claims.h"
#include "litmus/litmus.h"
#include "models/backend/real_backend.h"
#include "models/fixes/fixes.h"
#include "models/mutants/mutants.h"

namespace mapcheck {
namespace {

constexpr const char* kCheckUsage =
    "usage: mapcheck check [FILTER] [--model rc11|sc|all] [--verbose]\n"
    "\n"
    "Model-checks every registered litmus test whose name contains FILTER (default: all) under\n"
    "the chosen memory models (default: all) and prints one row per test and model: the verdict\n"
    "of its outcome condition, the expected verdict, the executions explored against the\n"
    "expected count, and the time. Then decides the claims of the incident write-up whose id\n"
    "contains FILTER (C1, C2, ...) by model-checking the map models, with the evidence.\n"
    "Exits 1 if any result differs from its expectation.\n"
    "\n"
    "  --model M    rc11, sc or all\n"
    "  --verbose    print the full report of every mismatch\n";

constexpr const char* kListUsage =
    "usage: mapcheck list [--json]\n"
    "\n"
    "Lists the registered litmus tests with their programs and expectations, the maps\n"
    "(models/fixes/fixes.h), the mutants with the bug each carries\n"
    "(models/mutants/mutants.h), and the fuzz targets (fuzz/).\n";

auto Mutants() { return models::MutantInfos(models::Mutants<models::RealBackend>{}); }

// The fuzz targets (fuzz/*_fuzzer.cc), as the build found them.
std::vector<std::string> FuzzTargets() {
  std::vector<std::string> out;
  std::stringstream names(MAPCHECK_FUZZ_TARGETS);
  for (std::string name; std::getline(names, name, ',');) {
    if (!name.empty()) out.push_back(name);
  }
  return out;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string filter;
  std::vector<mc::Model> models = {mc::Model::kRC11, mc::Model::kSC};
  bool verbose = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out << kCheckUsage;
      return 0;
    }
    if (a == "--verbose") {
      verbose = true;
    } else if (a == "--model") {
      if (i + 1 == args.size()) {
        err << "mapcheck check: --model needs a value: rc11, sc or all\n";
        return 2;
      }
      const std::string& m = args[++i];
      if (m == "rc11") {
        models = {mc::Model::kRC11};
      } else if (m == "sc") {
        models = {mc::Model::kSC};
      } else if (m == "all") {
        models = {mc::Model::kRC11, mc::Model::kSC};
      } else {
        err << "mapcheck check: unknown model '" << m << "' (expected rc11, sc or all)\n";
        return 2;
      }
    } else if (a.starts_with("-")) {
      err << "mapcheck check: unknown option '" << a << "'\n" << kCheckUsage;
      return 2;
    } else if (filter.empty()) {
      filter = a;
    } else {
      err << "mapcheck check: only one FILTER may be given ('" << filter << "', '" << a << "')\n";
      return 2;
    }
  }

  std::vector<const litmus::LitmusTest*> selected;
  for (const auto& t : litmus::Registry()) {
    if (t.name.find(filter) != std::string::npos) selected.push_back(&t);
  }
  std::vector<const claims::Claim*> selected_claims;
  for (const auto& c : claims::Registry()) {
    if (c.id.find(filter) != std::string::npos) selected_claims.push_back(&c);
  }
  std::sort(selected_claims.begin(), selected_claims.end(),
            [](const claims::Claim* x, const claims::Claim* y) {
              return std::stoi(x->id.substr(1)) < std::stoi(y->id.substr(1));
            });
  if (selected.empty() && selected_claims.empty()) {
    err << "mapcheck check: no litmus test matches '" << filter << "' (see mapcheck list)\n";
    return 2;
  }

  int passed = 0;
  int failed = 0;
  std::vector<litmus::Result> mismatches;
  if (!selected.empty()) {
    out << std::left << std::setw(30) << "test" << std::setw(6) << "model" << std::setw(11)
        << "verdict" << std::setw(11) << "expected" << std::setw(14) << "executions"
        << std::setw(10) << "time"
        << "result\n";
  }
  for (const auto* test : selected) {
    for (mc::Model model : models) {
      litmus::Result r = litmus::RunLitmus(*test, model);
      const auto& want = test->Expected(model);
      std::ostringstream execs;
      execs << r.report.executions << "/" << want.executions;
      std::ostringstream time;
      time << std::fixed << std::setprecision(1) << r.report.seconds * 1000 << "ms";
      const char* verdict =
          r.report.verdict != mc::Verdict::kOk ? "error" : (r.allowed ? "allowed" : "forbidden");
      out << std::left << std::setw(30) << test->name << std::setw(6) << mc::ModelName(model)
          << std::setw(11) << verdict << std::setw(11) << (want.allowed ? "allowed" : "forbidden")
          << std::setw(14) << execs.str() << std::setw(10) << time.str()
          << (r.pass ? "ok" : "MISMATCH") << "\n";
      if (r.pass) {
        ++passed;
      } else {
        ++failed;
        mismatches.push_back(std::move(r));
      }
    }
  }
  if (!selected_claims.empty()) {
    out << "\n"
        << std::left << std::setw(6) << "claim" << std::setw(13) << "verdict" << std::setw(13)
        << "expected" << std::setw(10) << "result"
        << "evidence\n";
  }
  for (const auto* claim : selected_claims) {
    const claims::Decision d = claim->decide();
    const bool ok = claims::Settled(*claim, d);
    out << std::left << std::setw(6) << claim->id << std::setw(13) << d.verdict << std::setw(13)
        << claim->expected << std::setw(10) << (ok ? "ok" : "MISMATCH") << d.evidence << "\n";
    if (ok) {
      ++passed;
    } else {
      ++failed;
      err << "\nMISMATCH " << claim->id << ": " << claim->statement << "\n  decided by "
          << claim->test << "\n";
    }
  }
  for (const auto& m : mismatches) {
    err << "\nMISMATCH " << m.test->name << " under " << mc::ModelName(m.model) << ": " << m.problem
        << "\n  program: " << m.test->program << "\n";
    if (verbose) err << m.report.ToString();
  }
  out << "\n" << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}

int ListCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool json = false;
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      out << kListUsage;
      return 0;
    }
    if (a == "--json") {
      json = true;
    } else {
      err << "mapcheck list: unknown argument '" << a << "'\n" << kListUsage;
      return 2;
    }
  }
  if (json) {
    out << "{\"litmus\": [";
    bool first = true;
    for (const auto& t : litmus::Registry()) {
      out << (first ? "\n" : ",\n") << "  {\"name\": \"" << JsonEscape(t.name)
          << "\", \"family\": \"" << JsonEscape(t.family) << "\", \"program\": \""
          << JsonEscape(t.program) << "\", \"condition\": \""
          << JsonEscape(litmus::ConditionText(t.condition))
          << "\", \"rc11\": {\"allowed\": " << (t.rc11.allowed ? "true" : "false")
          << ", \"executions\": " << t.rc11.executions
          << "}, \"sc\": {\"allowed\": " << (t.sc.allowed ? "true" : "false")
          << ", \"executions\": " << t.sc.executions << "}}";
      first = false;
    }
    out << "\n], \"maps\": [";
    first = true;
    for (const models::MapInfo& m : models::kMaps) {
      out << (first ? "\n" : ",\n") << "  {\"name\": \"" << m.name << "\", \"file\": \"" << m.file
          << "\", \"summary\": \"" << JsonEscape(std::string(m.summary)) << "\"}";
      first = false;
    }
    out << "\n], \"mutants\": [";
    first = true;
    for (const models::MutantInfo& m : Mutants()) {
      out << (first ? "\n" : ",\n") << "  {\"name\": \"" << m.name << "\", \"fix\": \"" << m.fix
          << "\", \"bug\": \"" << JsonEscape(std::string(m.bug)) << "\", \"file\": \"" << m.file
          << "\"}";
      first = false;
    }
    out << "\n], \"fuzz_targets\": [";
    first = true;
    for (const std::string& f : FuzzTargets()) {
      out << (first ? "\n" : ",\n") << "  \"" << f << "\"";
      first = false;
    }
    out << "\n]}\n";
    return 0;
  }
  out << "litmus tests:\n";
  for (const auto& t : litmus::Registry()) {
    out << "  " << std::left << std::setw(30) << t.name << t.family << ": " << t.program << "\n";
  }
  out << "\nmaps:\n";
  for (const models::MapInfo& m : models::kMaps) {
    out << "  " << std::left << std::setw(34) << m.name << m.summary << "\n";
  }
  out << "\nmutants:\n";
  for (const models::MutantInfo& m : Mutants()) {
    out << "  " << std::left << std::setw(34) << m.name << m.bug << "\n";
  }
  out << "\nfuzz targets (build/fuzz with the fuzz preset; *_replay everywhere):\n";
  for (const std::string& f : FuzzTargets()) out << "  " << f << "\n";
  return 0;
}

}  // namespace mapcheck
