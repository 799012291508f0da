#include "merge_command.h"

#include <fstream>
#include <map>
#include <sstream>

#include "check_merge.h"
#include "common_flags.h"
#include "json.h"
#include "json_reader.h"
#include "protocol_report.h"
#include "shard_set.h"
#include "user_error.h"

namespace mapcheck {
namespace {

constexpr unsigned kFlags = kJsonFlag;

constexpr const char* kUsage =
    "usage: mapcheck merge FILE... [--json]\n"
    "\n"
    "Adds up the reports of the N shards of a search, each written by `mapcheck protocol CASE\n"
    "--shard I/N --json > FILE`, and prints what one unsharded `mapcheck protocol CASE` prints:\n"
    "the executions, runs and executions of each class are sums (the shards split the search\n"
    "tree exactly), the search memory the largest shard's, each class's witness one shard's.\n"
    "Every case needs shards 1 to N, each once, of one N.\n"
    "\n"
    "Reports of `mapcheck check [FILTER] --shard I/N --json` merge likewise: each litmus row's\n"
    "executions and runs are added up, its condition counts as seen when one shard saw it, and\n"
    "the whole is judged as one check judges (the table, the exit status: 0 ok, 1 a mismatch,\n"
    "3 incomplete); the claims come from the shard that decided them (shard 1).\n"
    "\n"
    "Exits 2 on a file that cannot be read or is not such a report, or on a missing or\n"
    "repeated shard, naming it.\n"
    "\n"
    "options:\n";

// One case's shards, added up as they are read.
struct Merged {
  litmus::go_map::ProtocolResult result;
  ShardSet shards;
};

bool Fail(std::ostream& err, const std::string& file, const std::string& what) {
  Refuse(err, "merge", file, what);
  return false;
}

std::optional<uint64_t> Count(const JsonValue& o, const char* key) {
  const JsonValue* v = o.Find(key);
  return v == nullptr ? std::nullopt : v->Unsigned();
}

bool AddCase(const std::string& file, const JsonValue& c, std::map<std::string, Merged>& cases,
             std::vector<std::string>& order, std::ostream& err) {
  const JsonValue* name = c.Find("case");
  const JsonValue* shard = c.Find("shard");
  const JsonValue* classes = c.Find("classes");
  const JsonValue* exhaustive = c.Find("exhaustive");
  const auto executions = Count(c, "executions");
  const auto blocked = Count(c, "blocked");
  const auto runs = Count(c, "runs");
  const auto states = Count(c, "states");
  const auto bytes = Count(c, "state_bytes");
  if (name == nullptr || name->kind != JsonValue::Kind::kString || classes == nullptr ||
      classes->kind != JsonValue::Kind::kArray || exhaustive == nullptr ||
      exhaustive->kind != JsonValue::Kind::kBool || !executions || !blocked || !runs || !states ||
      !bytes) {
    return Fail(err, file,
                "a case without its name, counts or classes (not written by mapcheck protocol "
                "--json of this version?)");
  }
  if (shard == nullptr || shard->kind != JsonValue::Kind::kString) {
    return Fail(err, file,
                "case " + name->text + " is not a shard (run mapcheck protocol " + name->text +
                    " --shard I/N --json)");
  }
  const litmus::go_map::ProtocolCase* config = litmus::go_map::FindProtocolCase(name->text);
  if (config == nullptr) {
    return Fail(err, file, "no protocol case named '" + name->text + "' in this mapcheck");
  }
  auto [it, added] = cases.try_emplace(name->text);
  Merged& m = it->second;
  if (added) {
    order.push_back(name->text);
    m.result.config = config;
    m.result.report.exhaustive = true;
  }
  if (std::string why; !m.shards.Add(shard->text, file, why)) {
    return Fail(err, file, "case " + name->text + ": " + why);
  }
  mc::Report& r = m.result.report;
  r.executions += *executions;
  r.blocked += *blocked;
  r.runs += *runs;
  r.states += *states;
  r.state_bytes = std::max<uint64_t>(r.state_bytes, *bytes);
  r.exhaustive = r.exhaustive && exhaustive->boolean;
  const std::string prefix = "protocol/" + name->text + "@";
  for (const JsonValue& cls : classes->items) {
    const JsonValue* label = cls.Find("class");
    const auto n = Count(cls, "executions");
    const JsonValue* witness = cls.Find("witness");
    if (label == nullptr || label->kind != JsonValue::Kind::kString || !n) {
      return Fail(err, file, "case " + name->text + ": a class without its name or count");
    }
    m.result.classes[label->text] += *n;
    if (witness != nullptr && witness->text.starts_with(prefix)) {
      m.result.witnesses.try_emplace(label->text, witness->text.substr(prefix.size()));
    }
  }
  return true;
}

}  // namespace

int MergeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommonFlags flags;
  std::vector<std::string> files;
  if (const auto stop = ParseCommandLine("merge", kFlags, kUsage + CommonFlagsHelp(kFlags), args,
                                         flags, out, err, CollectWords(args, files))) {
    return *stop;
  }
  if (files.empty()) {
    return Refuse(err, "merge", "", "no FILE given (mapcheck merge --help)");
  }
  std::vector<std::pair<std::string, JsonValue>> reports;
  bool checks = false;  // the reports are mapcheck check's (a "results" list), not protocol's
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) {
      return Refuse(err, "merge", file, "cannot read the file");
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    const auto doc = ParseJson(text.str(), error);
    if (!doc) {
      return Refuse(err, "merge", file, "not JSON: " + error);
    }
    const JsonValue* cases = doc->Find("cases");
    const JsonValue* results = doc->Find("results");
    const bool is_check = results != nullptr && results->kind == JsonValue::Kind::kArray;
    if (!is_check && (cases == nullptr || cases->kind != JsonValue::Kind::kArray)) {
      return Refuse(err, "merge", file,
                    "has neither a \"cases\" nor a \"results\" list (write it with mapcheck "
                    "protocol CASE --shard I/N --json, or mapcheck check --shard I/N --json)");
    }
    if (!reports.empty() && is_check != checks) {
      return Refuse(err, "merge", file,
                    std::string("is a report of mapcheck ") + (is_check ? "check" : "protocol") +
                        ", " + reports.front().first + " one of mapcheck " +
                        (checks ? "check" : "protocol"));
    }
    checks = is_check;
    reports.emplace_back(file, std::move(*doc));
  }
  if (checks) return MergeCheckReports(reports, flags.json, out, err);
  std::map<std::string, Merged> cases;
  std::vector<std::string> order;  // cases in the order first read
  for (const auto& [file, doc] : reports) {
    for (const JsonValue& c : doc.Find("cases")->items) {
      if (!AddCase(file, c, cases, order, err)) return 2;
    }
  }
  for (const std::string& name : order) {
    if (const std::string missing = cases.at(name).shards.Missing(); !missing.empty()) {
      return Refuse(err, "merge", "case " + name, missing);
    }
  }
  std::vector<std::string> json;
  for (size_t i = 0; i < order.size(); ++i) {
    const litmus::go_map::ProtocolResult& r = cases.at(order[i]).result;
    if (flags.json) {
      json.push_back(ProtocolResultJson(r, ""));
    } else {
      PrintProtocolResult(r, "", i == 0, out);
    }
  }
  if (flags.json) {
    out << JsonObject().Add("command", "protocol").Raw("cases", JsonArray(json, true)).ToString()
        << "\n";
  }
  return 0;
}

}  // namespace mapcheck
