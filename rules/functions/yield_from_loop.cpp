// PF406 yield-from-loop: `for x in it: yield x` is `yield from it`.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF406",
    .name = "yield-from-loop",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`for x in it: yield x` instead of `yield from it`",
    .rationale = R"(A loop whose only job is to re-yield every item of another iterable is what `yield from` (Python 3.3+)
was added for: `yield from it` states the delegation in one line, runs the iteration in C, and also
forwards `send()`, `throw()` and `close()` to the inner generator and passes its return value back, which
the hand-written loop silently drops. The seed names not knowing `yield from` as a red flag and shows it
delegating to a sub-generator. Loops that transform the items (`yield x * 2`) are not delegation and are
left alone.)",
    .bad = R"(def chain_all(iterables):
    for iterable in iterables:
        for item in iterable:
            yield item
)",
    .good = R"(def chain_all(iterables):
    for iterable in iterables:
        yield from iterable
)",
    .seed = "§4 \"Generators\" — \"Not knowing yield from.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "Replace the loop with `yield from {iterable}`"
// T and the loop target are the same: one name, or tuples of the same names (parentheses ignored).
bool same_target(const Context& ctx, TSNode target, TSNode value) {
  const Symbols& s = ctx.sym;
  target = python::unparenthesize(ctx, target);
  value = python::unparenthesize(ctx, value);
  if (is(target, s.identifier)) return is(value, s.identifier) && ctx.text(value) == ctx.text(target);
  const auto tuple_like = [&](TSNode n) {
    return is(n, s.pattern_list) || is(n, s.tuple_pattern) || is(n, s.tuple) || is(n, s.expression_list);
  };
  if (!tuple_like(target) || !tuple_like(value)) return false;
  const std::uint32_t n = ts_node_named_child_count(target);
  if (n == 0 || n != ts_node_named_child_count(value)) return false;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!same_target(ctx, ts_node_named_child(target, i), ts_node_named_child(value, i))) return false;
  }
  return true;
}

// The names bound by the loop target (at most 8; more makes the rule step aside).
struct Names {
  std::string_view names[8];
  unsigned count = 0;
  bool overflow = false;
};

void collect(const Context& ctx, TSNode target, Names& out) {
  if (is(target, ctx.sym.identifier)) {
    if (out.count == 8) out.overflow = true;
    else out.names[out.count++] = ctx.text(target);
    return;
  }
  for (TSNode c : named_children(target)) collect(ctx, c, out);
}

// Statement order after the loop: the first occurrence of each target name decides. A read means the
// loop target is still needed after the loop; a binding (whose own value does not read it) frees it.
// Returns true when some name is read before being rebound.
bool read_after(const Context& ctx, TSNode n, std::uint32_t after, Names& names, bool rebound[8]) {
  const Symbols& s = ctx.sym;
  if (ts_node_end_byte(n) <= after) return false;
  if (is(n, s.identifier)) {
    if (ts_node_start_byte(n) < after) return false;
    const std::string_view text = ctx.text(n);
    for (unsigned i = 0; i < names.count; ++i) {
      if (rebound[i] || names.names[i] != text) continue;
      if (python::is_name_read(ctx, n)) return true;
      if (python::is_name_binding(ctx, n)) rebound[i] = true;
    }
    return false;
  }
  // Evaluate an assignment's value (or a loop's iterable) before its target.
  if (is(n, s.assignment) || is(n, s.augmented_assignment) || is(n, s.for_statement)) {
    if (is(n, s.augmented_assignment) && read_after(ctx, field(n, s.field.left), 0, names, rebound)) return true;
    const TSNode right = field(n, s.field.right);
    if (!ts_node_is_null(right) && read_after(ctx, right, after, names, rebound)) return true;
    for (TSNode c : named_children(n)) {
      if (same_node(c, right)) continue;
      if (read_after(ctx, c, after, names, rebound)) return true;
    }
    return false;
  }
  for (TSNode c : named_children(n)) {
    if (read_after(ctx, c, after, names, rebound)) return true;
  }
  return false;
}

// Called for every `for` statement; the body shape is checked before anything else.
void check(TSNode loop, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode body = field(loop, s.field.body);
  if (ts_node_named_child_count(body) != 1) return;
  const TSNode stmt = ts_node_named_child(body, 0);
  if (!is(stmt, s.expression_statement) || ts_node_named_child_count(stmt) != 1) return;
  const TSNode yield = ts_node_named_child(stmt, 0);
  if (!is(yield, s.yield) || ts_node_named_child_count(yield) != 1) return;
  if (is(ts_node_child(yield, 1), s.kw_from)) return;  // already `yield from`
  if (!ts_node_is_null(field(loop, s.field.alternative))) return;  // `else:`
  if (is(ts_node_child(loop, 0), s.kw_async) || ctx.stack.in_async_function()) return;
  const TSNode target = field(loop, s.field.left);
  if (!same_target(ctx, target, ts_node_named_child(yield, 0))) return;
  const Frame* function = ctx.stack.enclosing_function();
  if (function == nullptr) return;
  Names names;
  collect(ctx, target, names);
  if (names.overflow || names.count == 0) return;
  bool rebound[8] = {};
  if (read_after(ctx, field(function->node, s.field.body), ts_node_end_byte(loop), names, rebound)) return;
  const TSNode iterable = field(loop, s.field.right);
  const std::string_view it = ctx.text(iterable);
  const bool wrap = is(iterable, s.expression_list);
  out.report(loop, cat("Replace the loop with `yield from ", shorten(it), "`"),
             Fix{.applicability = Applicability::Unsafe,
                 .title = "Replace the loop with `yield from`",
                 .edits = {{ts_node_start_byte(loop), ts_node_end_byte(loop),
                            cat("yield from ", wrap ? "(" : "", it, wrap ? ")" : "")}}});
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
