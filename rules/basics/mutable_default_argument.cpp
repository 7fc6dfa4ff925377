// PF101 mutable-default-argument: one rule, one file; its docs are its metadata.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF101",
    .name = "mutable-default-argument",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Mutable default argument is shared by every call",
    .rationale = R"(A default value is evaluated once, when `def` runs, not on each call. A list,
dict or set used as a default is therefore one object shared by every call that omits the argument:
whatever one call appends is still there for the next. Default to `None` and build a fresh object in
the body. Tuples, frozensets, strings and numbers are immutable and safe.)",
    .bad = R"(def add_item(item, items=[]):
    items.append(item)
    return items
)",
    .good = R"(def add_item(item, items=None):
    if items is None:
        items = []
    items.append(item)
    return items
)",
    .seed = "§1 \"Mutable vs immutable\" — \"Not knowing the mutable default argument gotcha.\"; §11 \"Common "
            "anti-patterns\" — \"Not knowing why mutable defaults are dangerous.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Unsafe: callers that omit the argument now get a fresh object each call — the point, but a change.
std::optional<Fix> default_to_none(const Context& ctx, TSNode def, TSNode param, TSNode name, TSNode value) {
  const Symbols& s = ctx.sym;
  if (ts_node_symbol(def) != s.function_definition) return std::nullopt;      // a lambda has no body to move into
  if (ts_node_symbol(param) == s.typed_default_parameter) return std::nullopt;  // `x: list = None` would misstate the type
  const TSNode first = python::first_statement_after_docstring(ctx, field(def, s.field.body));
  if (ts_node_is_null(first)) return std::nullopt;
  const auto body_indent = ctx.file.indent_before(ts_node_start_byte(first));  // nullopt: `def f(x=[]): return x`
  const auto def_indent = ctx.file.indent_before(ts_node_start_byte(def));
  if (!body_indent || !def_indent || !body_indent->starts_with(*def_indent) || body_indent->size() == def_indent->size()) {
    return std::nullopt;
  }
  const std::string_view step = body_indent->substr(def_indent->size());  // one indent level, as the file writes it
  const std::string_view arg = ctx.text(name), nl = ctx.file.newline();
  const std::uint32_t at = ctx.file.line_start(ts_node_start_byte(first));
  return Fix{.applicability = Applicability::Unsafe,
             .title = cat("Default `", arg, "` to `None` and create the value in the body"),
             .edits = {{ts_node_start_byte(value), ts_node_end_byte(value), "None"},
                       {at, at, cat(*body_indent, "if ", arg, " is None:", nl, *body_indent, step, arg, " = ",
                                    ctx.text(value), nl)}}};
}

// Called by the walker for every `function_definition` and `lambda`; looks only at the signature.
void check(TSNode def, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // defaults in .pyi files are never evaluated
  const Symbols& s = ctx.sym;
  for (TSNode param : named_children(field(def, s.field.parameters))) {  // null-safe: `lambda: 0`
    const TSSymbol kind = ts_node_symbol(param);
    if (kind != s.default_parameter && kind != s.typed_default_parameter) continue;
    const TSNode value = field(param, s.field.value);
    if (!python::is_mutable_value(ctx, value)) continue;  // [] {} {1} comprehensions list() dict() deque() ...
    const TSNode name = field(param, s.field.name);
    out.report(value,
               cat("Mutable default for `", shorten(ctx.text(name)),
                   "` is created once and shared by every call; default to `None` and create it in the body"),
               default_to_none(ctx, def, param, name, value));
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::function_definition, &Symbols::lambda};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
