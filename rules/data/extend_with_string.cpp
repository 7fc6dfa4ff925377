// PF210 extend-with-string: `lst.extend("word")` adds one item per character.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF210",
    .name = "extend-with-string",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`.extend()` called with a string literal",
    .rationale = R"(`list.extend()` takes an iterable and adds each of its items; a string is an iterable of
characters, so `tags.extend("linting")` appends seven one-letter strings instead of one word. This is the
`append` / `extend` mix-up: `append(x)` adds `x` as a single element, `extend(xs)` adds the elements of
`xs`. To add a string, `append` it (or `extend` with a one-item list).)",
    .bad = R"(def tags():
    result = ["python"]
    result.extend("linting")
    return result
)",
    .good = R"(def tags():
    result = ["python"]
    result.append("linting")
    return result
)",
    .seed = "§2 \"List methods\" — \"Confusing append and extend.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "`.extend()` with a string adds one item per character; use `.append({arg})` to add the whole string"
void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute)) return;
  const TSNode method = field(fn, s.field.attribute);
  if (ctx.text(method) != "extend") return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return;
  TSNode arg{};
  for (TSNode a : named_children(args)) {
    if (is(a, s.comment)) continue;
    if (!ts_node_is_null(arg)) return;  // more than one argument
    arg = a;
  }
  const TSNode value = python::unparenthesize(ctx, arg);
  if (!is(value, s.string) && !is(value, s.concatenated_string)) return;  // also rejects keywords and splats
  if (!python::is_string_literal(ctx, arg)) return;  // bytes are fine
  out.report(call,
             cat("`.extend()` with a string adds one item per character; use `.append(", shorten(ctx.text(arg)),
                 ")` to add the whole string"),
             Fix{.applicability = Applicability::Unsafe,
                 .title = "Use `append`",
                 .edits = {{ts_node_start_byte(method), ts_node_end_byte(method), "append"}}});
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
