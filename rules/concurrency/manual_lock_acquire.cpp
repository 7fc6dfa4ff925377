// PF708 manual-lock-acquire: `lock.acquire()` ... `lock.release()` by hand where `with lock:` would guarantee the release.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF708",
    .name = "manual-lock-acquire",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Lock acquired and released by hand instead of `with`",
    .rationale = R"(A lock taken with `acquire()` is only given back if execution reaches the matching
`release()`. If anything in between raises (or returns early), the lock stays held and every other
thread that needs it blocks forever: a deadlock that shows up far from its cause. Locks are context
managers precisely so that `with lock:` ties the release to leaving the block, however it is left; the
same goes for `async with` on asyncio locks. Conditional acquisition whose result is checked
(`if lock.acquire(timeout=1):`), code that implements the lock protocol itself, and a release that is
the very next statement to run (waiting for a lock to be free) are not reported.)",
    .bad = R"(import threading

lock = threading.Lock()
counter = 0


def increment():
    global counter
    lock.acquire()
    counter += 1
    lock.release()
)",
    .good = R"(import threading

lock = threading.Lock()
counter = 0


def increment():
    global counter
    with lock:
        counter += 1
)",
    .seed = "§11 \"Context managers\" — \"Acquiring/releasing locks: with threading.Lock():\"",
};

// Message: "Use `with {lock}:` instead of `{lock}.acquire()` and `release()`, so the lock is released even if an exception is raised"
// Whether the call's arguments are none, a lone `True`, or a lone `blocking=True`.
bool blocking_arguments(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return false;
  unsigned count = 0;
  for (TSNode arg : named_children(args)) {
    if (is(arg, s.comment)) continue;
    if (++count > 1) return false;
    TSNode value = arg;
    if (is(arg, s.keyword_argument)) {
      if (ctx.text(field(arg, s.field.name)) != "blocking") return false;
      value = field(arg, s.field.value);
    }
    if (!is(python::unparenthesize(ctx, value), s.true_)) return false;
  }
  return true;
}

// Whether `node` is a call `LOCK.release(...)`.
bool is_release_call(const Context& ctx, TSNode node, TSNode lock) {
  const Symbols& s = ctx.sym;
  if (!is(node, s.call)) return false;
  const TSNode fn = field(node, s.field.function);
  return is(fn, s.attribute) && ctx.text(field(fn, s.field.attribute)) == "release" &&
         python::same_expression(ctx, field(fn, s.field.object), lock);
}

// Whether `body` (nested def/lambda/class bodies excluded) holds a call `LOCK.release(...)` after
// `after` (a release before the acquire does not match it: the lock is dropped and taken back, as in
// `Condition.wait`, which `with` cannot express).
bool releases(const Context& ctx, TSNode body, TSNode lock, std::uint32_t after) {
  return walk_subtree(body, [&](TSNode node) {
    if (ts_node_start_byte(node) >= after && is_release_call(ctx, node, lock)) return Walk::Stop;
    return !python::is_scope_boundary(ctx, node) || same_node(node, body) ? Walk::Descend : Walk::Skip;
  });
}

// Whether `stmt` is the expression statement `LOCK.release()`.
bool is_release_of(const Context& ctx, TSNode stmt, TSNode lock) {
  return is(stmt, ctx.sym.expression_statement) &&
         is_release_call(ctx, python::unparenthesize(ctx, ts_node_named_child(stmt, 0)), lock);
}

// Whether the release is the very next statement that runs after the acquire statement: the next
// statement of the same block, or the first of the `else:` of a `try` whose body ends with the acquire
// (`try: lock.acquire() except DeadlockError: pass else: lock.release()`). Nothing can raise between the
// two, so `with` guards nothing: this is the "wait until the lock is free" idiom.
bool released_at_once(const Context& ctx, TSNode stmt, TSNode lock) {
  const Symbols& s = ctx.sym;
  const TSNode next = python::next_statement_skipping_comments(ctx, stmt);
  if (!ts_node_is_null(next)) return is_release_of(ctx, next, lock);
  const TSNode block = parent_of(stmt);
  const TSNode owner = parent_of(block);
  if (!is(owner, s.try_statement) || !same_node(field(owner, s.field.body), block)) return false;
  for (TSNode clause : named_children(owner)) {
    if (!is(clause, s.else_clause)) continue;
    return is_release_of(ctx, python::first_statement(ctx, field(clause, s.field.body)), lock);
  }
  return false;
}

// Called for every expression statement.
void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  TSNode call = ts_node_named_child(stmt, 0);
  const bool awaited = is(call, s.await);
  if (awaited) call = python::unparenthesize(ctx, ts_node_named_child(call, 0));
  if (!is(call, s.call)) return;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute) || ctx.text(field(fn, s.field.attribute)) != "acquire") return;
  const TSNode lock = field(fn, s.field.object);
  if (!python::is_name_chain(ctx, lock) || !blocking_arguments(ctx, call)) return;
  // `self.acquire()`: the object is itself the lock, i.e. its class implements the acquire/release
  // protocol (and need not support `with`, e.g. logging.Handler).
  if (ctx.text(lock) == "self") return;
  const Frame* scope = ctx.stack.enclosing_scope();
  TSNode body = ctx.scopes.scope(ctx.scopes.module()).node;
  if (scope != nullptr) {
    if (scope->kind == FrameKind::Function) {
      const std::string_view name = ctx.text(field(scope->node, s.field.name));
      if (name == "__enter__" || name == "__aenter__" || name == "acquire") return;  // the lock protocol itself
    }
    body = field(scope->node, s.field.body);
  }
  if (!releases(ctx, body, lock, ts_node_end_byte(call))) return;  // handed over, or released elsewhere
  if (released_at_once(ctx, stmt, lock)) return;
  const std::string name = shorten(ctx.text(lock));
  out.report(call, cat("Use `", awaited ? "async with " : "with ", name, ":` instead of `", name,
                       ".acquire()` and `release()`, so the lock is released even if an exception is raised"));
}

constexpr SymbolRef kKinds[] = {&Symbols::expression_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
