#include "merge_command.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common_flags.h"
#include "json.h"
#include "json_reader.h"
#include "protocol_report.h"
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
    "Every case needs shards 1 to N, each once, of one N. Exits 2 on a file that cannot be read\n"
    "or is not such a report, or on a missing or repeated shard, naming it.\n"
    "\n"
    "options:\n";

// One case's shards, added up as they are read.
struct Merged {
  litmus::go_map::ProtocolResult result;
  uint32_t count = 0;
  std::set<uint32_t> seen;  // 1-based shard numbers
  std::string first_file;
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
  const size_t slash = shard->text.find('/');
  uint32_t index = 0;
  uint32_t count = 0;
  try {
    index = static_cast<uint32_t>(std::stoul(shard->text.substr(0, slash)));
    count = static_cast<uint32_t>(std::stoul(shard->text.substr(slash + 1)));
  } catch (const std::exception&) {
    return Fail(err, file, "case " + name->text + ": bad shard '" + shard->text + "'");
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
    m.count = count;
    m.first_file = file;
  }
  if (count != m.count) {
    return Fail(err, file,
                "case " + name->text + " is shard " + shard->text + ", but " + m.first_file +
                    " has it in " + std::to_string(m.count) + " shards");
  }
  if (index < 1 || index > count || !m.seen.insert(index).second) {
    return Fail(err, file,
                "case " + name->text + ": shard " + shard->text +
                    (index < 1 || index > count ? " is out of range" : " is there twice"));
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
  std::map<std::string, Merged> cases;
  std::vector<std::string> order;  // cases in the order first read
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
    const JsonValue* list = doc->Find("cases");
    if (list == nullptr || list->kind != JsonValue::Kind::kArray) {
      return Refuse(err, "merge", file,
                    "has no \"cases\" list (write it with mapcheck protocol CASE --shard I/N --json)");
    }
    for (const JsonValue& c : list->items) {
      if (!AddCase(file, c, cases, order, err)) return 2;
    }
  }
  for (const std::string& name : order) {
    const Merged& m = cases.at(name);
    for (uint32_t k = 1; k <= m.count; ++k) {
      if (m.seen.count(k) == 0) {
        return Refuse(err, "merge", "case " + name,
                      "shard " + std::to_string(k) + "/" + std::to_string(m.count) +
                          " is missing (none of the files has it)");
      }
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
  if (flags.json) out << JsonObject().Raw("cases", JsonArray(json, true)).ToString() << "\n";
  return 0;
}

}  // namespace mapcheck
