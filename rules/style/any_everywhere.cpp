// PF905 any-everywhere: a function whose every annotation is `Any`.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF905",
    .name = "any-everywhere",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Every annotation of the function is `Any`",
    .rationale = R"(`Any` is the type checker's escape hatch: a value typed `Any` is compatible with everything
in both directions, so nothing passed in, done with, or returned from it is checked. Annotating every
parameter and the return type with `Any` makes the signature look typed while switching the checker off
for the whole function, just to "satisfy" it, and misleads readers into trusting types that say
nothing. Write the precise types (generics, `Protocol`, unions), or `object` when any value really is
accepted (the checker then still rejects unsupported operations). `*args: Any` / `**kwargs: Any`
forwarding signatures and single annotations are not reported.)",
    .bad = R"(from typing import Any


def merge(left: Any, right: Any) -> Any:
    return {**left, **right}
)",
    .good = R"(def merge(left: dict[str, int], right: dict[str, int]) -> dict[str, int]:
    return {**left, **right}
)",
    .seed = "§11 \"Type hints\" — \"Using Any everywhere to 'satisfy' the type checker.\"",
};

// Message: "Every annotation of `{func}` is `Any`, which turns type checking off for it; use precise types (or `object` for 'anything')"
// `Any`, `typing.Any` or `t.Any` exactly (the `type` node's expression).
bool is_any(const Context& ctx, TSNode type) {
  const std::string_view text = ctx.text(python::unparenthesize(ctx, ts_node_named_child(type, 0)));
  return text == "Any" || text == "typing.Any" || text == "t.Any";
}

// Called for every def; counts the annotated slots of its signature.
void check(TSNode def, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  unsigned slots = 0;
  const TSNode returns = field(def, s.field.return_type);
  if (!ts_node_is_null(returns)) {
    if (!is_any(ctx, returns)) return;
    ++slots;
  }
  for (TSNode param : named_children(field(def, s.field.parameters))) {
    const TSSymbol k = ts_node_symbol(param);
    if (k != s.typed_parameter && k != s.typed_default_parameter) continue;
    const TSNode type = field(param, s.field.type);
    TSNode name = field(param, s.field.name);  // typed_default_parameter
    if (ts_node_is_null(name)) name = ts_node_named_child(param, 0);  // typed_parameter: identifier or splat
    if (!is(name, s.identifier)) continue;  // `*args: Any`, `**kwargs: Any`: not counted
    const std::string_view text = ctx.text(name);
    if (text == "self" || text == "cls") continue;
    if (!is_any(ctx, type)) return;
    ++slots;
  }
  if (slots < 2) return;
  const TSNode name = field(def, s.field.name);
  out.report(name, cat("Every annotation of `", shorten(ctx.text(name)),
                       "` is `Any`, which turns type checking off for it; use precise types (or `object` for "
                       "'anything')"));
}

constexpr SymbolRef kKinds[] = {&Symbols::function_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
