// PF102 is-literal: `is` / `is not` against a literal compares identity, which literals do not promise.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF102",
    .name = "is-literal",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`is` comparison with a literal",
    .rationale = R"(`is` asks whether two names point at the very same object; `==` asks whether two values
are equal. Whether two equal strings or numbers are also the same object is an accident of the
interpreter: CPython caches small integers and interns some strings, so `x is 0` or `role is "admin"`
can pass in a quick test and fail with a larger number, a string built at runtime, or another Python.
A new list, dict or set display is never identical to anything, so `x is []` is always False. Use
`==` / `!=` for values and keep `is` for singletons such as `None`.)",
    .bad = R"(def is_zero(x):
    return x is 0


def is_admin(role):
    return role is "admin"
)",
    .good = R"(def is_zero(x):
    return x == 0


def is_missing(value):
    return value is None
)",
    .seed = "§1 \"== vs is\" — \"Using is for string comparison\"; §11 \"Common anti-patterns\" — \"BAD -- relies on "
            "CPython integer caching, breaks with large numbers\"",
    .fix_applicability = Applicability::Safe,
};

bool is_scalar_literal(const Context& ctx, TSNode n) {
  return python::is_string_literal(ctx, n) || python::is_bytes_literal(ctx, n) || python::is_number_literal(ctx, n);
}

// Literals whose identity is meaningless: scalars, tuples of scalars (`()` too), new list/dict/set displays.
bool is_literal_operand(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  n = python::unparenthesize(ctx, n);
  if (is_scalar_literal(ctx, n)) return true;
  if (is(n, s.list) || is(n, s.dictionary) || is(n, s.set)) return true;
  if (!is(n, s.tuple)) return false;
  for (TSNode element : named_children(n)) {
    if (!is(element, s.comment) && !is_scalar_literal(ctx, element)) return false;
  }
  return true;
}

void check(TSNode comparison, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  TSNode previous_operand{};
  const std::uint32_t count = ts_node_child_count(comparison);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(comparison, i);
    if (ts_node_is_named(child)) {
      if (!is(child, s.comment)) previous_operand = child;
      continue;
    }
    const TSSymbol op = ts_node_symbol(child);
    if (op != s.op_is && op != s.op_is_not) continue;
    TSNode next_operand{};
    for (std::uint32_t j = i + 1; j < count; ++j) {
      const TSNode c = ts_node_child(comparison, j);
      if (ts_node_is_named(c) && !is(c, s.comment)) {
        next_operand = c;
        break;
      }
    }
    if (!is_literal_operand(ctx, previous_operand) && !is_literal_operand(ctx, next_operand)) continue;
    const bool negated = op == s.op_is_not;
    const std::string_view replacement = negated ? "!=" : "==";
    out.report(comparison,
               cat("`", negated ? "is not" : "is", "` compares identity, not value; use `", replacement,
                   "` to compare with a literal"),
               Fix{.applicability = Applicability::Safe,
                   .title = cat("Replace with `", replacement, "`"),
                   .edits = {{ts_node_start_byte(child), ts_node_end_byte(child), std::string(replacement)}}});
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::comparison_operator};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
