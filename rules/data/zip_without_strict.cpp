// PF215 zip-without-strict: `zip(a, b)` that silently truncates to the shortest input.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF215",
    .name = "zip-without-strict",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::Always,
    .summary = "`zip()` without `strict=`",
    .rationale = R"(`zip()` stops as soon as its shortest input is exhausted and says nothing about the items it
dropped, so two lists that were supposed to line up but do not (a missing row, an off-by-one) produce a
quietly truncated result. Since Python 3.10, `zip(..., strict=True)` raises `ValueError` on a length
mismatch; when truncation is what you want, `strict=False` documents it, and `itertools.zip_longest` pads
instead of dropping.)",
    .bad = R"(def pairs(names, scores):
    return dict(zip(names, scores))
)",
    .good = R"(def pairs(names, scores):
    return dict(zip(names, scores, strict=True))
)",
    .seed = "§11 \"enumerate and zip\" — \"Not knowing zip truncates silently.\"",
    .fix_applicability = Applicability::Unsafe,
};

// `count(...)`, `cycle(...)` or one-argument `repeat(...)`, bare or as `itertools.<name>`: never exhausted.
bool is_infinite_iterator(const Context& ctx, TSNode arg) {
  const Symbols& s = ctx.sym;
  arg = python::unparenthesize(ctx, arg);
  if (!is(arg, s.call)) return false;
  std::string_view name = python::callee(ctx, arg);
  if (name.starts_with("itertools.")) name.remove_prefix(10);
  if (name == "count" || name == "cycle") return true;
  if (name != "repeat") return false;
  unsigned n = 0;
  for (TSNode a : named_children(field(arg, s.field.arguments))) n += is(a, s.comment) ? 0 : 1;
  return n == 1 && !python::has_keywords_or_splats(ctx, arg);
}

// Message: "`zip()` silently stops at the shortest input; pass `strict=True` to catch length mismatches (or
// `strict=False` to make truncation explicit)"
void check(TSNode call, const Context& ctx, Reporter& out) {
  if (ctx.target_minor < 10) return;  // no `strict` parameter before Python 3.10
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.identifier) || ctx.text(fn) != "zip") return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return;
  unsigned positional = 0;
  TSNode last{};
  for (TSNode a : named_children(args)) {
    const TSSymbol k = ts_node_symbol(a);
    if (k == s.comment) continue;
    last = a;
    if (k == s.list_splat || k == s.dictionary_splat) return;  // lengths (or a `strict`) unknown
    if (k == s.keyword_argument) {
      if (ctx.text(field(a, s.field.name)) == "strict") return;
      continue;
    }
    if (is_infinite_iterator(ctx, a)) return;
    ++positional;
  }
  if (positional < 2) return;
  const std::uint32_t at = ts_node_end_byte(last);
  out.report(
      call,
      "`zip()` silently stops at the shortest input; pass `strict=True` to catch length mismatches (or "
      "`strict=False` to make truncation explicit)",
      Fix{.applicability = Applicability::Unsafe, .title = "Add `strict=True`", .edits = {{at, at, ", strict=True"}}});
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
