// PF301 eq-without-hash: a class that defines `__eq__` without `__hash__` is silently unhashable.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF301",
    .name = "eq-without-hash",
    .severity = Severity::Warning,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "`__eq__` defined without `__hash__`",
    .rationale = R"(Equal objects must hash equally, so when a class body defines `__eq__` Python sets its
`__hash__` to `None` (even one inherited from a base class). Instances of such a class then raise
`TypeError: unhashable type` as soon as they are put in a set or used as a dict key, which tends to
surface far from the class itself. If instances are meant to be value objects, define `__hash__` from
the same fields `__eq__` compares; if they are mutable and should not be hashed, write `__hash__ = None`
so the intent is visible. Dataclasses and attrs classes manage `__hash__` themselves and are skipped.
Off by default: mutable classes that compare by value are correctly unhashable.)",
    .bad = R"(class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
)",
    .good = R"(class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))
)",
    .seed = "§3 \"Dunder methods\" — \"Defining __eq__ without __hash__ and then wondering why your objects can't be dict keys.\"",
};

// Message: "`{class}` defines `__eq__` but not `__hash__`, so its instances are unhashable (no set members or dict keys); define `__hash__` from the same fields, or set `__hash__ = None` to say so explicitly"
void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const TSNode eq = python::find_method(ctx, cls, "__eq__");
  if (ts_node_is_null(eq)) return;
  if (python::class_binds(ctx, cls, "__hash__")) return;  // defined, `= None`, `= Base.__hash__`
  if (python::is_dataclass(ctx, cls) || python::is_attrs_class(ctx, cls)) return;  // they manage __hash__
  if (python::has_base(ctx, cls, {"Protocol", "typing.Protocol", "typing_extensions.Protocol"})) return;
  const Symbols& s = ctx.sym;
  out.report(field(eq, s.field.name),
             cat("`", shorten(ctx.text(field(cls, s.field.name))),
                 "` defines `__eq__` but not `__hash__`, so its instances are unhashable (no set members or dict "
                 "keys); define `__hash__` from the same fields, or set `__hash__ = None` to say so explicitly"));
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
