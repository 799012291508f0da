#include "brute_force.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

namespace mc::testing {
namespace {

// A relation over at most 64 events: row a holds the successors of a.
struct Rel {
  std::vector<uint64_t> row;
  explicit Rel(size_t n) : row(n, 0) {}
  size_t size() const { return row.size(); }
  bool Has(size_t a, size_t b) const { return ((row[a] >> b) & 1U) != 0; }
  void Add(size_t a, size_t b) { row[a] |= uint64_t{1} << b; }
};

Rel Union(Rel a, const Rel& b) {
  for (size_t i = 0; i < a.size(); ++i) a.row[i] |= b.row[i];
  return a;
}

Rel Compose(const Rel& a, const Rel& b) {
  Rel out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t k = 0; k < a.size(); ++k) {
      if (a.Has(i, k)) out.row[i] |= b.row[k];
    }
  }
  return out;
}

Rel Closure(Rel r) {  // transitive (Warshall)
  for (size_t k = 0; k < r.size(); ++k) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (r.Has(i, k)) r.row[i] |= r.row[k];
    }
  }
  return r;
}

Rel Identity(size_t n) {
  Rel r(n);
  for (size_t i = 0; i < n; ++i) r.Add(i, i);
  return r;
}

Rel Inverse(const Rel& r) {
  Rel out(r.size());
  for (size_t a = 0; a < r.size(); ++a) {
    for (size_t b = 0; b < r.size(); ++b) {
      if (r.Has(a, b)) out.Add(b, a);
    }
  }
  return out;
}

bool Irreflexive(const Rel& r) {
  for (size_t i = 0; i < r.size(); ++i) {
    if (r.Has(i, i)) return false;
  }
  return true;
}

bool Acyclic(const Rel& r) { return Irreflexive(Closure(r)); }

bool Empty(const Rel& r) {
  return std::all_of(r.row.begin(), r.row.end(), [](uint64_t x) { return x == 0; });
}

Rel Intersect(Rel a, const Rel& b) {
  for (size_t i = 0; i < a.size(); ++i) a.row[i] &= b.row[i];
  return a;
}

enum class Type { kWrite, kRead, kFence };

struct Ev {
  Type type = Type::kFence;
  int thread = -1;  // -1: an initial write
  int location = -1;
  memory_order order = relaxed;
  const Op* op = nullptr;
  int op_index = -1;
  int rmw_read = -1;  // for the write of an RMW: its read
  int value = 0;      // resolved value (writes: written; reads: read)
};

bool Rel_(memory_order o) { return o == release || o == acq_rel || o == seq_cst; }
bool Acq(memory_order o) { return o == acquire || o == consume || o == acq_rel || o == seq_cst; }

class Enumerator {
 public:
  Enumerator(const Program& p, Model model) : p_(p), model_(model) {}

  std::map<std::string, uint64_t> Run() {
    std::vector<const Op*> cas;
    for (const auto& t : p_.threads) {
      for (const Op& op : t) {
        if (op.IsCas()) cas.push_back(&op);
      }
    }
    for (uint32_t bits = 0; bits < (1U << cas.size()); ++bits) {
      success_.clear();
      for (size_t i = 0; i < cas.size(); ++i) success_[cas[i]] = ((bits >> i) & 1U) != 0;
      Build();
      EnumerateRf(0);
    }
    return outcomes_;
  }

 private:
  void Build() {
    ev_.clear();
    for (int l = 0; l < p_.locations; ++l) {
      Ev e;
      e.type = Type::kWrite;
      e.location = l;
      ev_.push_back(e);
    }
    for (size_t t = 0; t < p_.threads.size(); ++t) {
      for (size_t i = 0; i < p_.threads[t].size(); ++i) {
        const Op& op = p_.threads[t][i];
        Ev e;
        e.thread = static_cast<int>(t);
        e.location = op.location;
        e.op = &op;
        e.op_index = static_cast<int>(i);
        e.order = op.order;
        if (op.kind == Op::Kind::kFence) {
          e.type = Type::kFence;
          e.location = -1;
          ev_.push_back(e);
          continue;
        }
        if (op.kind == Op::Kind::kStore) {
          e.type = Type::kWrite;
          e.value = op.value;
          ev_.push_back(e);
          continue;
        }
        const bool writes = op.kind != Op::Kind::kLoad && (!op.IsCas() || success_[&op]);
        e.type = Type::kRead;
        if (op.IsCas() && !writes) e.order = op.failure;
        ev_.push_back(e);
        if (writes) {
          Ev w = e;
          w.type = Type::kWrite;
          w.order = op.order;
          w.rmw_read = static_cast<int>(ev_.size() - 1);
          ev_.push_back(w);
        }
      }
    }
    n_ = ev_.size();
    reads_.clear();
    for (size_t i = 0; i < n_; ++i) {
      if (ev_[i].type == Type::kRead) reads_.push_back(i);
    }
    rf_.assign(n_, -1);
  }

  bool Po(size_t a, size_t b) const {
    if (ev_[a].thread == -1) return ev_[b].thread != -1;
    if (ev_[a].thread != ev_[b].thread) return false;
    return a < b;  // events of a thread are built in program order
  }

  void EnumerateRf(size_t k) {
    if (k == reads_.size()) {
      EvaluateRf();
      return;
    }
    const size_t r = reads_[k];
    for (size_t w = 0; w < n_; ++w) {
      if (ev_[w].type == Type::kWrite && ev_[w].location == ev_[r].location) {
        rf_[r] = static_cast<int>(w);
        EnumerateRf(k + 1);
      }
    }
  }

  void EvaluateRf() {
    // Values along po ∪ rf, which must be acyclic (RC11's no-thin-air; SC implies it).
    Rel porf(n_);
    for (size_t a = 0; a < n_; ++a) {
      for (size_t b = 0; b < n_; ++b) {
        if (Po(a, b)) porf.Add(a, b);
      }
      if (rf_[a] >= 0) porf.Add(static_cast<size_t>(rf_[a]), a);
    }
    if (!Acyclic(porf)) return;
    std::vector<bool> done(n_, false);
    for (size_t round = 0; round < n_; ++round) {
      for (size_t e = 0; e < n_; ++e) {
        if (done[e]) continue;
        Ev& ev = ev_[e];
        if (ev.type == Type::kRead) {
          const auto w = static_cast<size_t>(rf_[e]);
          if (!done[w]) continue;
          ev.value = ev_[w].value;
        } else if (ev.type == Type::kWrite && ev.rmw_read >= 0) {
          const auto r = static_cast<size_t>(ev.rmw_read);
          if (!done[r]) continue;
          ev.value = RmwResult(*ev.op, ev_[r].value);
        }
        done[e] = true;
      }
    }
    for (size_t r : reads_) {
      const Op& op = *ev_[r].op;
      if (!op.IsCas()) continue;
      const bool matches = ev_[r].value == op.expected;
      if (success_[&op] && !matches) return;
      if (!success_[&op] && matches && op.kind == Op::Kind::kCasStrong) return;
    }
    // Every modification order: per location the initial write first, then a permutation.
    std::vector<std::vector<size_t>> mo(static_cast<size_t>(p_.locations));
    for (size_t e = 0; e < n_; ++e) {
      if (ev_[e].type == Type::kWrite && ev_[e].thread != -1) {
        mo[static_cast<size_t>(ev_[e].location)].push_back(e);
      }
    }
    EnumerateMo(mo, 0);
  }

  void EnumerateMo(std::vector<std::vector<size_t>>& mo, size_t l) {
    if (l == mo.size()) {
      Check(mo);
      return;
    }
    std::sort(mo[l].begin(), mo[l].end());
    do {
      EnumerateMo(mo, l + 1);
    } while (std::next_permutation(mo[l].begin(), mo[l].end()));
  }

  void Check(const std::vector<std::vector<size_t>>& order) {
    Rel po(n_), rf(n_), mo(n_), rmw(n_), loc(n_);
    for (size_t a = 0; a < n_; ++a) {
      for (size_t b = 0; b < n_; ++b) {
        if (Po(a, b)) po.Add(a, b);
        if (a != b && ev_[a].location >= 0 && ev_[a].location == ev_[b].location) loc.Add(a, b);
      }
      if (rf_[a] >= 0) rf.Add(static_cast<size_t>(rf_[a]), a);
      if (ev_[a].rmw_read >= 0) rmw.Add(static_cast<size_t>(ev_[a].rmw_read), a);
    }
    for (size_t l = 0; l < order.size(); ++l) {
      std::vector<size_t> chain{l};  // the initial write of location l is event l
      chain.insert(chain.end(), order[l].begin(), order[l].end());
      for (size_t i = 0; i < chain.size(); ++i) {
        for (size_t j = i + 1; j < chain.size(); ++j) mo.Add(chain[i], chain[j]);
      }
    }
    const Rel fr = Compose(Inverse(rf), mo);
    if (!Empty(Intersect(rmw, Compose(fr, mo)))) return;  // atomicity
    switch (model_) {
      case Model::kSC:
        if (!Acyclic(Union(Union(po, rf), Union(mo, fr)))) return;
        break;
      case Model::kRC11:
        if (!Rc11(po, rf, mo, fr, rmw, loc)) return;
        break;
      case Model::kTSO:
        if (!Tso(po, rf, mo, fr, loc)) return;
        break;
    }
    Record(order);
  }

  bool Rc11(const Rel& po, const Rel& rf, const Rel& mo, const Rel& fr, const Rel& rmw,
            const Rel& loc) const {
    const size_t n = n_;
    auto is = [&](size_t e, Type t) { return ev_[e].type == t; };
    auto atomic = [&](size_t e) { return ev_[e].thread != -1 && !is(e, Type::kFence); };
    // rs = [W];(po ∩ loc)?;[W ∩ atomic];(rf;rmw)*
    Rel base(n);
    for (size_t a = 0; a < n; ++a) {
      for (size_t c = 0; c < n; ++c) {
        if (is(a, Type::kWrite) && is(c, Type::kWrite) && atomic(c) &&
            (a == c || (po.Has(a, c) && loc.Has(a, c)))) {
          base.Add(a, c);
        }
      }
    }
    const Rel rs = Compose(base, Union(Identity(n), Closure(Compose(rf, rmw))));
    // sw = [REL];([F];po)?;rs;rf;[R ∩ atomic];(po;[F])?;[ACQ]
    Rel left(n), right(n);
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = 0; b < n; ++b) {
        if (ev_[a].thread != -1 && Rel_(ev_[a].order) &&
            (a == b || (is(a, Type::kFence) && po.Has(a, b)))) {
          left.Add(a, b);
        }
        if (is(a, Type::kRead) && atomic(a) && ev_[b].thread != -1 && Acq(ev_[b].order) &&
            (a == b || (po.Has(a, b) && is(b, Type::kFence)))) {
          right.Add(a, b);
        }
      }
    }
    const Rel sw = Compose(Compose(Compose(left, rs), rf), right);
    const Rel hb = Closure(Union(po, sw));
    const Rel eco = Closure(Union(Union(rf, mo), fr));
    if (!Irreflexive(hb) || !Irreflexive(Compose(hb, eco))) return false;
    // psc
    auto sc = [&](size_t e) { return ev_[e].thread != -1 && ev_[e].order == seq_cst; };
    Rel po_neq_loc(n);
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = 0; b < n; ++b) {
        if (po.Has(a, b) && !loc.Has(a, b)) po_neq_loc.Add(a, b);
      }
    }
    Rel scb = Union(po, Compose(Compose(po_neq_loc, hb), po_neq_loc));
    scb = Union(scb, Intersect(hb, loc));
    scb = Union(scb, Union(mo, fr));
    Rel l(n), r(n), fences(n);
    for (size_t a = 0; a < n; ++a) {
      for (size_t x = 0; x < n; ++x) {
        const bool fence = sc(a) && is(a, Type::kFence);
        if (sc(a) && (a == x || (fence && hb.Has(a, x)))) l.Add(a, x);
        const bool fence_x = sc(x) && is(x, Type::kFence);
        if (sc(x) && (a == x || (fence_x && hb.Has(a, x)))) r.Add(a, x);
      }
      if (sc(a) && is(a, Type::kFence)) fences.Add(a, a);
    }
    const Rel psc_base = Compose(Compose(l, scb), r);
    const Rel psc_f = Compose(Compose(fences, Union(hb, Compose(Compose(hb, eco), hb))), fences);
    return Acyclic(Union(psc_base, psc_f));
  }

  // x86-TSO as herd7's x86tso.cat, with C++ compiled as GCC and clang do (a seq_cst store is an
  // XCHG, every RMW and compare-exchange LOCK-prefixed, a seq_cst fence MFENCE, the other fences
  // nothing, every load a MOV):
  //   acyclic(po|loc ∪ rf ∪ mo ∪ fr)  and  acyclic(ppo ∪ implied ∪ rfe ∪ mo ∪ fr)
  // where ppo is po between memory events minus (plain store, plain load) pairs and implied is
  // po into and out of a barrier (MFENCE or a locked instruction).
  bool Tso(const Rel& po, const Rel& rf, const Rel& mo, const Rel& fr, const Rel& loc) const {
    const size_t n = n_;
    enum { kNone, kLoad, kStore, kBarrier };
    std::vector<int> cls(n);
    for (size_t e = 0; e < n; ++e) {
      const Ev& ev = ev_[e];
      if (ev.type == Type::kFence) {
        cls[e] = ev.order == seq_cst ? kBarrier : kNone;
      } else if (ev.thread == -1) {
        cls[e] = kStore;  // the initial write
      } else if (ev.op->kind != Op::Kind::kLoad && ev.op->kind != Op::Kind::kStore) {
        cls[e] = kBarrier;  // an RMW or a compare-exchange (also when it fails)
      } else if (ev.type == Type::kRead) {
        cls[e] = kLoad;
      } else {
        cls[e] = ev.order == seq_cst ? kBarrier : kStore;
      }
    }
    Rel uniproc = Union(Union(Intersect(po, loc), rf), Union(mo, fr));
    if (!Acyclic(uniproc)) return false;
    Rel ghb = Union(mo, fr);
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = 0; b < n; ++b) {
        if (po.Has(a, b) && cls[a] != kNone && cls[b] != kNone &&
            !(cls[a] == kStore && cls[b] == kLoad)) {
          ghb.Add(a, b);
        }
        if (rf.Has(a, b) && ev_[a].thread != ev_[b].thread) ghb.Add(a, b);
      }
    }
    return Acyclic(ghb);
  }

  void Record(const std::vector<std::vector<size_t>>& order) {
    std::string out;
    auto add = [&](const std::string& name, int value) {
      if (!out.empty()) out += ' ';
      out += name + "=" + std::to_string(value);
    };
    for (size_t e = 0; e < n_; ++e) {
      const Ev& ev = ev_[e];
      if (ev.type != Type::kRead) continue;
      const std::string name = std::to_string(ev.thread) + ":" + std::to_string(ev.op_index);
      add(name, ev.value);
      if (ev.op->IsCas()) add(name + "ok", success_.at(ev.op) ? 1 : 0);
    }
    for (size_t l = 0; l < order.size(); ++l) {
      add("x" + std::to_string(l), order[l].empty() ? 0 : ev_[order[l].back()].value);
    }
    ++outcomes_[out];
  }

  const Program& p_;
  Model model_;
  std::map<const Op*, bool> success_;
  std::vector<Ev> ev_;
  size_t n_ = 0;
  std::vector<size_t> reads_;
  std::vector<int> rf_;
  std::map<std::string, uint64_t> outcomes_;
};

}  // namespace

std::map<std::string, uint64_t> BruteForceOutcomes(const Program& program, Model model) {
  return Enumerator(program, model).Run();
}

double BruteForceCandidates(const Program& program) {
  std::vector<int> writes(static_cast<size_t>(program.locations), 1);  // init
  double candidates = 1;
  for (const auto& ops : program.threads) {
    for (const Op& op : ops) {
      if (op.kind == Op::Kind::kFence) continue;
      if (op.kind != Op::Kind::kLoad) ++writes[static_cast<size_t>(op.location)];
      if (op.IsCas()) candidates *= 2;
    }
  }
  for (const auto& ops : program.threads) {
    for (const Op& op : ops) {
      if (op.Reads()) candidates *= writes[static_cast<size_t>(op.location)];
    }
  }
  for (const int w : writes) {
    for (int k = 2; k < w; ++k) candidates *= k;  // (w - 1)! orders after init
  }
  return candidates;
}

}  // namespace mc::testing
