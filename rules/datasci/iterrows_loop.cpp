// PF801 iterrows-loop: `for idx, row in df.iterrows():` row-by-row processing of a DataFrame.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF801",
    .name = "iterrows-loop",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Row-by-row loop over `DataFrame.iterrows()`",
    .rationale = R"(pandas is fast because its column operations run in compiled code over whole NumPy arrays.
`iterrows()` throws that away: for every row it builds a new `Series` (boxing each value into a Python
object and possibly upcasting the dtypes), and the loop body then runs as interpreted Python, typically
100 to 1000 times slower than the equivalent vectorized expression on the columns. Express the work as
column arithmetic, boolean masks, `groupby`, `.apply()` where needed, or operate on `.values` /
`.to_numpy()`; when a loop is really needed, `itertuples()` is much cheaper than `iterrows()`.)",
    .bad = R"(def total_salary(df):
    total = 0
    for _, row in df.iterrows():
        total += row["salary"]
    return total
)",
    .good = R"(def total_salary(df):
    return df["salary"].sum()
)",
    .seed = "§10 \"Pandas\" — \"Using for index, row in df.iterrows() for everything.\"; \"Never iterate rows with iterrows() — it's 100-1000x slower than vectorized ops.\"",
};

// Message: "Row-by-row `iterrows()` loop; use vectorized column operations, `.apply()` or `.values` instead (100-1000x faster)"
// Called for every `for` statement and comprehension `for` clause; looks at the iterable only.
void check(TSNode loop, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  TSNode call = field(loop, s.field.right);
  while (is(call, s.parenthesized_expression)) {  // parentheses (and comments inside them) are ignored
    TSNode inner{};
    for (TSNode child : named_children(call)) {
      if (!is(child, s.comment)) {
        inner = child;
        break;
      }
    }
    call = inner;
  }
  if (!is(call, s.call)) return;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute) || ctx.text(field(fn, s.field.attribute)) != "iterrows") return;
  const TSNode args = field(call, s.field.arguments);
  for (TSNode arg : named_children(args)) {
    if (!is(arg, s.comment)) return;  // iterrows() takes no arguments: not pandas's
  }
  out.report(call, "Row-by-row `iterrows()` loop; use vectorized column operations, `.apply()` or `.values` "
                   "instead (100-1000x faster)");
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement, &Symbols::for_in_clause};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
