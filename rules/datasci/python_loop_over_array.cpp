// PF803 python-loop-over-array: element-by-element arithmetic in a Python `for` loop over a NumPy array.
#include "linter/python.h"
#include "linter/python_style.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF803",
    .name = "python-loop-over-array",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Python loop doing element arithmetic on a NumPy array",
    .rationale = R"(A NumPy array is fast because its elements sit in one contiguous block of a single dtype
and whole-array operations (`a * 2`, `a + b`, `np.where`, `.sum()`) run as one call into compiled code.
A Python `for` loop over the array undoes all of that: each element is boxed into a Python scalar, each
`+` or `*` is dispatched by the interpreter, and the loop runs one to two orders of magnitude slower
than the vectorized expression, defeating the purpose of using NumPy at all. Loops over arrays whose
origin is unknown, and loops that do no arithmetic on the elements, are not reported.)",
    .bad = R"(import numpy as np


def doubled(n):
    values = np.arange(n)
    for i in range(len(values)):
        values[i] = values[i] * 2
    return values
)",
    .good = R"(import numpy as np


def doubled(n):
    return np.arange(n) * 2
)",
    .seed = "§10 \"NumPy\" — \"Using Python loops over NumPy arrays (defeats the purpose).\"",
};

// Message: "Python-level loop over NumPy array `{name}`; express it as a vectorized operation (`{name} * 2`, `np.where(...)`, `.sum()`)"
// N of `for _ in N`, `range(len(N))`, `range(N.size)`, `range(N.shape[k])` with N an identifier, else null.
TSNode looped_array(const Context& ctx, TSNode iterable) {
  const Symbols& s = ctx.sym;
  iterable = python::unparenthesize(ctx, iterable);
  if (is(iterable, s.identifier)) return iterable;
  if (!python::is_call_to(ctx, iterable, "range") || python::has_keywords_or_splats(ctx, iterable) ||
      python::positional_count(ctx, iterable) != 1) {
    return {};
  }
  const TSNode bound = python::unparenthesize(ctx, python::positional_argument(ctx, iterable, 0));
  TSNode name{};
  if (is(bound, s.call)) {
    if (!python::is_call_to(ctx, bound, "len") || python::has_keywords_or_splats(ctx, bound) ||
        python::positional_count(ctx, bound) != 1 || !python::is_builtin_name(ctx, field(bound, s.field.function), "len")) {
      return {};
    }
    name = python::unparenthesize(ctx, python::positional_argument(ctx, bound, 0));
  } else if (is(bound, s.attribute) && ctx.text(field(bound, s.field.attribute)) == "size") {
    name = field(bound, s.field.object);
  } else if (is(bound, s.subscript)) {
    const TSNode shape = field(bound, s.field.value);
    if (!is(shape, s.attribute) || ctx.text(field(shape, s.field.attribute)) != "shape") return {};
    name = field(shape, s.field.object);
  }
  if (!is(name, s.identifier) || !python::is_builtin_name(ctx, field(iterable, s.field.function), "range")) return {};
  return name;
}

// Every binding of `name` visible here (in the scope it resolves to, before `before`) is `name = <NumPy
// array constructor>(...)`, and there is at least one.
bool bound_to_arrays(const Context& ctx, std::string_view name, std::uint32_t before) {
  const std::uint32_t scope = ctx.scopes.resolving_scope(ctx.current_scope(), name);
  if (scope == ScopeTable::kNone) return false;
  bool any = false;
  for (std::uint32_t id : ctx.scopes.scope(scope).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.name != name || b.offset >= before) continue;
    if (b.kind == BindingKind::Global || b.kind == BindingKind::Nonlocal) continue;  // declarations
    if (b.kind != BindingKind::Assignment || !python::is_numpy_array_constructor(ctx, b.value)) return false;
    any = true;
  }
  return any;
}

struct Element {
  std::string_view array, variable;  // N, and the loop variable (empty when the target is a tuple)
};

// The loop variable, or a subscript of N.
bool is_element(const Context& ctx, TSNode node, const Element& e) {
  const Symbols& s = ctx.sym;
  node = python::unparenthesize(ctx, node);
  if (is(node, s.identifier)) return !e.variable.empty() && ctx.text(node) == e.variable;
  if (is(node, s.subscript)) {
    const TSNode value = field(node, s.field.value);
    return is(value, s.identifier) && ctx.text(value) == e.array;
  }
  return false;
}

// `node`'s subtree (lambdas excluded) applies an arithmetic operator to an element.
bool element_arithmetic(const Context& ctx, TSNode node, const Element& e) {
  const Symbols& s = ctx.sym;
  if (is(node, s.lambda)) return false;
  if (is(node, s.binary_operator) && python::is_arithmetic_operator(ctx, field(node, s.field.operator_)) &&
      (is_element(ctx, field(node, s.field.left), e) || is_element(ctx, field(node, s.field.right), e))) {
    return true;
  }
  for (TSNode child : named_children(node)) {
    if (element_arithmetic(ctx, child, e)) return true;
  }
  return false;
}

// One bounded pass over the loop body (nested def/lambda/class excluded): an assignment doing element
// arithmetic, and no rebinding of N.
bool body_does_arithmetic(const Context& ctx, TSNode body, const Element& e) {
  const Symbols& s = ctx.sym;
  bool arithmetic = false, rebinds = false;
  python::walk_scope_subtree(ctx, body, [&](TSNode node) {
    const TSSymbol k = ts_node_symbol(node);
    if (k == s.assignment || k == s.augmented_assignment) {
      const TSNode left = field(node, s.field.left), right = field(node, s.field.right);
      if (is(left, s.identifier) && ctx.text(left) == e.array) rebinds = true;
      if (k == s.augmented_assignment && python::is_arithmetic_operator(ctx, field(node, s.field.operator_)) &&
          (is_element(ctx, left, e) || is_element(ctx, right, e))) {
        arithmetic = true;  // `a[i] -= 1` is `a[i] = a[i] - 1`; `total += x` is `total = total + x`
      }
      if (!arithmetic && !ts_node_is_null(right) && element_arithmetic(ctx, right, e)) arithmetic = true;
    }
    return rebinds ? Walk::Stop : Walk::Descend;
  });
  return arithmetic && !rebinds;
}

// Called for every `for` statement.
void check(TSNode loop, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  if (is(ts_node_child(loop, 0), s.kw_async)) return;
  const TSNode array = looped_array(ctx, field(loop, s.field.right));
  if (ts_node_is_null(array)) return;
  const std::string_view name = ctx.text(array);
  if (!bound_to_arrays(ctx, name, ts_node_start_byte(loop))) return;
  const TSNode target = field(loop, s.field.left);
  const Element e{.array = name, .variable = is(target, s.identifier) ? ctx.text(target) : std::string_view{}};
  if (!body_does_arithmetic(ctx, field(loop, s.field.body), e)) return;
  const std::string n = shorten(name);
  out.report(loop, cat("Python-level loop over NumPy array `", n, "`; express it as a vectorized operation (`", n,
                       " * 2`, `np.where(...)`, `.sum()`)"));
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
