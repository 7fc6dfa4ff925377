// PF705 coroutine-not-awaited: calling a coroutine function without `await` never runs its body.
#include <algorithm>

#include "linter/python.h"
#include "linter/python_concurrency.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF705",
    .name = "coroutine-not-awaited",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Coroutine function called without `await`",
    .rationale = R"(Calling an `async def` function does not run it: it only creates a coroutine object.
The body starts when that object is awaited (or wrapped in a task and scheduled); a coroutine that is
simply dropped never executes, and Python merely prints "coroutine ... was never awaited" when it is
garbage-collected. So `save(record)` without `await` silently saves nothing, and `result =
fetch_data(url)` gives a coroutine object, not the data, which fails later when the code indexes it.
Put `await` in front of the call, or hand it to `asyncio.create_task()` / `asyncio.gather()` to run it
concurrently.)",
    .bad = R"(async def save(record):
    ...


async def handler(record):
    save(record)
)",
    .good = R"(async def save(record):
    ...


async def handler(record):
    await save(record)
)",
    .seed = "§11 \"asyncio\" — \"Forgetting to await: result = fetch_data('url') returns a coroutine object, not the result.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Decorators that leave an `async def` a coroutine function.
bool harmless_decorator(const Context& ctx, TSNode decorator) {
  static constexpr std::string_view kHarmless[] = {"staticmethod", "classmethod", "abstractmethod",
                                                   "abc.abstractmethod", "override", "typing.override",
                                                   "typing_extensions.override"};
  TSNode expr{};
  for (TSNode child : named_children(decorator)) {
    if (!is(child, ctx.sym.comment)) expr = child;
  }
  const std::string_view text = ctx.text(expr);
  return std::find(std::begin(kHarmless), std::end(kHarmless), text) != std::end(kHarmless);
}

// `def` is an `async def` (not an async generator) that its decorators, if any, leave a coroutine function.
bool is_coroutine_def(const Context& ctx, TSNode def) {
  if (!is(def, ctx.sym.function_definition) || !is(ts_node_child(def, 0), ctx.sym.kw_async)) return false;
  const TSNode parent = parent_of(def);
  if (is(parent, ctx.sym.decorated_definition)) {
    for (TSNode child : named_children(parent)) {
      if (is(child, ctx.sym.decorator) && !harmless_decorator(ctx, child)) return false;
    }
  }
  return !python::is_generator_def(ctx, def);
}

// Every binding of `name` made directly in `block` (module or class body, nested blocks included, nested
// scopes not entered) is a coroutine def, and there is at least one.
bool bound_only_by_coroutine_defs(const Context& ctx, TSNode block, std::string_view name) {
  const Symbols& s = ctx.sym;
  bool coroutine = false, other = false;
  python::walk_scope_subtree(ctx, block, [&](TSNode node) {
    if (python::is_scope_boundary(ctx, node)) {
      if (!is(node, s.lambda) && ctx.text(field(node, s.field.name)) == name) {
        (is_coroutine_def(ctx, node) ? coroutine : other) = true;
      }
      return other ? python::Walk::Stop : python::Walk::Skip;
    }
    if (is(node, s.identifier) && ctx.text(node) == name && python::identifier_binds(ctx, node)) other = true;
    return other ? python::Walk::Stop : python::Walk::Descend;
  });
  return coroutine && !other;
}

// The body of the class whose method holds the node being visited (`self.x()` / `cls.x()`), or null.
TSNode method_class_body(const Context& ctx) {
  const auto frames = ctx.stack.frames();
  bool in_function = false;
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (it->kind == FrameKind::Lambda) return {};
    if (it->kind == FrameKind::Function) {
      if (in_function) return {};
      in_function = true;
    } else if (it->kind == FrameKind::Class) {
      return in_function ? field(it->node, ctx.sym.field.body) : TSNode{};
    }
  }
  return {};
}

// Whether `call` calls a coroutine function the catalog names.
bool calls_coroutine(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (is(fn, s.identifier)) {
    const std::string_view name = ctx.text(fn);
    if (name == "sleep" || name == "wait" || name == "wait_for") {
      const std::string q = python::resolved_import_name(ctx, fn);
      if (q == "asyncio.sleep" || q == "asyncio.wait" || q == "asyncio.wait_for") return true;
    }
    const TSNode module = ctx.scopes.scope(ctx.scopes.module()).node;
    if (!ctx.facts.has_async_def_named(ctx, module, name)) return false;
    const std::uint32_t scope = ctx.scopes.resolving_scope(ctx.current_scope(), name);
    if (scope != ctx.scopes.module() && scope != ScopeTable::kNone) return false;  // a local or enclosing name
    return bound_only_by_coroutine_defs(ctx, module, name);
  }
  if (!is(fn, s.attribute)) return false;
  const TSNode object = field(fn, s.field.object);
  const std::string_view member = ctx.text(field(fn, s.field.attribute));
  if (!is(object, s.identifier)) return false;
  const std::string_view head = ctx.text(object);
  if (head == "self" || head == "cls") {
    const TSNode body = method_class_body(ctx);
    return !ts_node_is_null(body) && ctx.facts.has_async_def_named(ctx, body, member) &&
           bound_only_by_coroutine_defs(ctx, body, member);
  }
  if (member != "sleep" && member != "wait" && member != "wait_for") return false;
  const std::string q = python::resolved_import_name(ctx, fn);
  return q == "asyncio.sleep" || q == "asyncio.wait" || q == "asyncio.wait_for";
}

std::string message_for(const Context& ctx, TSNode call) {
  return cat("Coroutine `", shorten(ctx.text(field(call, ctx.sym.field.function))),
             "()` is created but never awaited, so it never runs; add `await` (or schedule it with "
             "`asyncio.create_task()`)");
}

// `NAME = coro(...)` in a coroutine: every other mention of NAME in the function is a subscript or an
// attribute read (other than send/throw/close/cr_*), and there is at least one.
bool only_read_as_result(const Context& ctx, TSNode function, TSNode target) {
  const Symbols& s = ctx.sym;
  const std::string_view name = ctx.text(target);
  bool read = false, other = false;
  // Nested scopes are entered on purpose: a closure that awaits or passes NAME on is a use too.
  walk_subtree(field(function, s.field.body), [&](TSNode node) {
    if (is(node, s.identifier) && ctx.text(node) == name && !same_node(node, target)) {
      const TSNode parent = parent_of(node);
      if (is(parent, s.attribute) && same_node(field(parent, s.field.attribute), node)) {
        // `x.NAME`: an attribute name, not a mention
      } else if (is(parent, s.keyword_argument) && same_node(field(parent, s.field.name), node)) {
        // `f(NAME=...)`: a keyword, not a mention
      } else if (is(parent, s.subscript) && same_node(field(parent, s.field.value), node)) {
        read = true;
      } else if (is(parent, s.attribute) && same_node(field(parent, s.field.object), node)) {
        const std::string_view attr = ctx.text(field(parent, s.field.attribute));
        if (attr == "send" || attr == "throw" || attr == "close" || attr.starts_with("cr_")) {
          other = true;
        } else {
          read = true;
        }
      } else {
        other = true;  // awaited, passed on, returned, stored, rebound, tested ...
      }
    }
    return other ? Walk::Stop : Walk::Descend;
  });
  return read && !other;
}

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  if (ctx.file.is_stub() || ts_node_named_child_count(stmt) != 1) return;
  const TSNode expr = ts_node_named_child(stmt, 0);
  if (is(expr, s.call)) {
    // `coro(...)` as a statement.
    if (!calls_coroutine(ctx, expr)) return;
    std::optional<Fix> fix;
    if (!ts_node_is_null(python::enclosing_coroutine(ctx, expr))) {
      fix = Fix{.applicability = Applicability::Unsafe,
                .title = "Add `await`",
                .edits = {{ts_node_start_byte(expr), ts_node_start_byte(expr), "await "}}};
    }
    out.report(expr, message_for(ctx, expr), std::move(fix));
    return;
  }
  if (!is(expr, s.assignment)) return;
  // `NAME = coro(...)` in a coroutine, then only indexed or read as if it were the result.
  const TSNode function = python::enclosing_coroutine(ctx, stmt);  // the frame stack: cheapest first
  if (ts_node_is_null(function)) return;
  const TSNode target = field(expr, s.field.left);
  const TSNode call = field(expr, s.field.right);
  if (!is(target, s.identifier) || !is(call, s.call) || !ts_node_is_null(field(expr, s.field.type))) return;
  if (!calls_coroutine(ctx, call)) return;
  if (!only_read_as_result(ctx, function, target)) return;
  out.report(call, message_for(ctx, call));
}

constexpr SymbolRef kKinds[] = {&Symbols::expression_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
