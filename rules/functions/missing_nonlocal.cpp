// PF405 missing-nonlocal: `count += 1` in a nested function without `nonlocal count` raises UnboundLocalError.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF405",
    .name = "missing-nonlocal",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "Augmented assignment to an enclosing variable without `nonlocal` / `global`",
    .rationale = R"(Python decides at compile time which names are local to a function: any name the function assigns to,
`+=` included, is local throughout its body. So `count += 1` inside a nested function does not update the
enclosing `count`; it tries to read a local `count` that has no value yet and raises UnboundLocalError on
the first call. The seed uses exactly this counter to explain why `nonlocal` exists. Declare the intent:
`nonlocal count` for a variable of the enclosing function, `global count` for a module-level one (or keep
the state in a mutable object or a class attribute).)",
    .bad = R"(def make_counter():
    count = 0

    def increment():
        count += 1
        return count

    return increment
)",
    .good = R"(def make_counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    return increment
)",
    .seed = "§4 \"Closures\" — \"Not knowing nonlocal.\"; \"Without nonlocal, assigning to count inside increment creates a new local variable, and the += 1 operation would raise UnboundLocalError\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "`{name} {op}` makes `{name}` local to `{func}`, so reading it raises UnboundLocalError; declare `{keyword} {name}` first"
// Whether `n` (a function body; nested scopes excluded, except their names) binds `name` anywhere
// other than by augmented assignment.
bool binds_elsewhere(const Context& ctx, TSNode n, std::string_view name) {
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(n);
  if (k == s.function_definition || k == s.class_definition) {
    return ctx.text(field(n, s.field.name)) == name;
  }
  if (k == s.lambda) return false;
  if (k == s.identifier) {
    if (ctx.text(n) != name || !python::is_name_binding(ctx, n)) return false;
    const TSNode parent = parent_of(n);
    return !(is(parent, s.augmented_assignment) && same_node(field(parent, s.field.left), n));
  }
  for (TSNode c : named_children(n)) {
    if (binds_elsewhere(ctx, c, name)) return true;
  }
  return false;
}

// Unsafe: the name now refers to the enclosing variable, which is the point.
std::optional<Fix> declare(const Context& ctx, TSNode def, std::string_view keyword, std::string_view name) {
  const TSNode first = python::first_statement_after_docstring(ctx, field(def, ctx.sym.field.body));
  if (ts_node_is_null(first)) return std::nullopt;
  const auto indent = ctx.file.indent_before(ts_node_start_byte(first));
  if (!indent) return std::nullopt;
  const std::uint32_t at = ctx.file.line_start(ts_node_start_byte(first));
  return Fix{.applicability = Applicability::Unsafe,
             .title = cat("Declare `", keyword, " ", name, "`"),
             .edits = {{at, at, cat(*indent, keyword, " ", name, ctx.file.newline())}}};
}

// Called for every augmented assignment; the target kind and the enclosing frame are checked first.
void check(TSNode stmt, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode target = field(stmt, s.field.left);
  if (!is(target, s.identifier)) return;
  const Frame* frame = ctx.stack.enclosing_scope();
  if (frame == nullptr || frame->kind != FrameKind::Function) return;
  const std::string_view name = ctx.text(target);
  const std::uint32_t here = ctx.current_scope();
  bool first = true;  // the first augmented assignment of `name` in this function carries the fix
  for (const std::uint32_t id : ctx.scopes.scope(here).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.name != name) continue;
    if (b.kind != BindingKind::AugmentedAssignment) return;  // parameter, assignment, global, nonlocal ...
    if (b.offset < ts_node_start_byte(stmt)) first = false;
  }
  // The scope the enclosing lookup starts from: class bodies are not visible from their methods.
  std::uint32_t outer = ctx.scopes.scope(here).parent;
  while (outer != ScopeTable::kNone && ctx.scopes.scope(outer).kind == ScopeKind::Class) outer = ctx.scopes.scope(outer).parent;
  if (outer == ScopeTable::kNone) return;
  const std::uint32_t resolved = ctx.scopes.resolving_scope(outer, name);
  if (resolved == ScopeTable::kNone) return;
  const ScopeKind kind = ctx.scopes.scope(resolved).kind;
  if (kind != ScopeKind::Module && kind != ScopeKind::Function) return;
  if (binds_elsewhere(ctx, field(frame->node, s.field.body), name)) return;  // bound later in this function
  const std::string_view keyword = kind == ScopeKind::Module ? "global" : "nonlocal";
  const std::string_view func = ctx.text(field(frame->node, s.field.name));
  const std::string n = shorten(name);
  out.report(stmt, cat("`", n, " ", ctx.text(field(stmt, s.field.operator_)), "` makes `", n, "` local to `", shorten(func),
                       "`, so reading it raises UnboundLocalError; declare `", keyword, " ", n, "` first"),
             first ? declare(ctx, frame->node, keyword, name) : std::nullopt);
}

constexpr SymbolRef kKinds[] = {&Symbols::augmented_assignment};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
