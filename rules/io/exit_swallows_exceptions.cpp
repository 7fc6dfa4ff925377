// PF507 exit-swallows-exceptions: `return True` as a top-level statement of `__exit__` swallows every exception.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF507",
    .name = "exit-swallows-exceptions",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`__exit__` returns True unconditionally and swallows every exception",
    .rationale = R"(The value `__exit__` (or `__aexit__`) returns is a verdict on the exception raised inside the `with`
block: a true value tells Python the exception has been dealt with and must not propagate. Returning
`True` is therefore a request to suppress, and the seed warns to use it sparingly. A `return True` that
every path reaches suppresses everything, including `KeyboardInterrupt`, typos and assertion failures,
so bugs in the block vanish without a trace. Return `False` (or nothing) to let exceptions through, and
return `True` only after checking that the exception is one you deliberately mean to swallow. A method
that returns `False` earlier for some exceptions already makes that choice and is not reported.)",
    .bad = R"(class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return True
)",
    .good = R"(class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return False
)",
    .seed = "§11 \"Context managers\" — \"Returning True suppresses the exception (use sparingly).\"",
};

// Message: "`{method}` returns True unconditionally, silently swallowing every exception in the `with` block; return False, or True only for the exceptions you mean to suppress"
bool is_exit_name(std::string_view name) { return name == "__exit__" || name == "__aexit__"; }

// Called for every `def`; the name comparison comes first, then the class-body test.
// Whether `ret` is `return LITERAL` (`True` / `False`), parentheses ignored.
bool returns_literal(const Context& ctx, TSNode ret, TSSymbol literal) {
  return is(python::unparenthesize(ctx, ts_node_named_child(ret, 0)), literal);
}

void check(TSNode def, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode name = field(def, s.field.name);
  if (!is_exit_name(ctx.text(name))) return;
  TSNode holder = parent_of(def);
  if (is(holder, s.decorated_definition)) holder = parent_of(holder);
  if (!is(holder, s.block) || !is(parent_of(holder), s.class_definition)) return;
  // An earlier `return False` (in a branch, nested scopes excluded) lets the exceptions that take it
  // propagate, so a later `return True` is not reached by every exception: unittest's
  // `_AssertRaisesContext.__exit__` returns False for the unexpected ones, True for the expected one.
  bool propagates_some = false;
  for (TSNode stmt : named_children(field(def, s.field.body))) {
    if (python::is_scope_boundary(ctx, stmt)) continue;
    if (!is(stmt, s.return_statement)) {
      propagates_some = propagates_some || python::walk_scope_subtree(ctx, stmt, [&](TSNode n) {
        return is(n, s.return_statement) && returns_literal(ctx, n, s.false_) ? Walk::Stop : Walk::Descend;
      });
      continue;
    }
    if (propagates_some) return;
    if (returns_literal(ctx, stmt, s.false_)) propagates_some = true;
    if (!returns_literal(ctx, stmt, s.true_)) continue;
    out.report(stmt, cat("`", ctx.text(name), "` returns True unconditionally, silently swallowing every exception "
                         "in the `with` block; return False, or True only for the exceptions you mean to suppress"));
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::function_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
