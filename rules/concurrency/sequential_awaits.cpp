// PF706 sequential-awaits: `await`s of independent calls, one after another, that `asyncio.gather` could overlap.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr OptionInfo kOptions[] = {
    {.name = "min-run",
     .type = OptionType::Integer,
     .description = "The fewest consecutive independent awaits that are reported",
     .default_integer = 3},
};
const OptionInfo& kMinRun = kOptions[0];

constexpr RuleInfo kInfo{
    .code = "PF706",
    .name = "sequential-awaits",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Independent `await`s run one after another",
    .rationale = R"(Each `await` suspends the coroutine until that one operation is finished, so three awaited
network calls written on three lines take the sum of their latencies, exactly like blocking code. When
the calls do not depend on each other's results, the event loop could wait for all of them at once:
`asyncio.gather(...)` (or a `TaskGroup`) starts them together and the total wait is that of the slowest,
which is the whole point of using asyncio for I/O. Awaits that use an earlier result, sleeps, and calls
on the same connection or object (whose order probably matters) are not reported.)",
    .bad = R"(async def main():
    r1 = await fetch_data("url1")
    r2 = await fetch_data("url2")
    r3 = await fetch_data("url3")
    return r1, r2, r3
)",
    .good = R"(import asyncio


async def main():
    return await asyncio.gather(
        fetch_data("url1"),
        fetch_data("url2"),
        fetch_data("url3"),
    )
)",
    .seed = "§11 \"asyncio\" — \"Not knowing the difference between asyncio.gather and sequential await.\"",
    .options = kOptions,
};

// Message: "{count} independent `await`s run one after another; run them concurrently with `asyncio.gather(...)`"

// The awaited call of `NAME = await CALL(...)` or `await CALL(...)`, else null. `target` gets NAME.
TSNode awaited_call(const Context& ctx, TSNode stmt, TSNode& target) {
  const Symbols& s = ctx.sym;
  target = TSNode{};
  if (!is(stmt, s.expression_statement) || ts_node_named_child_count(stmt) != 1) return {};
  TSNode expr = ts_node_named_child(stmt, 0);
  if (is(expr, s.assignment)) {
    const TSNode left = field(expr, s.field.left);
    if (!is(left, s.identifier) || !ts_node_is_null(field(expr, s.field.type))) return {};
    target = left;
    expr = field(expr, s.field.right);
  }
  if (!is(expr, s.await)) return {};
  const TSNode call = python::unparenthesize(ctx, ts_node_named_child(expr, 0));
  return is(call, s.call) ? call : TSNode{};
}

// Whether `node`'s subtree reads the identifier `name` (attribute names and keyword names excluded).
bool reads(const Context& ctx, TSNode node, std::string_view name) {
  const Symbols& s = ctx.sym;
  if (is(node, s.identifier)) {
    if (ctx.text(node) != name) return false;
    const TSNode parent = parent_of(node);
    if (is(parent, s.attribute) && same_node(field(parent, s.field.attribute), node)) return false;
    if (is(parent, s.keyword_argument) && same_node(field(parent, s.field.name), node)) return false;
    return true;
  }
  for (TSNode child : named_children(node)) {
    if (reads(ctx, child, name)) return true;
  }
  return false;
}

// The receiver of a method call `R.m(...)` (R any expression), else null.
TSNode receiver(const Context& ctx, TSNode call) {
  const TSNode fn = field(call, ctx.sym.field.function);
  return is(fn, ctx.sym.attribute) ? field(fn, ctx.sym.field.object) : TSNode{};
}

bool is_sleep(const Context& ctx, TSNode call) {
  const TSNode fn = field(call, ctx.sym.field.function);
  const TSNode last = is(fn, ctx.sym.attribute) ? field(fn, ctx.sym.field.attribute) : fn;
  // `asyncio.sleep`, and the same pause in other event-loop libraries (`trio.sleep`, `anyio.sleep`):
  // a sleep between awaits is there to order them.
  return ctx.text(last) == "sleep";
}

// Whether `call` (of the statement at index `k`) may not start before statements [begin, k) finish:
// it reads a name one of them assigned, or calls a method on the same receiver as one of them.
bool depends_on_run(const Context& ctx, TSNode block, std::uint32_t begin, std::uint32_t k, TSNode call) {
  const TSNode recv = receiver(ctx, call);
  for (std::uint32_t j = begin; j < k; ++j) {
    TSNode target;
    const TSNode earlier = awaited_call(ctx, ts_node_named_child(block, j), target);
    if (ts_node_is_null(earlier)) continue;  // a comment
    if (!ts_node_is_null(target) && reads(ctx, call, ctx.text(target))) return true;
    const TSNode other = receiver(ctx, earlier);
    if (!ts_node_is_null(recv) && !ts_node_is_null(other) && python::same_expression(ctx, recv, other)) return true;
  }
  return false;
}

// Called for every block; looks at its own statements only.
void check(TSNode block, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Frame* scope = ctx.stack.enclosing_scope();
  if (scope == nullptr || scope->kind != FrameKind::Function || !scope->is_async) return;
  const Symbols& s = ctx.sym;
  const std::uint32_t n = ts_node_named_child_count(block);
  const auto min_run = static_cast<std::uint32_t>(ctx.options.integer(kMinRun));
  if (n < min_run) return;
  std::uint32_t begin = 0, length = 0;  // the current run: statements [begin, i), `length` of them awaits
  auto flush = [&] {
    if (length >= min_run) {
      out.report(ts_node_named_child(block, begin),
                 cat(length, " independent `await`s run one after another; run them concurrently with "
                             "`asyncio.gather(...)`"));
    }
    length = 0;
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    const TSNode stmt = ts_node_named_child(block, i);
    if (is(stmt, s.comment)) continue;
    TSNode target;
    const TSNode call = awaited_call(ctx, stmt, target);
    if (ts_node_is_null(call) || is_sleep(ctx, call)) {  // other statements and sleeps end a run
      flush();
      continue;
    }
    if (length > 0 && depends_on_run(ctx, block, begin, i, call)) flush();
    if (length == 0) begin = i;
    ++length;
  }
  flush();
}

constexpr SymbolRef kKinds[] = {&Symbols::block};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
