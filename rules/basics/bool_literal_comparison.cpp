// PF105 bool-literal-comparison: `x == True` / `x != False` instead of testing the value itself.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/python_style.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF105",
    .name = "bool-literal-comparison",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Comparison with `True` / `False` using `==` / `!=`",
    .rationale = R"(PEP 8 asks for `is`/`is not` when comparing with the singletons `None`, `True` and
`False`, and in practice the comparison is rarely needed at all: `if done == True:` says the same as
`if done:`, with an extra operator and an extra chance to get it wrong (`x == True` is False for a
truthy value such as `2` or `"yes"`, and `1 == True` holds). Test the value's truthiness directly, or
write `is True` when only the bool object itself will do. Array masks, SQL-expression builders and
modules that import SymPy (whose Booleans equal `True` without being it) overload `==` on purpose and are
left alone.)",
    .bad = R"(def describe(done):
    if done == True:
        return "finished"
    return "running"
)",
    .good = R"(def describe(done):
    if done:
        return "finished"
    return "running"
)",
    .seed = "§11 \"PEP 8\" — \"Comparisons: Use is/is not for None/True/False.\"",
    .fix_applicability = Applicability::Unsafe,
};

bool is_bool_literal(const Context& ctx, TSNode n) {
  n = python::unparenthesize(ctx, n);
  return is(n, ctx.sym.true_) || is(n, ctx.sym.false_);
}

void check(TSNode comparison, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  bool exempt_known = false, exempt = false;
  python::for_each_comparison_pair(ctx, comparison, [&](TSNode op, TSNode left, TSNode right) {
    const TSSymbol k = ts_node_symbol(op);
    if (k != s.op_eq && k != s.op_ne) return;
    const bool right_bool = is_bool_literal(ctx, right);
    if (!right_bool && !is_bool_literal(ctx, left)) return;
    if (!exempt_known) {  // array masks and SQL builders overload `==` on purpose
      // So does SymPy: its Booleans (`S.true`, relationals) equal `True` without being it, and refuse
      // `bool()` when symbolic, so `cond == True` is that library's idiom.
      exempt = python::is_whole_subscript_index(ctx, comparison) || python::is_sql_builder_argument(ctx, comparison) ||
               python::module_imports(ctx, "sympy");
      exempt_known = true;
    }
    if (exempt) return;
    const TSNode literal = python::unparenthesize(ctx, right_bool ? right : left);
    const TSNode value = right_bool ? left : right;
    const bool is_true = is(literal, s.true_), eq = k == s.op_eq;
    const std::string_view literal_text = is_true ? "True" : "False", op_text = eq ? "==" : "!=";
    std::optional<Fix> fix;
    // Only a two-operand comparison that is a whole condition: `x == True` -> `x`, `x == False` -> `not x`.
    if (ts_node_named_child_count(comparison) == 2 && !is_bool_literal(ctx, value) &&
        python::is_whole_condition(ctx, comparison)) {
      const bool negate = eq != is_true;
      const std::string replacement = cat(negate ? "not " : "", ctx.text(value));
      fix = Fix{.applicability = Applicability::Unsafe,
                .title = cat("Replace with `", shorten(replacement), "`"),
                .edits = {{ts_node_start_byte(comparison), ts_node_end_byte(comparison), replacement}}};
    }
    out.report(comparison,
               cat("Don't compare with `", literal_text, "` using `", op_text,
                   "`; test the value itself (`if x:` / `if not x:`), or use `is ", literal_text,
                   "` if only the bool object will do"),
               std::move(fix));
  });
}

constexpr SymbolRef kKinds[] = {&Symbols::comparison_operator};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
