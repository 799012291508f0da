#include "herd/herd_parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <sstream>
#include <utility>

#include "herd/herd_condition.h"
#include "herd/herd_lexer.h"
#include "herd/herd_token_cursor.h"
#include "herd/herd_vocabulary.h"

namespace herd {

using internal::CallNamed;
using internal::ConditionParser;
using internal::Fail;
using internal::Failure;
using internal::kSupportedCalls;
using internal::OrderNamed;
using internal::Tok;
using internal::Token;
using internal::TokenCursor;
using internal::TypeWords;

std::string ParseError::Where() const {
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col);
}

std::string ParseError::ToString() const { return Where() + ": " + message; }

namespace {

// ---------------------------------------------------------------------------------------------
// The parser

class Parser : TokenCursor {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, Program& program)
      : TokenCursor(std::move(tokens)), text_(text), p_(program) {}

  void Run() {
    SkipToInitBlock();
    ParseInit();
    while (Peek().kind == Tok::kIdent && IsThreadName(Peek().text)) ParseThread();
    if (p_.threads.empty()) Fail(Peek().pos, "expected a thread 'P0 (...) { ... }'");
    ConditionParser(*this, p_, thread_registers_).Run();
  }

 private:
  static bool IsThreadName(const std::string& s) {
    return s.size() >= 2 && s[0] == 'P' &&
           std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isdigit(c) != 0; });
  }

  // --- locations ---
  Location* FindLocation(std::string_view name) {
    for (auto& l : p_.locations) {
      if (l.name == name) return &l;
    }
    return nullptr;
  }
  Location& DeclareLocation(const Token& name) {
    if (Location* l = FindLocation(name.text)) return *l;
    p_.locations.push_back(Location{name.text, 0, false, name.pos});
    plain_use_.emplace_back();
    atomic_use_.emplace_back();
    return p_.locations.back();
  }
  // Marks how a location is accessed; one location is atomic or plain, never both.
  void UseLocation(const Token& name, bool atomic) {
    Location* l = FindLocation(name.text);
    if (l == nullptr || !current_params_.contains(name.text)) {
      if (l != nullptr || registers_.contains(name.text)) {
        Fail(name.pos, "'" + name.text + "' is not a parameter of P" +
                           std::to_string(current_thread_) + ": declare it in P" +
                           std::to_string(current_thread_) + "'s parameter list");
      }
      Fail(name.pos, "unknown location '" + name.text + "'");
    }
    const auto index = static_cast<size_t>(l - p_.locations.data());
    std::optional<Pos>& mine = atomic ? atomic_use_[index] : plain_use_[index];
    const std::optional<Pos>& other = atomic ? plain_use_[index] : atomic_use_[index];
    if (other.has_value()) {
      Fail(name.pos, "location '" + name.text + "' is accessed " +
                         (atomic ? "atomically here and plainly" : "plainly here and atomically") +
                         " at line " + std::to_string(other->line) +
                         "; a location must be either atomic or plain");
    }
    if (!mine.has_value()) mine = name.pos;
    l->atomic = atomic;
  }

  // --- header and init ---
  void SkipToInitBlock() {
    while (!PeekPunct("{")) {
      if (Peek().kind == Tok::kEnd ||
          (Peek().kind == Tok::kIdent && IsThreadName(Peek().text) && PeekPunct("(", 1))) {
        Fail(Peek().pos, "expected the init block '{ ... }' before the threads");
      }
      Next();
    }
    Next();
  }

  void ParseInit() {
    while (!PeekPunct("}")) {
      if (Peek().kind == Tok::kEnd) Fail(Peek().pos, "unterminated init block: expected '}'");
      if (PeekPunct(";")) {
        Next();
        continue;
      }
      if (Peek().kind == Tok::kNumber && PeekPunct(":", 1)) {
        const Token& thread = Next();
        Next();
        const Token& reg = ExpectIdent("a register name");
        Expect("=", "after a register in the init block");
        pending_register_init_.emplace_back(thread, reg);
        p_.register_init[std::to_string(thread.value) + ":" + reg.text] =
            ExpectValue("an initial value");
      } else {
        const Token* name = nullptr;
        if (PeekPunct("[")) {
          Next();
          name = &ExpectIdent("a location name");
          Expect("]", "after '[location'");
        } else {
          while (Peek().kind == Tok::kIdent || PeekPunct("*")) {
            if (Peek().kind == Tok::kIdent) name = &Peek();
            Next();
          }
          if (name == nullptr) {
            Fail(Peek().pos, "expected a location in the init block, got " + Describe(Peek()));
          }
        }
        if (TypeWords().contains(name->text)) {
          Fail(name->pos, "expected a location name after the type '" + name->text + "'");
        }
        Location& loc = DeclareLocation(*name);
        if (PeekPunct("=")) {
          Next();
          if (PeekIdent("ATOMIC_INIT")) {
            Next();
            Expect("(", "after ATOMIC_INIT");
            loc.initial = ExpectValue("an initial value");
            Expect(")", "after ATOMIC_INIT's value");
          } else {
            loc.initial = ExpectValue("an initial value");
          }
        }
      }
      if (!PeekPunct("}")) Expect(";", "between init entries");
    }
    Next();
  }

  // --- threads ---
  void ParseThread() {
    const Token& name = Next();
    const int id = static_cast<int>(p_.threads.size());
    if (name.text != "P" + std::to_string(id)) {
      Fail(name.pos, "expected thread P" + std::to_string(p_.threads.size()) + ", got " +
                         name.text + " (threads are numbered P0, P1, ... in order)");
    }
    Thread t;
    t.id = id;
    t.pos = name.pos;
    current_thread_ = id;
    current_params_.clear();
    registers_.clear();
    for (const auto& [thread, reg] : pending_register_init_) {
      if (thread.value == id) registers_.insert(reg.text);
    }
    Expect("(", "after the thread's name");
    while (!PeekPunct(")")) {
      const Token* param = nullptr;
      while (Peek().kind == Tok::kIdent || PeekPunct("*")) {
        if (Peek().kind == Tok::kIdent) param = &Peek();
        Next();
      }
      if (param == nullptr || TypeWords().contains(param->text)) {
        Fail(Peek().pos, "expected a parameter such as 'atomic_int *x', got " + Describe(Peek()));
      }
      DeclareLocation(*param);
      current_params_.insert(param->text);
      t.params.push_back(param->text);
      if (!PeekPunct(")")) Expect(",", "between parameters");
    }
    Next();
    Expect("{", "to open the thread's body");
    while (!PeekPunct("}")) t.body.push_back(ParseStmt());
    Next();
    thread_registers_.push_back(registers_);
    p_.threads.push_back(std::move(t));
  }

  std::string TextBetween(size_t begin_token, size_t end_token) const {
    const size_t begin = At(begin_token).begin;
    const size_t end = At(end_token - 1).end;
    std::string out;
    bool space = false;
    for (char c : text_.substr(begin, end - begin)) {  // one line, single spaces
      if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  Stmt ParseStmt() {
    const size_t first = position();
    Stmt s;
    s.pos = Peek().pos;
    if (Peek().kind == Tok::kEnd) Fail(s.pos, "unterminated thread body: expected '}'");
    if (PeekPunct("{")) {
      Next();
      s.kind = Stmt::Kind::kBlock;
      while (!PeekPunct("}")) s.body.push_back(ParseStmt());
      Next();
      return s;
    }
    if (PeekIdent("if")) {
      Next();
      s.kind = Stmt::Kind::kIf;
      Expect("(", "after 'if'");
      s.expr = ParseExpr();
      Expect(")", "after the if condition");
      s.text = "if (" + TextBetween(first + 2, position() - 1) + ")";
      s.body.push_back(ParseStmt());
      if (PeekIdent("else")) {
        Next();
        s.orelse.push_back(ParseStmt());
      }
      return s;
    }
    if (Peek().kind == Tok::kIdent &&
        (Peek().text == "while" || Peek().text == "for" || Peek().text == "do" ||
         Peek().text == "goto" || Peek().text == "return" || Peek().text == "switch")) {
      Fail(s.pos, "'" + Peek().text + "' is not supported: litmus threads are loop-free");
    }
    if (Peek().kind == Tok::kIdent && TypeWords().contains(Peek().text)) {
      while (Peek().kind == Tok::kIdent && TypeWords().contains(Peek().text)) Next();
      if (PeekPunct("*")) Fail(Peek().pos, "local pointers are not supported");
      const Token& name = ExpectIdent("a register name");
      if (FindLocation(name.text) != nullptr) {
        Fail(name.pos, "register '" + name.text + "' has the name of a location");
      }
      registers_.insert(name.text);
      s.kind = Stmt::Kind::kDeclare;
      s.name = name.text;
      if (PeekPunct("=")) {
        Next();
        s.expr = ParseExpr();
      }
    } else if (PeekPunct("*") && Peek(1).kind == Tok::kIdent && PeekPunct("=", 2)) {
      Next();
      const Token& loc = Next();
      UseLocation(loc, false);
      Next();
      s.kind = Stmt::Kind::kPlainStore;
      s.name = loc.text;
      s.expr = ParseExpr();
    } else if (Peek().kind == Tok::kIdent && PeekPunct("=", 1)) {
      const Token& name = Next();
      if (FindLocation(name.text) != nullptr && !registers_.contains(name.text)) {
        Fail(name.pos, "'" + name.text + "' is a location: write it with *" + name.text +
                           " = ... or atomic_store_explicit");
      }
      if (!registers_.contains(name.text)) {
        Fail(name.pos, "unknown register '" + name.text + "': declare it, e.g. 'int " + name.text +
                           " = ...;'");
      }
      Next();
      s.kind = Stmt::Kind::kAssign;
      s.name = name.text;
      s.expr = ParseExpr();
    } else {
      s.kind = Stmt::Kind::kExpr;
      s.expr = ParseExpr();
    }
    Expect(";", "at the end of the statement");
    s.text = TextBetween(first, position());
    return s;
  }

  // --- expressions (C precedence, evaluated left to right) ---
  static int Precedence(const Token& t) {
    if (t.kind != Tok::kPunct) return -1;
    static const std::pair<std::string_view, int> kOps[] = {
        {"||", 1}, {"&&", 2}, {"|", 3},  {"^", 4},  {"&", 5}, {"==", 6}, {"!=", 6},
        {"<", 7},  {">", 7},  {"<=", 7}, {">=", 7}, {"+", 8}, {"-", 8},  {"*", 9}};
    for (const auto& [op, prec] : kOps) {
      if (t.text == op) return prec;
    }
    return -1;
  }

  std::unique_ptr<Expr> ParseExpr(int min_prec = 1) {
    auto left = ParseUnary();
    for (;;) {
      const int prec = Precedence(Peek());
      if (prec < min_prec) return left;
      const Token& op = Next();
      auto e = std::make_unique<Expr>();
      e->kind = Expr::Kind::kBinary;
      e->pos = op.pos;
      e->op = op.text;
      e->args.push_back(std::move(left));
      e->args.push_back(ParseExpr(prec + 1));
      left = std::move(e);
    }
  }

  std::unique_ptr<Expr> ParseUnary() {
    if (PeekPunct("-") || PeekPunct("!") || PeekPunct("~")) {
      const Token& op = Next();
      auto e = std::make_unique<Expr>();
      e->kind = Expr::Kind::kUnary;
      e->pos = op.pos;
      e->op = op.text;
      e->args.push_back(ParseUnary());
      return e;
    }
    return ParsePrimary();
  }

  std::unique_ptr<Expr> ParsePrimary() {
    auto e = std::make_unique<Expr>();
    e->pos = Peek().pos;
    if (Peek().kind == Tok::kNumber) {
      e->kind = Expr::Kind::kConst;
      e->value = Next().value;
      return e;
    }
    if (PeekPunct("(")) {
      Next();
      e = ParseExpr();
      Expect(")", "to close the parenthesis");
      return e;
    }
    if (PeekPunct("*")) {
      Next();
      const Token& loc = ExpectIdent("a location after '*'");
      UseLocation(loc, false);
      e->kind = Expr::Kind::kPlainLoad;
      e->name = loc.text;
      return e;
    }
    const Token& name = ExpectIdent("an expression");
    if (PeekPunct("(")) return ParseCall(name);
    if (registers_.contains(name.text)) {
      e->kind = Expr::Kind::kRegister;
      e->name = name.text;
      return e;
    }
    if (FindLocation(name.text) != nullptr) {
      Fail(name.pos, "'" + name.text + "' is a location: read it with *" + name.text +
                         " or atomic_load_explicit(" + name.text + ", ...)");
    }
    Fail(name.pos, "unknown register '" + name.text + "'");
  }

  mc::memory_order ParseOrder() {
    const Token& t = ExpectIdent("a memory order");
    const auto order = OrderNamed(t.text);
    if (!order) Fail(t.pos, "unknown memory order '" + t.text + "'");
    return *order;
  }

  std::unique_ptr<Expr> ParseCall(const Token& name) {
    const auto shape = CallNamed(name.text);
    if (!shape) {
      Fail(name.pos,
           "unsupported function '" + name.text + "' (supported: " + kSupportedCalls + ")");
    }
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::kAtomic;
    e->pos = name.pos;
    e->op = name.text;
    e->atomic = shape->op;
    Expect("(", "after the function name");
    if (shape->op == AtomicOp::kFence) {
      e->order = ParseOrder();
      Expect(")", "after the fence's memory order");
      return e;
    }
    if (PeekPunct("&")) Next();  // atomic_load(&x, ...) as well as atomic_load(x, ...)
    const Token& loc = ExpectIdent("a location");
    UseLocation(loc, true);
    e->name = loc.text;
    const bool cas = shape->op == AtomicOp::kCasStrong || shape->op == AtomicOp::kCasWeak;
    if (cas) {
      Expect(",", "after the location");
      Expect("&", "before the expected-value register (compare-exchange takes '&r')");
      const Token& reg = ExpectIdent("a register");
      if (!registers_.contains(reg.text)) Fail(reg.pos, "unknown register '" + reg.text + "'");
      e->expected_register = reg.text;
    }
    if (shape->op != AtomicOp::kLoad) {
      Expect(",", "before the value");
      e->args.push_back(ParseExpr());
    }
    if (shape->explicit_order) {
      Expect(",", "before the memory order");
      const Pos at = Peek().pos;
      e->order = ParseOrder();
      if (cas) {
        Expect(",", "before the failure memory order");
        e->failure_order = ParseOrder();
      }
      CheckOrder(*e, at);
    } else if (cas) {
      e->failure_order = mc::seq_cst;
    }
    Expect(")", std::string("to close ") + name.text);
    return e;
  }

  static void CheckOrder(const Expr& e, Pos at) {
    const mc::memory_order o = e.order;
    if (e.atomic == AtomicOp::kLoad && (o == mc::release || o == mc::acq_rel)) {
      Fail(at, "a load cannot have memory_order_" + std::string(mc::OrderName(o)));
    }
    if (e.atomic == AtomicOp::kStore &&
        (o == mc::acquire || o == mc::consume || o == mc::acq_rel)) {
      Fail(at, "a store cannot have memory_order_" + std::string(mc::OrderName(o)));
    }
    if ((e.atomic == AtomicOp::kCasStrong || e.atomic == AtomicOp::kCasWeak) &&
        (e.failure_order == mc::release || e.failure_order == mc::acq_rel)) {
      Fail(at, "a compare-exchange's failure order cannot be memory_order_" +
                   std::string(mc::OrderName(e.failure_order)));
    }
  }

  std::string_view text_;
  Program& p_;
  int current_thread_ = 0;
  std::set<std::string> current_params_;
  std::set<std::string> registers_;
  std::vector<std::set<std::string>> thread_registers_;
  std::vector<std::pair<Token, Token>> pending_register_init_;
  std::vector<std::optional<Pos>> plain_use_;
  std::vector<std::optional<Pos>> atomic_use_;
};

// The first line: "C NAME".
void ParseNameLine(std::string_view text, Program& p, size_t& body_start) {
  size_t at = 0;
  int line = 1;
  // Leading blank lines.
  while (at < text.size() && (text[at] == '\n' || text[at] == '\r' || text[at] == ' ')) {
    if (text[at] == '\n') ++line;
    ++at;
  }
  const size_t eol = std::min(text.find('\n', at), text.size());
  std::istringstream words{std::string(text.substr(at, eol - at))};
  std::string arch;
  std::string name;
  words >> arch >> name;
  if (arch.empty()) Fail(Pos{line, 1}, "empty file: expected 'C NAME' on the first line");
  if (arch != "C") {
    Fail(Pos{line, 1}, "this is a '" + arch +
                           "' litmus test; mapcheck runs C litmus tests (first line 'C NAME')");
  }
  if (name.empty()) Fail(Pos{line, 2}, "expected the test's name after 'C'");
  p.name = name;
  body_start = eol;
}

}  // namespace

std::variant<Program, ParseError> Parse(std::string_view text, const std::string& file) {
  Program program;
  program.file = file;
  try {
    size_t body_start = 0;
    ParseNameLine(text, program, body_start);
    std::vector<Token> tokens = internal::Lex(text, body_start);
    Parser(text, std::move(tokens), program).Run();
  } catch (const Failure& f) {
    return ParseError{file, f.pos, f.message};
  }
  static constexpr const char* kQuantifier[] = {"exists", "~exists", "forall"};
  program.condition_text = std::string(kQuantifier[static_cast<int>(program.quantifier)]) + " (" +
                           PropText(program.condition) + ")";
  return program;
}

}  // namespace herd
