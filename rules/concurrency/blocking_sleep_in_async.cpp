// PF703 blocking-sleep-in-async: `time.sleep()` in a coroutine stops the whole event loop.
#include "linter/python.h"
#include "linter/python_concurrency.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF703",
    .name = "blocking-sleep-in-async",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "`time.sleep()` inside `async def`",
    .rationale = R"(asyncio runs every coroutine on one thread and switches between them only at an
`await`. `time.sleep()` is an ordinary blocking call: while it waits, the thread does nothing else, so
no other coroutine, callback or I/O completion runs until it returns; one sleeping task freezes the
whole program. `await asyncio.sleep()` suspends only the current coroutine and hands control back to
the event loop for the duration.)",
    .bad = R"(import time


async def poll(client):
    while not await client.ready():
        time.sleep(1)
)",
    .good = R"(import asyncio


async def poll(client):
    while not await client.ready():
        await asyncio.sleep(1)
)",
    .seed = "§11 \"asyncio\" — \"Using time.sleep in async code.\"; \"Calling time.sleep() (blocking) instead of await asyncio.sleep() (non-blocking) freezes ALL coroutines.\"",
    .fix_applicability = Applicability::Unsafe,
};

enum class Resolved { No, Bound, Unbound };

// Every binding of `name` in the scope Python reads it from satisfies `ok`; Unbound when none does.
template <typename Ok>
Resolved all_bindings(const Context& ctx, std::string_view name, Ok ok) {
  const std::uint32_t scope = ctx.scopes.resolving_scope(ctx.current_scope(), name);
  if (scope == ScopeTable::kNone) return Resolved::Unbound;
  for (const std::uint32_t id : ctx.scopes.scope(scope).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.name != name || b.kind == BindingKind::Global || b.kind == BindingKind::Nonlocal) continue;
    if (!ok(b)) return Resolved::No;
  }
  return Resolved::Bound;
}

// `await asyncio.sleep(...)` can replace the call: `asyncio` names the module here, and the call is
// not inside a generator expression (which `await` would turn into an async generator).
bool can_fix(const Context& ctx, TSNode call) {
  const Binding* asyncio = ctx.scopes.lookup(ctx.current_scope(), "asyncio");
  if (asyncio == nullptr || asyncio->kind != BindingKind::Import || asyncio->module != "asyncio") return false;
  if (is(parent_of(call), ctx.sym.await)) return false;
  const auto frames = ctx.stack.frames();
  for (auto it = frames.rbegin(); it != frames.rend() && it->kind != FrameKind::Function; ++it) {
    if (is(it->node, ctx.sym.generator_expression)) return false;
  }
  return true;
}

void check(TSNode call, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  const bool dotted = is(fn, s.attribute);
  if (dotted) {
    if (ctx.text(field(fn, s.field.attribute)) != "sleep" || !is(field(fn, s.field.object), s.identifier)) return;
  } else if (!is(fn, s.identifier)) {
    return;
  }
  if (ts_node_is_null(python::enclosing_coroutine(ctx, call))) return;

  Resolved resolved;
  std::string_view veto;  // an unbound `time`: dropped if the module binds it later
  if (dotted) {
    const TSNode object = field(fn, s.field.object);
    const std::string_view head = ctx.text(object);
    resolved = all_bindings(ctx, head, [](const Binding& b) { return b.kind == BindingKind::Import && b.module == "time"; });
    if (resolved == Resolved::Unbound && head != "time") return;
    if (resolved == Resolved::Unbound) veto = head;
  } else {
    resolved = all_bindings(ctx, ctx.text(fn), [](const Binding& b) {
      return b.kind == BindingKind::ImportFrom && b.module == "time" && b.member == "sleep";
    });
    if (resolved == Resolved::Unbound) return;  // a bare `sleep()` nobody imported: not ours to judge
  }
  if (resolved == Resolved::No) return;

  std::optional<Fix> fix;
  if (can_fix(ctx, call)) {
    const TSNode parent = parent_of(call);
    const bool wrap = (is(parent, s.attribute) && same_node(field(parent, s.field.object), call)) ||
                      (is(parent, s.subscript) && same_node(field(parent, s.field.value), call)) ||
                      (is(parent, s.call) && same_node(field(parent, s.field.function), call));
    const std::string_view args = ctx.text(field(call, s.field.arguments));
    fix = Fix{.applicability = Applicability::Unsafe,
              .title = "Use `await asyncio.sleep(...)`",
              .edits = {{ts_node_start_byte(call), ts_node_end_byte(call),
                         wrap ? cat("(await asyncio.sleep", args, ")") : cat("await asyncio.sleep", args)}}};
  }
  std::string message = cat("`", shorten(ctx.text(call)),
                            "` blocks the event loop and freezes every coroutine; use `await asyncio.sleep(...)`");
  out.report_unless_bound(ctx.scopes.module(), veto, call, std::move(message), std::move(fix));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
