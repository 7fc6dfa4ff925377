// PF202 sort-returns-none: using the result of `lst.sort()` / `random.shuffle()`, which is always None.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF202",
    .name = "sort-returns-none",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Result of an in-place `.sort()` / `random.shuffle()` is used",
    .rationale = R"(`list.sort()` and `random.shuffle()` rearrange the list they are given and return
`None`, by design, so that nobody mistakes them for functions producing a new list. Assigning, returning
or iterating over their result therefore works with `None`: `ordered = scores.sort()` leaves `ordered`
as `None` and fails later, far from the cause. Call them as statements and keep using the list, or use
`sorted(seq)` (and `random.sample(seq, len(seq))`) when a new, separate list is wanted.)",
    .bad = R"(def ranked(scores):
    ordered = scores.sort(reverse=True)
    return ordered
)",
    .good = R"(def ranked(scores):
    return sorted(scores, reverse=True)
)",
    .seed = "§2 \"List methods\" — \"Writing x = my_list.sort() sets x to None — a very common mistake.\"; §2 "
            "\"Sorting\" — \"Not understanding that list.sort() returns None.\"",
    .fix_applicability = Applicability::Unsafe,
};

// `E.sort(key=..., reverse=...)`: no positional arguments, no splats, only `key` / `reverse` keywords.
bool is_list_sort(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return false;
  for (TSNode arg : named_children(args)) {
    if (is(arg, s.comment)) continue;
    if (!is(arg, s.keyword_argument)) return false;
    const std::string_view name = ctx.text(field(arg, s.field.name));
    if (name != "key" && name != "reverse") return false;
  }
  return true;
}

void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute)) return;  // both forms are attribute calls: cheapest test first
  const std::string_view method = ctx.text(field(fn, s.field.attribute));
  bool sort = false;
  if (method == "sort") {
    if (!is_list_sort(ctx, call)) return;
    sort = true;
  } else if (method != "shuffle" || python::callee(ctx, call) != "random.shuffle") {
    return;
  }

  // "Used": the whole right-hand side of an assignment or walrus, a return value, a for iterable.
  const TSNode whole = python::outer_parentheses(ctx, call);
  const TSNode parent = parent_of(whole);
  const TSSymbol k = ts_node_symbol(parent);
  bool assignment = false;
  if (k == s.assignment) {
    if (!same_node(field(parent, s.field.right), whole)) return;
    assignment = true;
  } else if (k == s.named_expression) {
    if (!same_node(field(parent, s.field.value), whole)) return;
  } else if (k == s.for_statement || k == s.for_in_clause) {
    if (!same_node(field(parent, s.field.right), whole)) return;
  } else if (k != s.return_statement) {
    return;
  }

  std::optional<Fix> fix;
  if (sort && assignment) {  // `x = seq.sort(<kwargs>)` -> `x = sorted(seq, <kwargs>)`
    const TSNode args = field(call, s.field.arguments);
    std::string_view inner = ctx.text(args);
    inner = inner.substr(1, inner.size() - 2);
    while (!inner.empty() && (inner.front() == ' ' || inner.front() == '\t')) inner.remove_prefix(1);
    const bool has_args = ts_node_named_child_count(args) > 0;
    const std::string replacement =
        cat("sorted(", ctx.text(field(fn, s.field.object)), has_args ? ", " : "", has_args ? inner : "", ")");
    fix = Fix{.applicability = Applicability::Unsafe,
              .title = "Use `sorted(...)`, which returns a new list",
              .edits = {{ts_node_start_byte(call), ts_node_end_byte(call), replacement}}};
  }
  out.report(call, cat("`", shorten(ctx.text(call)), "` works in place and returns `None`, so this uses `None`; "
                       "call it as a statement, or use `", sort ? "sorted(...)" : "random.sample(seq, len(seq))",
                       "` to get a new list"),
             std::move(fix));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
