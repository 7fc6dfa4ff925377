// PF304 manual-dataclass: hand-written `__init__`/`__repr__`/`__eq__` for plain fields: what `@dataclass` generates.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF304",
    .name = "manual-dataclass",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Hand-written `__init__`, `__repr__` and `__eq__` for plain fields",
    .rationale = R"(A class whose `__init__` only copies its arguments onto `self`, and which also writes
`__repr__` and `__eq__` by hand, is the boilerplate `@dataclasses.dataclass` exists to generate. The
hand-written version lists every field three or four times, so adding a field means editing several
methods, and forgetting one (a field missing from `__eq__` or `__repr__`) is a quiet bug. Declaring the
fields once with annotations gives the same three methods, plus `frozen=True`, `order=True` and
`slots=True` when wanted. Classes whose `__init__` validates, converts or computes anything are left
alone: they are not plain data.)",
    .bad = R"py(class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
)py",
    .good = R"py(from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float
)py",
    .seed = "§11 \"dataclasses vs NamedTuple\" — \"Manually writing __init__, __repr__, __eq__ for simple data classes.\"",
};

// Message: "`{class}` hand-writes `__init__`, `__repr__` and `__eq__` for plain fields; use `@dataclasses.dataclass`"
// `__init__(self, a, b=1, c: int = 2)` whose body (after a docstring) is exactly `self.a = a` … once per
// parameter, in any order. Returns false for anything else.
bool init_only_stores_parameters(const Context& ctx, TSNode init) {
  const Symbols& s = ctx.sym;
  if (!is(init, s.function_definition)) return false;
  std::string_view self;
  std::string_view params[32];
  unsigned count = 0;
  for (TSNode p : named_children(field(init, s.field.parameters))) {
    const TSSymbol k = ts_node_symbol(p);
    if (k == s.comment) continue;
    TSNode name{};
    if (k == s.identifier) {
      name = p;
    } else if (k == s.typed_parameter) {
      name = ts_node_named_child(p, 0);
    } else if (k == s.default_parameter || k == s.typed_default_parameter) {
      name = field(p, s.field.name);
    }
    if (!is(name, s.identifier)) return false;  // `*args`, `**kwargs`, `*`, `/`
    if (self.empty()) {
      if (k != s.identifier && k != s.typed_parameter) return false;
      self = ctx.text(name);
      continue;
    }
    if (count == std::size(params)) return false;
    params[count++] = ctx.text(name);
  }
  if (self.empty() || count == 0) return false;

  bool stored[32] = {};
  unsigned statements = 0;
  const TSNode body = field(init, s.field.body);
  const TSNode first = python::first_statement_after_docstring(ctx, body);
  bool started = false;
  for (TSNode stmt : named_children(body)) {
    if (!started) {
      if (!same_node(stmt, first)) continue;
      started = true;
    }
    if (is(stmt, s.comment)) continue;
    const TSNode a = python::as_assignment(ctx, stmt);
    if (ts_node_is_null(a)) return false;
    const TSNode left = field(a, s.field.left), right = field(a, s.field.right);
    if (!is(left, s.attribute) || !is(right, s.identifier)) return false;
    const TSNode object = field(left, s.field.object);
    if (!is(object, s.identifier) || ctx.text(object) != self) return false;
    const std::string_view attr = ctx.text(field(left, s.field.attribute));
    if (attr != ctx.text(right)) return false;  // `self._x = x` stores under another name
    unsigned i = 0;
    while (i < count && params[i] != attr) ++i;
    if (i == count || stored[i]) return false;  // not a parameter, or stored twice
    stored[i] = true;
    ++statements;
  }
  return statements == count;
}

void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const TSNode init = python::find_method(ctx, cls, "__init__");
  if (ts_node_is_null(init) || ts_node_is_null(python::find_method(ctx, cls, "__repr__")) ||
      ts_node_is_null(python::find_method(ctx, cls, "__eq__"))) {
    return;
  }
  if (!ts_node_is_null(python::decorated_parent(ctx, cls))) return;  // decorated classes
  if (!python::has_no_bases(ctx, cls, /*allow_metaclass=*/false)) return;
  if (!ts_node_is_null(python::decorated_parent(ctx, init))) return;  // a decorated `__init__` is not plain
  if (python::class_binds(ctx, cls, "__slots__")) return;
  if (!init_only_stores_parameters(ctx, init)) return;
  const TSNode name = field(cls, ctx.sym.field.name);
  out.report(name, cat("`", shorten(ctx.text(name)),
                       "` hand-writes `__init__`, `__repr__` and `__eq__` for plain fields; use "
                       "`@dataclasses.dataclass`"));
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
