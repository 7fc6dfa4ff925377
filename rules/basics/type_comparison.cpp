// PF106 type-comparison: `type(x) == T` where `isinstance(x, T)` is meant.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF106",
    .name = "type-comparison",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "`type(x) == T` instead of `isinstance(x, T)`",
    .rationale = R"(`type(x) == dict` asks whether `x` was created by exactly `dict`, so it turns False
for an `OrderedDict`, a `defaultdict` or any user subclass, even though they are dicts in every way
that matters: the check quietly breaks as soon as inheritance enters the picture. `isinstance(x, dict)`
respects inheritance and accepts a tuple of types. When the exact class really is the point, say so
with `type(x) is T`, which also avoids going through `__eq__`. (Duck typing - just using the object
and catching the error - is often better still.))",
    .bad = R"(def merge(x, extra):
    if type(x) == dict:
        x.update(extra)
    return x
)",
    .good = R"(def merge(x, extra):
    if isinstance(x, dict):
        x.update(extra)
    return x
)",
    .seed = "§11 \"Common anti-patterns\" — \"Using type() instead of isinstance().\"",
    .fix_applicability = Applicability::Unsafe,
};

// `type(X)`: the builtin with exactly one positional argument and no keywords; returns X or null.
TSNode type_call_argument(const Context& ctx, TSNode n) {
  n = python::unparenthesize(ctx, n);
  if (!python::is_call_to(ctx, n, "type")) return {};
  const TSNode args = field(n, ctx.sym.field.arguments);
  if (!is(args, ctx.sym.argument_list) || python::has_keywords_or_splats(ctx, n) ||
      python::positional_count(ctx, n) != 1) {
    return {};
  }
  return python::positional_argument(ctx, n, 0);
}

// A name chain, or a tuple display of name chains.
bool is_type_operand(const Context& ctx, TSNode n) {
  n = python::unparenthesize(ctx, n);
  if (python::is_name_chain(ctx, n)) return true;
  if (!is(n, ctx.sym.tuple)) return false;
  unsigned elements = 0;
  for (TSNode element : named_children(n)) {
    if (is(element, ctx.sym.comment)) continue;
    if (!python::is_name_chain(ctx, python::unparenthesize(ctx, element))) return false;
    ++elements;
  }
  return elements > 0;
}

void check(TSNode comparison, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  python::for_each_comparison_pair(ctx, comparison, [&](TSNode op, TSNode left, TSNode right) {
    const TSSymbol k = ts_node_symbol(op);
    if (k != s.op_eq && k != s.op_ne) return;
    TSNode obj = type_call_argument(ctx, left), type = right;
    if (ts_node_is_null(obj)) {
      obj = type_call_argument(ctx, right);
      type = left;
    }
    if (ts_node_is_null(obj) || !is_type_operand(ctx, type)) return;
    type = python::unparenthesize(ctx, type);
    const bool eq = k == s.op_eq;
    const std::string_view op_text = eq ? "==" : "!=";
    std::optional<Fix> fix;
    if (ts_node_named_child_count(comparison) == 2 && python::is_name_chain(ctx, type)) {
      const std::string replacement = cat(eq ? "" : "not ", "isinstance(", ctx.text(obj), ", ", ctx.text(type), ")");
      fix = Fix{.applicability = Applicability::Unsafe,
                .title = cat("Replace with `", shorten(replacement), "`"),
                .edits = {{ts_node_start_byte(comparison), ts_node_end_byte(comparison), replacement}}};
    }
    const std::string obj_text = shorten(ctx.text(obj)), type_text = shorten(ctx.text(type));
    out.report(comparison,
               cat("Use `isinstance(", obj_text, ", ", type_text, ")` instead of `type(", obj_text, ") ", op_text, " ",
                   type_text, "`, which ignores subclasses (use `is` if you need the exact type)"),
               std::move(fix));
  });
}

constexpr SymbolRef kKinds[] = {&Symbols::comparison_operator};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
