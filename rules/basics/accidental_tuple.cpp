// PF108 accidental-tuple: `x = 1,` / `return x,` - a stray trailing comma builds a one-element tuple.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF108",
    .name = "accidental-tuple",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Trailing comma turns a value into a one-element tuple",
    .rationale = R"(In Python it is the comma that makes a tuple, not the parentheses. `timeout = 30,`
therefore binds the tuple `(30,)`, and `return value,` returns one; the stray comma is easy to miss when
reading and the error surfaces far away, when the "number" is added or compared. When a one-element tuple
is really wanted, write the parentheses, `(30,)`, so the intent is visible.)",
    .bad = R"(def settings():
    timeout = 30,
    return {"timeout": timeout}
)",
    .good = R"(def settings():
    timeout = 30
    single = (timeout,)
    return {"timeout": timeout, "single": single}
)",
    .seed = "§1 \"Lists vs tuples\" — \"Not knowing the comma-creates-a-tuple rule (x = 1, is a tuple).\"",
};

void check(TSNode list, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode parent = parent_of(list);
  const TSSymbol k = ts_node_symbol(parent);
  if (k == s.assignment || k == s.augmented_assignment) {
    if (!same_node(field(parent, s.field.right), list)) return;
  } else if (k != s.return_statement) {
    return;
  }
  TSNode element{};
  for (TSNode child : named_children(list)) {
    if (is(child, s.comment)) continue;
    if (!ts_node_is_null(element)) return;  // two or more elements: a deliberate tuple
    element = child;
  }
  if (ts_node_is_null(element) || is(element, s.list_splat)) return;  // `x = *rest,` unpacks on purpose
  out.report(list, cat("Trailing comma makes this a one-element tuple; drop the comma, or write `(",
                       shorten(ctx.text(element)), ",)` if a tuple is intended"));
}

constexpr SymbolRef kKinds[] = {&Symbols::expression_list};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
