#include "herd/herd_run.h"

#include <algorithm>
#include <functional>
#include <iomanip>
#include <memory>
#include <set>

namespace herd {
namespace {

// One shared location of the running execution: atomic or plain, as the program uses it.
struct Cell {
  std::unique_ptr<mc::atomic<int64_t>> atomic;
  std::unique_ptr<mc::var<int64_t>> plain;
};

// Wrap-around arithmetic, as the hardware does it (signed overflow is not ours to define).
int64_t Wrap(uint64_t v) { return static_cast<int64_t>(v); }

class Interpreter {
 public:
  Interpreter(const Program& program, std::vector<Cell>& cells)
      : program_(program), cells_(cells) {}

  std::map<std::string, int64_t> RunThread(const Thread& t) {
    registers_.clear();
    const std::string prefix = std::to_string(t.id) + ":";
    for (const auto& [name, value] : program_.register_init) {
      if (name.starts_with(prefix)) registers_[name.substr(prefix.size())] = value;
    }
    for (const Stmt& s : t.body) Exec(s);
    return registers_;
  }

 private:
  Cell& CellOf(const std::string& name) {
    for (size_t i = 0; i < program_.locations.size(); ++i) {
      if (program_.locations[i].name == name) return cells_[i];
    }
    throw std::logic_error("herd: location '" + name + "' vanished after parsing");
  }

  void Exec(const Stmt& s) {
    if (!s.text.empty()) mc::note(s.text.c_str());
    switch (s.kind) {
      case Stmt::Kind::kDeclare:
        registers_[s.name] = s.expr ? Eval(*s.expr) : 0;
        return;
      case Stmt::Kind::kAssign:
        registers_[s.name] = Eval(*s.expr);
        return;
      case Stmt::Kind::kPlainStore: {
        const int64_t v = Eval(*s.expr);
        CellOf(s.name).plain->store(v);
        return;
      }
      case Stmt::Kind::kExpr:
        Eval(*s.expr);
        return;
      case Stmt::Kind::kIf:
        for (const Stmt& b : Eval(*s.expr) != 0 ? s.body : s.orelse) Exec(b);
        return;
      case Stmt::Kind::kBlock:
        for (const Stmt& b : s.body) Exec(b);
        return;
    }
  }

  int64_t Eval(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::kConst:
        return e.value;
      case Expr::Kind::kRegister:
        return registers_[e.name];
      case Expr::Kind::kPlainLoad:
        return CellOf(e.name).plain->load();
      case Expr::Kind::kAtomic:
        return EvalAtomic(e);
      case Expr::Kind::kUnary: {
        const int64_t v = Eval(*e.args[0]);
        if (e.op == "-") return Wrap(0 - static_cast<uint64_t>(v));
        if (e.op == "!") return v == 0 ? 1 : 0;
        return ~v;
      }
      case Expr::Kind::kBinary:
        return EvalBinary(e);
    }
    return 0;
  }

  int64_t EvalBinary(const Expr& e) {
    const int64_t a = Eval(*e.args[0]);  // left before right, and && || short-circuit, as in C
    if (e.op == "&&") return a != 0 && Eval(*e.args[1]) != 0 ? 1 : 0;
    if (e.op == "||") return a != 0 || Eval(*e.args[1]) != 0 ? 1 : 0;
    const int64_t b = Eval(*e.args[1]);
    const auto ua = static_cast<uint64_t>(a);
    const auto ub = static_cast<uint64_t>(b);
    if (e.op == "+") return Wrap(ua + ub);
    if (e.op == "-") return Wrap(ua - ub);
    if (e.op == "*") return Wrap(ua * ub);
    if (e.op == "&") return a & b;
    if (e.op == "|") return a | b;
    if (e.op == "^") return a ^ b;
    if (e.op == "==") return a == b ? 1 : 0;
    if (e.op == "!=") return a != b ? 1 : 0;
    if (e.op == "<") return a < b ? 1 : 0;
    if (e.op == ">") return a > b ? 1 : 0;
    if (e.op == "<=") return a <= b ? 1 : 0;
    if (e.op == ">=") return a >= b ? 1 : 0;
    throw std::logic_error("herd: operator '" + e.op + "' was parsed but has no meaning");
  }

  int64_t EvalAtomic(const Expr& e) {
    if (e.atomic == AtomicOp::kFence) {
      mc::fence(e.order);
      return 0;
    }
    mc::atomic<int64_t>& a = *CellOf(e.name).atomic;
    const int64_t v = e.args.empty() ? 0 : Eval(*e.args[0]);
    switch (e.atomic) {
      case AtomicOp::kLoad:
        return a.load(e.order);
      case AtomicOp::kStore:
        a.store(v, e.order);
        return 0;
      case AtomicOp::kExchange:
        return a.exchange(v, e.order);
      case AtomicOp::kFetchAdd:
        return a.fetch_add(v, e.order);
      case AtomicOp::kFetchSub:
        return a.fetch_sub(v, e.order);
      case AtomicOp::kFetchAnd:
        return a.fetch_and(v, e.order);
      case AtomicOp::kFetchOr:
        return a.fetch_or(v, e.order);
      case AtomicOp::kFetchXor:
        return a.fetch_xor(v, e.order);
      case AtomicOp::kCasStrong:
      case AtomicOp::kCasWeak: {
        int64_t& expected = registers_[e.expected_register];
        const bool ok = e.atomic == AtomicOp::kCasStrong
                            ? a.compare_exchange_strong(expected, v, e.order, e.failure_order)
                            : a.compare_exchange_weak(expected, v, e.order, e.failure_order);
        return ok ? 1 : 0;
      }
      case AtomicOp::kFence:
        break;
    }
    return 0;
  }

  const Program& program_;
  std::vector<Cell>& cells_;
  std::map<std::string, int64_t> registers_;
};

// herd lists registers (by thread, then name) before locations (by name).
bool HerdOrder(const std::string& a, const std::string& b) {
  const auto ca = a.find(':');
  const auto cb = b.find(':');
  const bool ra = ca != std::string::npos;
  const bool rb = cb != std::string::npos;
  if (ra != rb) return ra;
  if (ra) {
    const int ta = std::stoi(a.substr(0, ca));
    const int tb = std::stoi(b.substr(0, cb));
    if (ta != tb) return ta < tb;
  }
  return a < b;
}

// Plain locations (name -> whether some thread writes them, the threads that access them).
void CollectPlain(const Expr& e, int thread,
                  std::map<std::string, std::pair<bool, std::set<int>>>& uses) {
  if (e.kind == Expr::Kind::kPlainLoad) uses[e.name].second.insert(thread);
  for (const auto& a : e.args) CollectPlain(*a, thread, uses);
}
void CollectPlain(const std::vector<Stmt>& body, int thread,
                  std::map<std::string, std::pair<bool, std::set<int>>>& uses) {
  for (const Stmt& s : body) {
    if (s.kind == Stmt::Kind::kPlainStore) {
      uses[s.name].first = true;
      uses[s.name].second.insert(thread);
    }
    if (s.expr) CollectPlain(*s.expr, thread, uses);
    CollectPlain(s.body, thread, uses);
    CollectPlain(s.orelse, thread, uses);
  }
}

// The plain locations two threads access, at least one writing: where a race can be.
std::vector<std::string> SharedPlainLocations(const Program& program) {
  std::map<std::string, std::pair<bool, std::set<int>>> uses;
  for (const Thread& t : program.threads) CollectPlain(t.body, t.id, uses);
  std::vector<std::string> out;
  for (const auto& [name, use] : uses) {
    if (use.first && use.second.size() > 1) out.push_back(name);
  }
  return out;
}

}  // namespace

std::function<void()> Body(const Program& program) {
  std::vector<std::string> observed = program.observed;
  std::sort(observed.begin(), observed.end(), HerdOrder);
  return [&program, observed] {
    std::vector<Cell> cells(program.locations.size());
    for (size_t i = 0; i < program.locations.size(); ++i) {
      const Location& l = program.locations[i];
      // Named as the file names them: traces say "x", not where the cell was allocated.
      if (l.atomic) {
        cells[i].atomic = std::make_unique<mc::atomic<int64_t>>(l.initial, l.name.c_str());
      } else {
        cells[i].plain = std::make_unique<mc::var<int64_t>>(l.initial, l.name.c_str());
      }
    }
    std::vector<std::map<std::string, int64_t>> registers(program.threads.size());
    {
      std::vector<mc::thread> threads;
      threads.reserve(program.threads.size());
      for (const Thread& t : program.threads) {
        threads.emplace_back([&, tp = &t] {
          registers[static_cast<size_t>(tp->id)] = Interpreter(program, cells).RunThread(*tp);
        });
      }
      for (auto& t : threads) t.join();
    }
    for (const std::string& name : observed) {
      const auto colon = name.find(':');
      if (colon != std::string::npos) {
        const auto& regs = registers[std::stoul(name.substr(0, colon))];
        const auto it = regs.find(name.substr(colon + 1));
        mc::observe(name, it == regs.end() ? 0 : it->second);
        continue;
      }
      for (size_t i = 0; i < program.locations.size(); ++i) {
        if (program.locations[i].name != name) continue;
        mc::observe(name,
                    cells[i].atomic ? cells[i].atomic->load(mc::relaxed) : cells[i].plain->load());
      }
    }
  };
}

std::string ThreadLegend(const Program& program) {
  std::string legend;
  for (size_t i = 0; i < program.threads.size(); ++i) {
    legend += (i == 0 ? "" : ", ") + std::string("P") + std::to_string(program.threads[i].id) +
              (i == 0 ? " runs as T" : " as T") + std::to_string(i + 1);
  }
  return legend;
}

mc::Options HerdOptions(mc::Options options) {
  if (options.plain_races == mc::PlainRaces::kStop) {
    options.plain_races = mc::PlainRaces::kContinueCoherent;
  }
  return options;
}

Outcome Explore(const Program& program, mc::Options options) {
  std::vector<std::string> observed = program.observed;
  std::sort(observed.begin(), observed.end(), HerdOrder);
  Outcome out;
  out.report = mc::check(Body(program), HerdOptions(options));

  for (const auto& [text, count] : out.report.outcomes) {
    State s;
    s.values = ParseState(text);
    s.executions = count;
    s.witness = out.report.outcome_tokens.at(text);
    if (program.filter && !Holds(*program.filter, s.values)) {
      out.filtered_out += count;
      continue;
    }
    for (const std::string& name : observed) {
      s.text += name + "=" + std::to_string(s.values[name]) + "; ";
    }
    if (!s.text.empty()) s.text.pop_back();
    s.satisfies = Holds(program.condition, s.values);
    (s.satisfies ? out.p_true : out.p_false) += count;
    out.states.push_back(std::move(s));
  }
  std::sort(out.states.begin(), out.states.end(),
            [](const State& a, const State& b) { return a.text < b.text; });

  switch (program.quantifier) {
    case Quantifier::kExists:
      out.kind = "Allowed";
      out.positive = out.p_true;
      out.negative = out.p_false;
      out.ok = out.p_true > 0;
      break;
    case Quantifier::kNotExists:
      out.kind = "Forbidden";
      out.positive = out.p_false;
      out.negative = out.p_true;
      out.ok = out.p_true == 0;
      break;
    case Quantifier::kForall:
      out.kind = "Required";
      out.positive = out.p_true;
      out.negative = out.p_false;
      out.ok = out.p_false == 0;
      break;
  }
  out.observation = out.p_true == 0 ? "Never" : out.p_false == 0 ? "Always" : "Sometimes";
  return out;
}

std::string HerdText(const Program& program, const Outcome& o, mc::Model model) {
  std::ostringstream out;
  out << "Test " << program.name << " " << o.kind << "\n";
  out << "States " << o.states.size() << "\n";
  for (const State& s : o.states) {
    out << std::setw(8) << s.executions << (s.satisfies ? "*>" : ":>") << s.text << "\n";
  }
  out << (o.ok ? "Ok" : "No") << "\n";
  out << "Witnesses\n";
  out << "Positive: " << o.positive << " Negative: " << o.negative << "\n";
  if (!o.report.races.empty()) {
    // The checker names racing accesses by the interpreter's source lines, which mean nothing
    // here: name the plain locations that two threads access, one of them writing.
    out << "Flag data-race";
    for (const std::string& loc : SharedPlainLocations(program)) out << " " << loc;
    out << "\n";
  }
  out << "Condition " << program.condition_text << "\n";
  out << "Observation " << program.name << " " << o.observation << " " << o.p_true << " "
      << o.p_false << "\n";
  out << "Executions " << o.report.executions << " (" << mc::ModelName(model);
  if (o.filtered_out > 0) out << ", " << o.filtered_out << " dropped by the filter";
  out << ")\n";
  out << "Time " << program.name << " " << std::fixed << std::setprecision(2) << o.report.seconds
      << "\n";
  return out.str();
}

}  // namespace herd
