// PF104 none-comparison: `x == None` / `x != None` asks `__eq__` instead of checking identity.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF104",
    .name = "none-comparison",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "Comparison with `None` using `==` / `!=`",
    .rationale = R"(There is exactly one `None` object in a Python process, so "is this None?" is an
identity question: `x is None` is a single pointer comparison that no object can fake. `x == None`
instead calls `x.__eq__(None)`, and a class may define `__eq__` to say anything: a proxy or a badly
written model can claim to equal `None` while being a real object, and an array answers element by
element. Use `is None` / `is not None`. Query builders that overload `==` to build SQL (`.filter(...)`,
`.where(...)`) and array masks used as a whole index are left alone.)",
    .bad = R"(def handle(value):
    if value == None:
        return "missing"
    return value
)",
    .good = R"(def handle(value):
    if value is None:
        return "missing"
    return value
)",
    .seed = "§1 \"Identity operators\" — \"Using == for None checks.\"; §1 \"== vs is\" — \"Using == None instead of is None.\"",
    .fix_applicability = Applicability::Unsafe,
};

void check(TSNode comparison, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  bool exempt_known = false, exempt = false;
  python::for_each_comparison_pair(ctx, comparison, [&](TSNode op, TSNode left, TSNode right) {
    const TSSymbol k = ts_node_symbol(op);
    if (k != s.op_eq && k != s.op_ne) return;
    if (!python::is_none(ctx, left) && !python::is_none(ctx, right)) return;
    if (!exempt_known) {  // array masks and SQL builders overload `==` on purpose
      exempt = python::is_whole_subscript_index(ctx, comparison) || python::is_sql_builder_argument(ctx, comparison);
      exempt_known = true;
    }
    if (exempt) return;
    const bool eq = k == s.op_eq;
    const std::string_view op_text = eq ? "==" : "!=", replacement = eq ? "is" : "is not";
    out.report(comparison,
               cat("Use `", replacement, " None` instead of `", op_text, " None`: `", op_text,
                   "` calls `__eq__`, which a class can override"),
               Fix{.applicability = Applicability::Unsafe,
                   .title = cat("Replace `", op_text, "` with `", replacement, "`"),
                   .edits = {{ts_node_start_byte(op), ts_node_end_byte(op), std::string(replacement)}}});
  });
}

constexpr SymbolRef kKinds[] = {&Symbols::comparison_operator};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
