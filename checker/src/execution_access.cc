// Execution, continued: the memory accesses the fibers request (objects, loads, stores, RMWs,
// compare-exchanges, fences). The scheduler is in execution.cc.
#include <string>

#include "execution.h"
#include "source_text.h"

namespace mc::internal {

uint32_t Execution::NewLocation(bool atomic, bool mutex, bool pointer, uint64_t initial,
                                const std::source_location& where) {
  const bool restored = next_location_ < restored_locations_;
  const uint32_t loc = restored ? next_location_++ : graph_.AddLocation(atomic, mutex, pointer);
  if (restored) {
    const LocationInfo& was = graph_.Location(loc);
    if (was.atomic != atomic || was.mutex != mutex || was.pointer != pointer) redo_differed_ = true;
  }
  Event e;
  e.kind = EventKind::kInit;
  e.location = loc;
  e.atomic = atomic;
  e.value = initial;
  e.op = "init";
  e.where = where;
  AppendEvent(e);
  return loc;
}

detail::ObjectRef Execution::RegisterLocation(uintptr_t object, bool atomic, bool pointer,
                                              uint64_t initial, const std::source_location& where,
                                              const char* name) {
  const uint32_t loc = NewLocation(atomic, false, pointer, initial, where);
  graph_.SetLocationName(loc, name);
  graph_.SetLocationAddress(loc, object);
  if (interleaving_ && object != 0) interleaving_->NameObject(object, loc);
  return detail::ObjectRef{serial_, loc};
}

Execution::Request Execution::AccessRequest(RequestKind kind, detail::ObjectRef ref,
                                            memory_order order, const std::source_location& where,
                                            const char* op) {
  Request rq;
  rq.kind = kind;
  rq.location = CheckedLocation(ref, where);
  rq.order = order;
  rq.op = op;
  rq.where = where;
  return rq;
}

uint64_t Execution::Load(detail::ObjectRef ref, memory_order order,
                         const std::source_location& where, const char* op) {
  const Request rq = AccessRequest(RequestKind::kRead, ref, order, where, op);
  if (graph_.Location(rq.location).atomic) ValidateOrder(order, true, false, where);
  Post(rq);
  return threads_[current_].request.result;
}

void Execution::Store(detail::ObjectRef ref, uint64_t value, memory_order order,
                      const std::source_location& where, const char* op) {
  Request rq = AccessRequest(RequestKind::kWrite, ref, order, where, op);
  if (graph_.Location(rq.location).atomic) ValidateOrder(order, false, true, where);
  rq.value = value;
  Post(rq);
}

uint64_t Execution::Rmw(detail::ObjectRef ref, detail::RmwFn fn, uint64_t operand,
                        memory_order order, const std::source_location& where, const char* op) {
  Request rq = AccessRequest(RequestKind::kRmw, ref, order, where, op);
  rq.fn = fn;
  rq.value = operand;
  Post(rq);
  return threads_[current_].request.result;
}

bool Execution::CompareExchange(detail::ObjectRef ref, uint64_t& expected, uint64_t desired,
                                memory_order success, memory_order failure, bool weak,
                                const std::source_location& where) {
  if (failure == release || failure == acq_rel) {
    UsageError("the failure order of a compare-exchange cannot be release or acq_rel", where);
  }
  Request rq = AccessRequest(RequestKind::kCas, ref, success, where,
                             weak ? "compare_exchange_weak" : "compare_exchange_strong");
  rq.failure_order = failure;
  rq.expected = expected;
  rq.value = desired;
  rq.weak = weak;
  Post(rq);
  const Request& done = threads_[current_].request;
  if (!done.success) expected = done.result;
  return done.success;
}

uint64_t Execution::VarAtomicRmw(detail::ObjectRef ref, detail::RmwFn fn, uint64_t operand,
                                 const std::source_location& where, const char* op) {
  Request rq = AccessRequest(RequestKind::kRmw, ref, acq_rel, where, op);
  rq.atomic_access = true;
  rq.fn = fn;
  rq.value = operand;
  Post(rq);
  return threads_[current_].request.result;
}

uint64_t Execution::VarAtomicLoad(detail::ObjectRef ref, const std::source_location& where) {
  Request rq = AccessRequest(RequestKind::kRead, ref, relaxed, where, "atomic_load");
  rq.atomic_access = true;
  Post(rq);
  return threads_[current_].request.result;
}

void Execution::Fence(memory_order order, const std::source_location& where) {
  if (order == relaxed) return;  // a relaxed fence is no fence
  Event e;
  e.kind = EventKind::kFence;
  e.order = order;
  e.op = "fence";
  e.where = where;
  AppendEvent(e);
}

void Execution::ValidateOrder(memory_order order, bool load, bool store,
                              const std::source_location& where) {
  const bool bad_load = load && !store && (order == release || order == acq_rel);
  const bool bad_store =
      store && !load && (order == acquire || order == consume || order == acq_rel);
  if (bad_load || bad_store) {
    UsageError(std::string("memory_order_") + std::string(OrderName(order)) +
                   " is not valid for a" + (load ? " load" : " store"),
               where);
  }
}

}  // namespace mc::internal
