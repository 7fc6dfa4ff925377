// PF305 staticmethod-factory: a `@staticmethod` factory that returns `C(...)` breaks for subclasses.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF305",
    .name = "staticmethod-factory",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Static factory method hard-codes its class",
    .rationale = R"(An alternative constructor written as a `@staticmethod` that returns `Pizza(...)` always
builds a `Pizza`, even when it is called as `FancyPizza.margherita()`: the subclass silently gets
instances of the base class, and overriding behaviour or class attributes are lost. A `@classmethod`
receives the class it was called on as `cls`, so `return cls(...)` builds the right type along the whole
inheritance chain. That is what class methods are for; static methods suit helpers that need neither the
instance nor the class. Classes marked `@final` cannot be subclassed and are skipped.)",
    .bad = R"py(class Pizza:
    def __init__(self, toppings):
        self.toppings = toppings

    @staticmethod
    def margherita():
        return Pizza(["mozzarella", "tomato", "basil"])
)py",
    .good = R"py(class Pizza:
    def __init__(self, toppings):
        self.toppings = toppings

    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato", "basil"])
)py",
    .seed = "§3 \"Instance, class and static methods\" — \"If margherita had been a static method calling Pizza(...) directly, it would always return a Pizza, breaking the inheritance chain.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "Static factory `{method}` hard-codes `{class}(...)`, so subclasses get a plain `{class}`; make it a `@classmethod` and return `cls(...)`"
// The first `return C(...)` of the method body (nested def/lambda/class excluded), else null.
TSNode find_returned_call(const Context& ctx, TSNode body, std::string_view cls_name) {
  const Symbols& s = ctx.sym;
  TSNode found{};
  walk_subtree(body, [&](TSNode node) {
    const TSSymbol k = ts_node_symbol(node);
    if (k == s.return_statement) {
      const TSNode value = python::unparenthesize(ctx, ts_node_named_child(node, 0));
      const TSNode fn = field(value, s.field.function);
      if (is(value, s.call) && is(fn, s.identifier) && ctx.text(fn) == cls_name) found = value;
      return ts_node_is_null(found) ? Walk::Skip : Walk::Stop;
    }
    // Returns are statements: only statement-holding nodes need a look inside.
    return !python::is_scope_boundary(ctx, node) && k != s.expression_statement ? Walk::Descend : Walk::Skip;
  });
  return found;
}

// Whether the identifier `cls` occurs anywhere in the method (a parameter, a local, a closure): then
// inserting a `cls` parameter could change what the name means, and no fix is offered.
bool mentions_cls(const Context& ctx, TSNode fn) {
  return walk_subtree(fn, [&](TSNode node) {
    return is(node, ctx.sym.identifier) && ctx.text(node) == "cls" ? Walk::Stop : Walk::Descend;
  });
}

// Unsafe: subclasses calling the factory now get instances of themselves, which is the point but a
// change; a class-level call of the bare function inside the class body would also stop working.
std::optional<Fix> to_classmethod(const Context& ctx, TSNode decorator, TSNode fn, std::string_view cls_name) {
  const Symbols& s = ctx.sym;
  if (mentions_cls(ctx, fn)) return std::nullopt;
  const TSNode expr = ts_node_named_child(decorator, 0);
  if (!is(expr, s.identifier)) return std::nullopt;  // `@staticmethod` written bare
  const TSNode params = field(fn, s.field.parameters);
  const TSNode open = ts_node_child(params, 0);
  if (!is(open, s.lparen)) return std::nullopt;
  Fix fix{.applicability = Applicability::Unsafe,
          .title = "Make it a `@classmethod` that returns `cls(...)`",
          .edits = {}};
  fix.edits.push_back({ts_node_start_byte(expr), ts_node_end_byte(expr), "classmethod"});
  const bool empty = ts_node_named_child_count(params) == 0;
  fix.edits.push_back({ts_node_end_byte(open), ts_node_end_byte(open), empty ? "cls" : "cls, "});
  // Every `return C(...)` of the body becomes `return cls(...)`.
  walk_subtree(field(fn, s.field.body), [&](TSNode node) {
    if (is(node, s.return_statement)) {
      const TSNode value = python::unparenthesize(ctx, ts_node_named_child(node, 0));
      const TSNode callee = field(value, s.field.function);
      if (is(value, s.call) && is(callee, s.identifier) && ctx.text(callee) == cls_name) {
        fix.edits.push_back({ts_node_start_byte(callee), ts_node_end_byte(callee), "cls"});
      }
      return Walk::Skip;
    }
    return !python::is_scope_boundary(ctx, node) && !is(node, s.expression_statement) ? Walk::Descend : Walk::Skip;
  });
  return fix;
}

void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode cls_name_node = field(cls, s.field.name);
  for (TSNode stmt : named_children(field(cls, s.field.body))) {
    if (!is(stmt, s.decorated_definition)) continue;  // a static method is always decorated
    const TSNode fn = field(stmt, s.field.definition);
    if (!is(fn, s.function_definition)) continue;
    TSNode static_decorator{};
    for (TSNode d : named_children(stmt)) {
      if (is(d, s.decorator) && python::decorator_name(ctx, d) == "staticmethod") static_decorator = d;
    }
    if (ts_node_is_null(static_decorator)) continue;
    const std::string_view cls_name = ctx.text(cls_name_node);
    const TSNode call = find_returned_call(ctx, field(fn, s.field.body), cls_name);
    if (ts_node_is_null(call)) continue;
    if (python::has_decorator(ctx, cls, {"final", "typing.final", "typing_extensions.final"})) return;
    if (python::has_decorator(ctx, fn, {"classmethod"})) continue;  // both decorators: not a plain static method
    const TSNode method = field(fn, s.field.name);
    const std::string shown = shorten(cls_name);
    out.report(method,
               cat("Static factory `", shorten(ctx.text(method)), "` hard-codes `", shown,
                   "(...)`, so subclasses get a plain `", shown, "`; make it a `@classmethod` and return `cls(...)`"),
               to_classmethod(ctx, static_decorator, fn, cls_name));
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
