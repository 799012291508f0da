// A herd7 C litmus test as data: what herd/herd_parser.cc reads from a `.litmus` file and
// herd/herd_run.cc runs under the checker.
//
// The subset is the one herdtools7's C tests and the diy generators write: a name line, an init
// block, threads P0..Pn with `atomic_*_explicit` calls, plain `*x` accesses, fences, local ints
// and if/else, an optional `locations [...]` and `filter`, and an `exists` / `~exists` / `forall`
// condition over registers and locations. Values are 64-bit signed integers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mc/memory_order.h"

namespace herd {

// A position in the .litmus file, 1-based.
struct Pos {
  int line = 0;
  int col = 0;
};

enum class AtomicOp {
  kLoad,
  kStore,
  kExchange,
  kFetchAdd,
  kFetchSub,
  kFetchAnd,
  kFetchOr,
  kFetchXor,
  kCasStrong,
  kCasWeak,
  kFence,
};

struct Expr {
  enum class Kind {
    kConst,      // value
    kRegister,   // name
    kPlainLoad,  // *name
    kAtomic,     // op(location, args...)
    kUnary,      // op args[0]: "-", "!", "~"
    kBinary,     // args[0] op args[1]
  };
  Kind kind = Kind::kConst;
  Pos pos;
  int64_t value = 0;
  std::string name;  // register or location
  std::string op;    // kUnary, kBinary: the operator; kAtomic: the function as written
  AtomicOp atomic = AtomicOp::kLoad;
  mc::memory_order order = mc::seq_cst;          // kAtomic
  mc::memory_order failure_order = mc::seq_cst;  // kAtomic compare-exchange
  std::string expected_register;                 // kAtomic compare-exchange: the `&r` argument
  std::vector<std::unique_ptr<Expr>> args;
};

struct Stmt {
  enum class Kind {
    kDeclare,     // int name [= expr];
    kAssign,      // name = expr;
    kPlainStore,  // *name = expr;
    kExpr,        // expr; (an atomic call for its effect, a fence)
    kIf,          // if (expr) body else orelse
    kBlock,       // { body }
  };
  Kind kind = Kind::kExpr;
  Pos pos;
  std::string text;  // the statement as written, for the counterexample trace
  std::string name;
  std::unique_ptr<Expr> expr;
  std::vector<Stmt> body;
  std::vector<Stmt> orelse;
};

struct Thread {
  int id = 0;
  Pos pos;
  std::vector<std::string> params;  // the location names it declares
  std::vector<Stmt> body;
};

// A condition over the final state: `N:reg` or `loc` compared with a value, under ~ /\ \/.
struct Prop {
  enum class Kind { kTrue, kFalse, kEquals, kNot, kAnd, kOr };
  Kind kind = Kind::kTrue;
  std::string name;  // kEquals: "0:r0" or "x"
  int64_t value = 0;
  std::vector<Prop> args;
};

enum class Quantifier { kExists, kNotExists, kForall };

struct Location {
  std::string name;
  int64_t initial = 0;
  bool atomic = false;  // accessed by atomic_* calls (never also by plain *x: a parse error)
  Pos first_use;
};

struct Program {
  std::string file;  // as given on the command line
  std::string name;  // from the `C NAME` line
  std::vector<Location> locations;
  std::map<std::string, int64_t> register_init;  // "0:r0" -> value
  std::vector<Thread> threads;
  std::vector<std::string> observed;  // `locations [...]`, then the condition's names, in order
  std::optional<Prop> filter;
  Quantifier quantifier = Quantifier::kExists;
  Prop condition;
  std::string condition_text;  // normalised, as herd prints it after "Condition"
};

// Evaluates `p` over a final state (name -> value; a missing name reads as 0).
bool Holds(const Prop& p, const std::map<std::string, int64_t>& state);
// A final state from an outcome as a test body observes it ("0:r0=1 x=2 ...").
std::map<std::string, int64_t> ParseState(const std::string& outcome);
// Adds every name `p` compares ("0:r0", "x") to `names`.
void PropNames(const Prop& p, std::set<std::string>* names);
std::string PropText(const Prop& p);

}  // namespace herd
