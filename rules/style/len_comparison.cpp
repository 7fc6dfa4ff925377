// PF904 len-comparison: `if len(items) > 0:` / `if not len(items):` where the collection's truthiness says it.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF904",
    .name = "len-comparison",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::Always,
    .summary = "`len()` compared with 0 in a condition",
    .rationale = R"(Every built-in collection is false when empty and true otherwise, so in a condition
`if items:` already means "is not empty" and `if not items:` means "is empty". Spelling it as
`len(items) > 0` or `len(items) == 0` adds a call and a comparison that the reader has to decode, and
PEP 8 asks for the plain truthiness test. Only boolean contexts are reported (an `if`/`while`/`assert`
condition, a conditional expression, a comprehension filter, the operand of `not`, `and`, `or`); a
`len()` that is returned or printed is a number and stays. The fix is unsafe because NumPy arrays and
pandas objects refuse truth testing, and an object's `__bool__` may differ from its length.)",
    .bad = R"(def describe(items):
    if len(items) > 0:
        return "non-empty"
    return "empty"
)",
    .good = R"(def describe(items):
    if items:
        return "non-empty"
    return "empty"
)",
    .seed = "§11 \"PEP 8\" — \"Use if items: instead of if len(items) > 0:.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "Use the collection's truthiness (`if {obj}:` / `if not {obj}:`) instead of `{expr}`"
// Kinds that are "primary" expressions: safe to put after `not` or inside `and`/`or` without parentheses.
bool is_primary(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(n);
  return k == s.identifier || k == s.attribute || k == s.subscript || k == s.call || k == s.parenthesized_expression ||
         k == s.list || k == s.tuple || k == s.dictionary || k == s.set || k == s.string || k == s.concatenated_string ||
         k == s.list_comprehension || k == s.set_comprehension || k == s.dictionary_comprehension ||
         k == s.generator_expression;
}

// X when `call` is `len(X)` (one positional argument), else null.
TSNode len_argument(const Context& ctx, TSNode call) {
  if (!python::is_call_to(ctx, call, "len") || python::has_keywords_or_splats(ctx, call) ||
      python::positional_count(ctx, call) != 1) {
    return {};
  }
  return python::positional_argument(ctx, call, 0);
}

bool is_int(const Context& ctx, TSNode n, std::string_view value) {
  n = python::unparenthesize(ctx, n);
  return is(n, ctx.sym.integer) && ctx.text(n) == value;
}

// For `len(X) OP literal` (or mirrored): 1 when it means "non-empty", -1 when "empty", 0 when neither.
// `len_call` gets the `len(X)` call.
int comparison_meaning(const Context& ctx, TSNode cmp, TSNode& len_call) {
  const Symbols& s = ctx.sym;
  TSNode operands[2]{}, op{};
  unsigned n = 0;
  for (TSNode child : children(cmp)) {
    if (ts_node_is_named(child)) {
      if (is(child, s.comment)) continue;
      if (n == 2) return 0;  // chained comparison
      operands[n++] = child;
    } else if (ts_node_is_null(op)) {
      op = child;
    } else {
      return 0;
    }
  }
  if (n != 2) return 0;
  TSSymbol k = ts_node_symbol(op);
  TSNode literal = operands[1];
  len_call = python::unparenthesize(ctx, operands[0]);
  if (ts_node_is_null(len_argument(ctx, len_call))) {  // the literal on the left: mirror the operator
    literal = operands[0];
    len_call = python::unparenthesize(ctx, operands[1]);
    if (ts_node_is_null(len_argument(ctx, len_call))) return 0;
    if (k == s.op_lt) k = s.op_gt;
    else if (k == s.op_gt) k = s.op_lt;
    else if (k == s.op_le) k = s.op_ge;
    else if (k == s.op_ge) k = s.op_le;
  }
  if (is_int(ctx, literal, "0")) {
    if (k == s.op_ne || k == s.op_gt) return 1;
    if (k == s.op_eq || k == s.op_le) return -1;
  } else if (is_int(ctx, literal, "1")) {
    if (k == s.op_ge) return 1;
    if (k == s.op_lt) return -1;
  }
  return 0;
}

void report(const Context& ctx, Reporter& out, TSNode expr, TSNode len_call, bool empty) {
  const TSNode obj = python::unparenthesize(ctx, len_argument(ctx, len_call));
  const std::string_view obj_text = ctx.text(obj);
  const bool wrap = !is_primary(ctx, obj);
  std::string replacement = cat(empty ? "not " : "", wrap ? "(" : "", obj_text, wrap ? ")" : "");
  const std::string shown = shorten(obj_text);
  out.report(expr,
             cat("Use the collection's truthiness (`if ", shown, ":` / `if not ", shown, ":`) instead of `",
                 shorten(ctx.text(expr)), "`"),
             Fix{.applicability = Applicability::Unsafe,
                 .title = cat("Replace with `", shorten(replacement), "`"),
                 .edits = {{ts_node_start_byte(expr), ts_node_end_byte(expr), std::move(replacement)}}});
}

// Examines a condition: `len(X)`, a comparison of it with 0/1, or `and`/`or` operands (recursively).
// `not` operands are left to the not_operator's own visit.
void examine(const Context& ctx, Reporter& out, TSNode cond) {
  const Symbols& s = ctx.sym;
  cond = python::unparenthesize(ctx, cond);
  if (is(cond, s.boolean_operator)) {
    examine(ctx, out, field(cond, s.field.left));
    examine(ctx, out, field(cond, s.field.right));
  } else if (is(cond, s.call)) {
    if (!ts_node_is_null(len_argument(ctx, cond))) report(ctx, out, cond, cond, false);
  } else if (is(cond, s.comparison_operator)) {
    TSNode len_call{};
    const int meaning = comparison_meaning(ctx, cond, len_call);
    if (meaning != 0) report(ctx, out, cond, len_call, meaning < 0);
  }
}

// The condition of each boolean context.
void check(TSNode node, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(node);
  TSNode cond{};
  if (k == s.if_statement || k == s.elif_clause || k == s.while_statement) {
    cond = field(node, s.field.condition);
  } else if (k == s.not_operator) {
    cond = field(node, s.field.argument);
  } else if (k == s.conditional_expression) {
    unsigned i = 0;  // `body if condition else alternative`: the second expression
    for (TSNode child : named_children(node)) {
      if (is(child, s.comment)) continue;
      if (i++ == 1) cond = child;
    }
  } else {  // assert_statement, if_clause: the first expression
    for (TSNode child : named_children(node)) {
      if (!is(child, s.comment)) {
        cond = child;
        break;
      }
    }
  }
  if (!ts_node_is_null(cond)) examine(ctx, out, cond);
}

constexpr SymbolRef kKinds[] = {&Symbols::if_statement,          &Symbols::elif_clause, &Symbols::while_statement,
                                &Symbols::assert_statement,      &Symbols::if_clause,   &Symbols::not_operator,
                                &Symbols::conditional_expression};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
