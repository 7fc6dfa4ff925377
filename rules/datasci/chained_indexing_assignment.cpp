// PF802 chained-indexing-assignment: `df["col"][0] = v`: the first subscript may return a copy, so the write can be lost.
#include "linter/python.h"
#include "linter/python_style.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF802",
    .name = "chained-indexing-assignment",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Chained indexing assignment on a DataFrame",
    .rationale = R"(`df["col"][0] = v` is two operations: `df["col"]` first fetches an object, then `[0] = v`
writes into that object. Whether the fetched object is a view sharing memory with `df` or a fresh copy
depends on the dtypes and the memory layout, so the write may land in a temporary copy that is thrown
away, leaving the DataFrame unchanged (pandas warns with `SettingWithCopyWarning`, and with copy-on-write
such writes never reach the original). Index rows and columns in one step, `df.loc[row, col] = value`
(or `.iloc` / `.at`), which always writes into the DataFrame itself.)",
    .bad = R"(import pandas as pd


def reset_first(df):
    df["salary"][0] = 0
    return df
)",
    .good = R"(import pandas as pd


def reset_first(df):
    df.loc[0, "salary"] = 0
    return df
)",
    .seed = "§10 \"Pandas\" — \"Chained indexing warning: df['col'][0] = val may not modify the DataFrame (creates a copy). Use df.loc[0, 'col'] = val instead.\"",
};

// Message: "Chained indexing assignment may write to a temporary copy and leave `{df}` unchanged; assign in one step with `{df}.loc[row, col] = value`"
// Called for every assignment and augmented assignment; looks at the target's subscript chain.
void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode target = field(stmt, s.field.left);
  if (!is(target, s.subscript)) return;
  TSNode base = python::unparenthesize(ctx, field(target, s.field.value));
  if (!is(base, s.subscript)) return;  // single-step `df[...] = v`
  while (is(base, s.subscript)) base = python::unparenthesize(ctx, field(base, s.field.value));  // Y of `Y[i][j]...`
  TSNode frame{};
  if (is(base, s.attribute)) {
    const std::string_view indexer = ctx.text(field(base, s.field.attribute));
    if (indexer != "loc" && indexer != "iloc") return;
    frame = field(base, s.field.object);
  } else if (is(base, s.identifier) && python::is_dataframe_name(ctx.text(base))) {
    frame = base;
  } else {
    return;
  }
  if (!python::module_imports(ctx, "pandas")) return;
  const std::string df = shorten(ctx.text(frame));
  out.report(stmt, cat("Chained indexing assignment may write to a temporary copy and leave `", df,
                       "` unchanged; assign in one step with `", df, ".loc[row, col] = value`"));
}

constexpr SymbolRef kKinds[] = {&Symbols::assignment, &Symbols::augmented_assignment};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
