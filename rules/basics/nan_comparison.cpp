// PF107 nan-comparison: `x == float("nan")` is always False; NaN equals nothing.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF107",
    .name = "nan-comparison",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Comparison with NaN using `==` / `!=`",
    .rationale = R"(IEEE 754 defines NaN as unequal to every value, itself included: `float("nan") ==
float("nan")` is False. So `x == math.nan` is False whatever `x` holds, and `x != math.nan` is always
True; the test that was meant to find missing values finds none (and a filter built on `!=` keeps them
all). Ask the question with the functions made for it: `math.isnan(x)`, or `numpy.isnan` /
`pandas.isna` for arrays and frames. The self-comparison `x != x` is the one equality test that does
detect NaN, and it is not reported; nor is a unit test asserting the predicted result
(`assertFalse(x == nan)`), which checks some `__eq__` rather than relying on the comparison.)",
    .bad = R"(def clean(values):
    return [v for v in values if v != float("nan")]
)",
    .good = R"(import math


def clean(values):
    return [v for v in values if not math.isnan(v)]
)",
    .seed = "§1 \"== vs is\" — \"Why does float('nan') == float('nan') return False?\"",
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The text of a plain string literal with no interpolation (`"nan"`, `'NaN'`, `r"nan"`), else nullopt.
std::optional<std::string_view> plain_string_content(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  if (!is(n, s.string) || !python::is_string_literal(ctx, n)) return std::nullopt;
  std::string_view content;
  for (TSNode part : named_children(n)) {
    const TSSymbol k = ts_node_symbol(part);
    if (k == s.string_content) {
      content = ctx.text(part);
    } else if (k != s.string_start && k != s.string_end) {
      return std::nullopt;  // interpolation or escape sequence
    }
  }
  return content;
}

// `float("nan")` (any case, optional sign, surrounding spaces), `math.nan`, `np.nan`/`numpy.nan`,
// `np.NaN`, `np.NAN` (and the same on `numpy`).
bool is_nan_constant(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  n = python::unparenthesize(ctx, n);
  if (is(n, s.attribute)) {
    const TSNode object = field(n, s.field.object);
    if (!is(object, s.identifier)) return false;
    const std::string_view module = ctx.text(object), attr = ctx.text(field(n, s.field.attribute));
    if (module == "math") return attr == "nan";
    if (module == "np" || module == "numpy") return attr == "nan" || attr == "NaN" || attr == "NAN";
    return false;
  }
  if (!python::is_call_to(ctx, n, "float") || python::has_keywords_or_splats(ctx, n) ||
      python::positional_count(ctx, n) != 1) {
    return false;
  }
  const auto content = plain_string_content(ctx, python::unparenthesize(ctx, python::positional_argument(ctx, n, 0)));
  if (!content) return false;
  std::string_view text = *content;
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  if (text.size() != 3) return false;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  return lower(text[0]) == 'n' && lower(text[1]) == 'a' && lower(text[2]) == 'n';
}

// The unittest assertion that takes `comparison` as its first argument and states the result the
// comparison always has: `assertFalse(x == nan)` / `assertTrue(x != nan)`. Such a test checks that some
// `__eq__` honours the NaN rule; it does not rely on the comparison (`assertTrue(x == nan)` still fires).
// Returns `==` for assertFalse, `!=` for assertTrue, 0 otherwise.
TSSymbol asserted_operator(const Context& ctx, TSNode comparison) {
  const Symbols& s = ctx.sym;
  TSNode arg = comparison;
  while (is(parent_of(arg), s.parenthesized_expression)) arg = parent_of(arg);
  const TSNode args = parent_of(arg);
  if (!is(args, s.argument_list)) return 0;
  const TSNode call = parent_of(args);
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute) || !same_node(python::positional_argument(ctx, call, 0), arg)) return 0;
  const std::string_view method = ctx.text(field(fn, s.field.attribute));
  return method == "assertFalse" ? s.op_eq : method == "assertTrue" ? s.op_ne : TSSymbol{0};
}

void check(TSNode comparison, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSSymbol asserted = asserted_operator(ctx, comparison);
  python::for_each_comparison_pair(ctx, comparison, [&](TSNode op, TSNode left, TSNode right) {
    const TSSymbol k = ts_node_symbol(op);
    if ((k != s.op_eq && k != s.op_ne) || k == asserted) return;
    if (!is_nan_constant(ctx, left) && !is_nan_constant(ctx, right)) return;
    out.report(comparison, cat("Comparison with NaN is always ", k == s.op_eq ? "False" : "True",
                               ": NaN equals nothing, not even itself; use `math.isnan()` (or `numpy.isnan` / "
                               "`pandas.isna` for arrays)"));
  });
}

constexpr SymbolRef kKinds[] = {&Symbols::comparison_operator};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
