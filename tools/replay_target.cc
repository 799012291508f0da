#include "replay_target.h"

#include <fstream>
#include <sstream>
#include <variant>

#include "litmus/go_map/protocol.h"
#include "litmus/go_map/map_scenarios.h"
#include "herd/herd_parser.h"
#include "herd/herd_run.h"
#include "litmus/litmus.h"
#include "models/backend/model_backend.h"
#include "models/registry/registry.h"

namespace mapcheck {
namespace {

std::optional<ReplayTarget> FromHerdFile(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read the file";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = herd::Parse(text.str(), path);
  if (const auto* e = std::get_if<herd::ParseError>(&parsed)) {
    error = e->ToString();
    return std::nullopt;
  }
  auto program = std::make_shared<herd::Program>(std::move(std::get<herd::Program>(parsed)));
  ReplayTarget t;
  t.name = path;
  t.program = "herd test " + program->name + " (" + herd::ThreadLegend(*program) + ")";
  t.body = herd::Body(*program);
  t.options = herd::HerdOptions({});
  t.keep = program;
  return t;
}

// A mutant's kill scenario may share its name with a fix scenario of another shape; the one
// `mapcheck verify` ran for `map` comes first.
const map_scenario::Scenario* FindScenario(const std::string& map, const std::string& name) {
  for (const auto& k : litmus::go_map::MutantKills()) {
    if (k.mutant == map && k.scenario.name == name) return &k.scenario;
  }
  for (const auto& s : litmus::go_map::FixScenarios()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::optional<ReplayTarget> FromScenario(const std::string& map, const std::string& scenario,
                                         std::string& error) {
  const map_scenario::Scenario* s = FindScenario(map, scenario);
  if (s == nullptr) {
    error = map + "/" + scenario + ": no map scenario named " + scenario +
            " (litmus/go_map/map_scenarios.cc)";
    return std::nullopt;
  }
  std::optional<ReplayTarget> found;
  auto failure = std::make_shared<std::string>();
  const auto consider = [&]<class M>(std::string_view name) {
    if (name != map || found) return;
    found = ReplayTarget{map + "/" + scenario, s->Program(),
                         map_scenario::ScenarioBody(
                             *s, [] { return std::make_unique<M>(); }, failure.get()),
                         mc::Options{}, failure, [failure] { return *failure; }};
  };
  models::ForEachMap(models::CheckedFixes<models::ModelBackend>{},
                     [&]<class M>() { consider.template operator()<M>(models::kMapName<M>); });
  models::ForEachMap(models::Mutants<models::ModelBackend>{},
                     [&]<class M>() { consider.template operator()<M>(M::kMutant.name); });
  if (!found) {
    error = map + "/" + scenario + ": no map or mutant named " + map + " (see mapcheck list)";
  }
  return found;
}

}  // namespace

std::optional<ReplayTarget> FindReplayTarget(const std::string& name, std::string& error) {
  if (name.ends_with(".litmus")) return FromHerdFile(name, error);
  for (const auto& t : litmus::Registry()) {
    if (t.name == name) {
      return ReplayTarget{t.name, t.program + " (" + herd::ThreadLegend(*t.herd) + ")", t.body,
                          mc::Options{}, nullptr};
    }
  }
  if (name.starts_with("protocol/")) {
    const std::string wanted = name.substr(9);
    const litmus::go_map::ProtocolCase* c = litmus::go_map::FindProtocolCase(wanted);
    if (c == nullptr) {
      error = name + ": no protocol case named " + wanted + " (litmus/go_map/protocol.cc)";
      return std::nullopt;
    }
    return ReplayTarget{name, "the bare GoMap's protocol, " + c->threads + " (" + c->setup + ")",
                        litmus::go_map::ProtocolBody(*c), litmus::go_map::ProtocolOptions(*c),
                        nullptr};
  }
  const auto slash = name.find('/');
  if (slash != std::string::npos) {
    return FromScenario(name.substr(0, slash), name.substr(slash + 1), error);
  }
  error = name +
          ": no test of that name: expected a litmus test (mapcheck list), MAP/SCENARIO, "
          "protocol/CASE or a .litmus file";
  return std::nullopt;
}

}  // namespace mapcheck
