// PF402 decorator-without-wraps: a decorator's `*args, **kwargs` wrapper returned without `@functools.wraps`.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF402",
    .name = "decorator-without-wraps",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Decorator wrapper without `@functools.wraps`",
    .rationale = R"(A decorator replaces the decorated function with its wrapper. Unless the wrapper is decorated with
`@functools.wraps(func)`, the result carries the wrapper's identity instead of the original's: its
`__name__` is `'wrapper'`, its docstring is gone, `inspect.signature` shows `(*args, **kwargs)`, and there is
no `__wrapped__` to reach the original. Tracebacks, logs, `help()`, documentation tools, test runners and
frameworks that route by function name all see the wrong thing. The seed singles out forgetting
`functools.wraps` as the detail that separates junior from senior answers. One line fixes it:
`@functools.wraps(func)` copies the metadata over. Wrappers whose metadata is copied by hand
(`update_wrapper`, assigning `__name__`, or a helper called with the wrapper and the wrapped function) are
not reported.)",
    .bad = R"(def logged(func):
    def wrapper(*args, **kwargs):
        print(f"Calling {func.__name__}")
        return func(*args, **kwargs)
    return wrapper
)",
    .good = R"(import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"Calling {func.__name__}")
        return func(*args, **kwargs)
    return wrapper
)",
    .seed = "§4 \"Decorators\" — \"Forgetting @functools.wraps.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "Wrapper `{wrapper}` hides `{func}`'s name, docstring and signature; decorate it with `@functools.wraps({func})`"
// The names of W's `*args` and `**kwargs` parameters (empty when absent).
struct Splats {
  std::string_view args, kwargs;
};

Splats splat_parameters(const Context& ctx, TSNode def) {
  Splats out;
  for (TSNode p : named_children(field(def, ctx.sym.field.parameters))) {
    if (is(p, ctx.sym.list_splat_pattern)) out.args = ctx.text(ts_node_named_child(p, 0));
    if (is(p, ctx.sym.dictionary_splat_pattern)) out.kwargs = ctx.text(ts_node_named_child(p, 0));
  }
  return out;
}

// A call in `n` (nested scopes excluded) of a bare name that forwards `*args` / `**kwargs`; its callee or null.
TSNode forwarding_callee(const Context& ctx, TSNode n, const Splats& splats) {
  const Symbols& s = ctx.sym;
  if (python::is_scope_boundary(ctx, n)) return {};
  if (is(n, s.call)) {
    const TSNode fn = field(n, s.field.function);
    if (is(fn, s.identifier)) {
      for (TSNode arg : named_children(field(n, s.field.arguments))) {
        const bool star = is(arg, s.list_splat), dstar = is(arg, s.dictionary_splat);
        if (!star && !dstar) continue;
        const TSNode v = ts_node_named_child(arg, 0);
        if (!is(v, s.identifier)) continue;
        const std::string_view wanted = star ? splats.args : splats.kwargs;
        if (!wanted.empty() && ctx.text(v) == wanted) return fn;
      }
    }
  }
  for (TSNode c : named_children(n)) {
    if (const TSNode found = forwarding_callee(ctx, c, splats); !ts_node_is_null(found)) return found;
  }
  return {};
}

struct OuterFacts {
  bool returns_wrapper = false;
  bool wraps_by_hand = false;  // update_wrapper(W, ...), a call taking (W, F) or (F, W), W.__name__ = ...
};

// What D's own body (nested scopes excluded) does with W: returns it, or copies F's metadata onto it.
OuterFacts scan_outer(const Context& ctx, TSNode body, std::string_view wrapper, std::string_view func) {
  const Symbols& s = ctx.sym;
  OuterFacts facts;
  python::walk_scope_subtree(ctx, body, [&](TSNode n) {
    const TSSymbol k = ts_node_symbol(n);
    if (k == s.return_statement) {
      if (python::is_identifier_named(ctx, ts_node_named_child(n, 0), wrapper)) facts.returns_wrapper = true;
    } else if (k == s.call) {
      const TSNode first = python::positional_argument(ctx, n, 0);
      const TSNode second = python::positional_argument(ctx, n, 1);
      const std::string_view fn = python::callee(ctx, n);
      if ((fn == "update_wrapper" || fn == "functools.update_wrapper") && python::is_identifier_named(ctx, first, wrapper)) {
        facts.wraps_by_hand = true;
      }
      // A home-made update_wrapper taking the wrapper and the wrapped function, in either order
      // (importlib's `_wrap(new, old)`, which cannot import functools).
      if ((python::is_identifier_named(ctx, first, wrapper) && python::is_identifier_named(ctx, second, func)) ||
          (python::is_identifier_named(ctx, first, func) && python::is_identifier_named(ctx, second, wrapper))) {
        facts.wraps_by_hand = true;
      }
    } else if (k == s.assignment) {
      const TSNode left = field(n, s.field.left);
      if (is(left, s.attribute) && ctx.text(field(left, s.field.object)) == wrapper) {
        const std::string_view attr = ctx.text(field(left, s.field.attribute));
        if (attr == "__name__" || attr == "__doc__" || attr == "__wrapped__") facts.wraps_by_hand = true;
      }
    }
    return true;
  });
  return facts;
}

bool has_wraps_decorator(const Context& ctx, TSNode def) {
  const TSNode decorated = parent_of(def);
  if (!is(decorated, ctx.sym.decorated_definition)) return false;
  for (TSNode d : named_children(decorated)) {
    if (!is(d, ctx.sym.decorator)) continue;
    TSNode e = ts_node_named_child(d, 0);
    if (is(e, ctx.sym.call)) e = field(e, ctx.sym.field.function);
    if (is(e, ctx.sym.attribute)) e = field(e, ctx.sym.field.attribute);
    if (ctx.text(e) == "wraps") return true;
  }
  return false;
}

// Unsafe: only when the module already imports `functools` or `from functools import wraps`.
std::optional<Fix> add_wraps(const Context& ctx, TSNode def, std::string_view func) {
  const Symbols& s = ctx.sym;
  std::string_view decorator;
  TSNode root = def;
  while (!ts_node_is_null(parent_of(root))) root = parent_of(root);
  for (TSNode stmt : named_children(root)) {
    if (is(stmt, s.import_statement)) {
      for (TSNode item : named_children(stmt)) {
        if (is(item, s.dotted_name) && ctx.text(item) == "functools" && decorator.empty()) decorator = "functools.wraps";
      }
    } else if (is(stmt, s.import_from_statement) && ctx.text(field(stmt, s.field.module_name)) == "functools") {
      for (TSNode item : named_children(stmt)) {
        if (!same_node(item, field(stmt, s.field.module_name)) && is(item, s.dotted_name) && ctx.text(item) == "wraps") {
          decorator = "wraps";
        }
      }
    }
  }
  if (decorator.empty()) return std::nullopt;
  TSNode top = def;
  if (is(parent_of(def), s.decorated_definition)) top = parent_of(def);
  const auto indent = ctx.file.indent_before(ts_node_start_byte(top));
  if (!indent) return std::nullopt;
  const std::uint32_t at = ctx.file.line_start(ts_node_start_byte(top));
  return Fix{.applicability = Applicability::Unsafe,
             .title = cat("Decorate the wrapper with `@", decorator, "(", func, ")`"),
             .edits = {{at, at, cat(*indent, "@", decorator, "(", func, ")", ctx.file.newline())}}};
}

// Called for every `def` (the wrapper W); its parameter list is checked first.
void check(TSNode def, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const Splats splats = splat_parameters(ctx, def);
  if (splats.args.empty() && splats.kwargs.empty()) return;
  TSNode block = parent_of(def);
  if (is(block, s.decorated_definition)) block = parent_of(block);
  const TSNode outer = parent_of(block);
  if (!is(block, s.block) || !is(outer, s.function_definition)) return;
  if (has_wraps_decorator(ctx, def)) return;
  const TSNode callee = forwarding_callee(ctx, field(def, s.field.body), splats);
  if (ts_node_is_null(callee)) return;
  const std::string_view func = ctx.text(callee);
  // F must be a parameter of D or of a function enclosing D.
  bool is_parameter = false;
  for (TSNode up = outer; !ts_node_is_null(up) && !is_parameter; up = parent_of(up)) {
    if (is(up, s.function_definition)) is_parameter = python::has_parameter(ctx, up, func);
  }
  if (!is_parameter) return;
  const TSNode name = field(def, s.field.name);
  const std::string_view wrapper = ctx.text(name);
  const OuterFacts facts = scan_outer(ctx, field(outer, s.field.body), wrapper, func);
  if (!facts.returns_wrapper || facts.wraps_by_hand) return;
  out.report(name, cat("Wrapper `", shorten(wrapper), "` hides `", shorten(func),
                       "`'s name, docstring and signature; decorate it with `@functools.wraps(", shorten(func), ")`"),
             add_wraps(ctx, def, func));
}

constexpr SymbolRef kKinds[] = {&Symbols::function_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
