// PF205 nested-comprehension: comprehensions nested more than `max-depth` (default 2) `for` levels deep.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr OptionInfo kOptions[] = {
    {.name = "max-depth",
     .type = OptionType::Integer,
     .description = "The deepest nesting allowed: a comprehension whose depth exceeds it is reported",
     .default_integer = 2},
};
const OptionInfo& kMaxDepth = kOptions[0];

constexpr RuleInfo kInfo{
    .code = "PF205",
    .name = "nested-comprehension",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Comprehension nested more than `max-depth` (default 2) levels deep",
    .rationale = R"(A comprehension reads well while it says one thing: "this, for each of those, if that".
Two `for` clauses (flattening a matrix) are still easy to follow; at three levels - whether as three
`for` clauses or as comprehensions inside comprehensions - the reader has to untangle the order of the
loops and which name belongs to which level, and the one-liner has become harder to read than the loop
it replaced. Use plain nested loops, give the inner part a name with a helper function, or flatten with
`itertools.chain.from_iterable`.)",
    .bad = R"(def flatten(cube):
    return [cell for plane in cube for row in plane for cell in row]
)",
    .good = R"(from itertools import chain


def flatten(cube):
    rows = chain.from_iterable(cube)
    return list(chain.from_iterable(rows))
)",
    .seed = "§2 \"List comprehensions\" — \"When nesting gets beyond 2 levels (readability drops off a cliff)\"; red "
            "flag \"Writing a 3-level nested comprehension\"",
    .options = kOptions,
};

unsigned depth(const Context& ctx, TSNode comprehension);

// The largest depth of the comprehensions nested anywhere under `node` (its children's subtrees).
unsigned nested_depth(const Context& ctx, TSNode node) {
  unsigned best = 0;
  for (TSNode child : named_children(node)) {
    const unsigned d = python::is_comprehension(ctx, child) ? depth(ctx, child) : nested_depth(ctx, child);
    if (d > best) best = d;
  }
  return best;
}

// Number of `for` clauses plus the deepest comprehension nested inside.
unsigned depth(const Context& ctx, TSNode comprehension) {
  unsigned fors = 0;
  for (TSNode child : named_children(comprehension)) {
    if (is(child, ctx.sym.for_in_clause)) ++fors;
  }
  return fors + nested_depth(ctx, comprehension);
}

void check(TSNode comprehension, const Context& ctx, Reporter& out) {
  const auto frames = ctx.stack.frames();
  for (std::size_t i = frames.size(); i-- > 0;) {  // the node itself is the top frame
    if (same_node(frames[i].node, comprehension)) continue;
    if (frames[i].kind == FrameKind::Comprehension) return;  // only the outermost one reports
  }
  const unsigned max = static_cast<unsigned>(ctx.options.integer(kMaxDepth));
  const unsigned d = depth(ctx, comprehension);
  if (d <= max) return;
  out.report(comprehension, cat("Comprehension nested ", d, " levels deep; beyond ", max,
                                " it stops being readable: use a loop, a helper function or "
                                "`itertools.chain.from_iterable`"));
}

constexpr SymbolRef kKinds[] = {&Symbols::list_comprehension, &Symbols::set_comprehension,
                                &Symbols::dictionary_comprehension, &Symbols::generator_expression};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
