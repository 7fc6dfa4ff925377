// PF707 raw-thread: `threading.Thread(target=...)` built by hand where an executor would manage the workers.
#include "linter/python.h"
#include "linter/python_style.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF707",
    .name = "raw-thread",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Hand-managed `threading.Thread` for a task",
    .rationale = R"(Starting a `threading.Thread` per task leaves everything else to the caller: keeping the
thread objects, joining each one, bounding how many run at once, and getting results or exceptions
back (an exception in a thread's target is printed and lost). `concurrent.futures` does all of that: a
`ThreadPoolExecutor` caps the worker count, `submit()`/`map()` return results and re-raise the workers'
exceptions, `as_completed()` hands results over as they finish, and the same code switches to a
`ProcessPoolExecutor` when the work is CPU-bound and the GIL would serialise the threads. Daemon
threads (long-lived background workers) and `Thread` subclasses are not reported.)",
    .bad = R"(import threading


def download_all(urls):
    threads = [threading.Thread(target=download, args=(url,)) for url in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
)",
    .good = R"(from concurrent.futures import ThreadPoolExecutor


def download_all(urls):
    with ThreadPoolExecutor(max_workers=20) as pool:
        return list(pool.map(download, urls))
)",
    .seed = "§8 \"Multithreading vs multiprocessing\" — \"Using raw threading.Thread instead of concurrent.futures.\"",
};

// Message: "Use `concurrent.futures.ThreadPoolExecutor` (or `ProcessPoolExecutor` for CPU-bound work) instead of a hand-managed `threading.Thread`"
bool is_true(const Context& ctx, TSNode value) { return is(python::unparenthesize(ctx, value), ctx.sym.true_); }

// `NAME.daemon = True` or `NAME.setDaemon(True)` among the statements following `stmt` in its block.
bool made_daemon_later(const Context& ctx, TSNode stmt, TSNode name) {
  const Symbols& s = ctx.sym;
  for (TSNode next = ts_node_next_named_sibling(stmt); !ts_node_is_null(next); next = ts_node_next_named_sibling(next)) {
    if (!is(next, s.expression_statement)) continue;
    const TSNode expr = ts_node_named_child(next, 0);
    if (is(expr, s.assignment)) {
      const TSNode left = field(expr, s.field.left);
      if (is(left, s.attribute) && ctx.text(field(left, s.field.attribute)) == "daemon" &&
          python::same_expression(ctx, field(left, s.field.object), name) && is_true(ctx, field(expr, s.field.right))) {
        return true;
      }
    } else if (is(expr, s.call)) {
      const TSNode fn = field(expr, s.field.function);
      if (is(fn, s.attribute) && ctx.text(field(fn, s.field.attribute)) == "setDaemon" &&
          python::same_expression(ctx, field(fn, s.field.object), name) &&
          is_true(ctx, python::positional_argument(ctx, expr, 0))) {
        return true;
      }
    }
  }
  return false;
}

// Called for every call.
void check(TSNode call, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  const TSNode last = is(fn, s.attribute) ? field(fn, s.field.attribute) : fn;
  if (!is(last, s.identifier)) return;
  if (ctx.text(last) != "Thread") {  // `from threading import Thread as T`
    const Binding* b = is(fn, s.identifier) ? ctx.scopes.lookup(ctx.current_scope(), ctx.text(fn)) : nullptr;
    if (b == nullptr || b->kind != BindingKind::ImportFrom || b->member != "Thread") return;
  }
  if (ts_node_is_null(python::keyword_argument(ctx, call, "target"))) return;
  const TSNode daemon = python::keyword_argument(ctx, call, "daemon");
  if (!ts_node_is_null(daemon) && is_true(ctx, field(daemon, s.field.value))) return;
  if (!python::refers_to(ctx, fn, "threading.Thread")) return;
  // `t = Thread(target=...)` (or `self.x = t = ...`) then `t.daemon = True`: a daemon thread too.
  TSNode inner = call, up = parent_of(call);
  while (is(up, s.assignment) && same_node(field(up, s.field.right), inner)) {
    inner = up;
    up = parent_of(up);
  }
  if (is(up, s.expression_statement)) {
    for (TSNode a = inner; is(a, s.assignment); a = field(a, s.field.right)) {
      if (made_daemon_later(ctx, up, field(a, s.field.left))) return;
    }
  }
  out.report(call, "Use `concurrent.futures.ThreadPoolExecutor` (or `ProcessPoolExecutor` for CPU-bound work) "
                   "instead of a hand-managed `threading.Thread`");
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
