// PF206 list-comprehension-in-call: `sum([...])` builds a whole list that a generator expression avoids.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF206",
    .name = "list-comprehension-in-call",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "List comprehension passed to `sum`/`min`/`max`/`any`/`all`",
    .rationale = R"(`sum`, `min`, `max`, `any` and `all` consume any iterable one item at a time. Wrapping
the argument in square brackets first materialises every element in a temporary list that is thrown away
as soon as the call returns: for ten million squares that is tens of megabytes for nothing. Dropping the
brackets turns the argument into a generator expression, which produces the values lazily in constant
memory, and lets `any` and `all` stop at the first decisive element. Knowing that generator expressions
exist, and when to use them instead of a list, is exactly the point.)",
    .bad = R"(def total_squares(n):
    return sum([x * x for x in range(n)])
)",
    .good = R"(def total_squares(n):
    return sum(x * x for x in range(n))
)",
    .seed =
        "§2 \"List comprehensions\" — \"Not knowing generator expressions exist.\"; \"total = sum([x**2 for x in "
        "range(10_000_000)])  # ~80MB list\"",
    .fix_applicability = Applicability::Unsafe,
};

bool is_async_comprehension(const Context& ctx, TSNode comp) {
  // Python calls a comprehension asynchronous when it has an `async for` clause or an `await` (in the
  // element, a condition or a nested comprehension): its generator form would not be iterable here.
  bool found = false;
  python::walk_scope_subtree(ctx, comp, [&](TSNode n) {
    if (found) return false;
    if (is(n, ctx.sym.await) || (is(n, ctx.sym.for_in_clause) && is(ts_node_child(n, 0), ctx.sym.kw_async))) {
      found = true;
    }
    return !found;
  });
  return found;
}

// Message: "Drop the brackets: `{func}()` accepts a generator expression, so there is no need to build the whole list
// first"
void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.identifier)) return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return;
  const std::string_view func = ctx.text(fn);
  const bool is_sum = func == "sum";
  if (!is_sum && func != "min" && func != "max" && func != "any" && func != "all") return;
  const TSNode first = python::positional_argument(ctx, call, 0);
  const TSNode comp = python::unparenthesize(ctx, first);
  if (!is(comp, s.list_comprehension)) return;
  const unsigned positional = python::positional_count(ctx, call);
  if (positional != 1 && !(is_sum && positional == 2)) return;
  for (TSNode arg : named_children(args)) {
    if (is(arg, s.list_splat)) return;  // `sum([...], *rest)`: the other arguments are unknown
  }
  if (is_async_comprehension(ctx, comp)) return;
  const std::uint32_t begin = ts_node_start_byte(comp), end = ts_node_end_byte(comp);
  // The only argument: `f(x for x in y)`. Otherwise a generator expression needs its own parentheses.
  const bool alone = ts_node_child_count(args) == 3 && same_node(ts_node_named_child(args, 0), first);
  Fix fix{.applicability = Applicability::Unsafe,
          .title = alone ? "Remove the brackets" : "Replace the brackets with parentheses",
          .edits = {{begin, begin + 1, alone ? "" : "("}, {end - 1, end, alone ? "" : ")"}}};
  out.report(comp,
             cat("Drop the brackets: `", func,
                 "()` accepts a generator expression, so there is no need to build the whole list first"),
             std::move(fix));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
