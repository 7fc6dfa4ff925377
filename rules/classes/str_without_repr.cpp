// PF302 str-without-repr: `__str__` without `__repr__` leaves debuggers and containers with `<C object at 0x…>`.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF302",
    .name = "str-without-repr",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`__str__` defined without `__repr__`",
    .rationale = R"(`__repr__` is the developer-facing text of an object: the REPL, debuggers, logging of
containers and tracebacks all show it, and `str()` falls back to it when `__str__` is missing. The
fallback only goes that way: a class that defines just `__str__` still prints as
`<Money object at 0x7f...>` inside a list, a dict or a debugger. If only one of the two is written, it
should be `__repr__`; when both are wanted, write both. Classes with a base class are skipped (the base
may provide a good `__repr__`), as are dataclasses and attrs classes, which generate one.)",
    .bad = R"py(class Money:
    def __init__(self, amount):
        self.amount = amount

    def __str__(self):
        return f"${self.amount:.2f}"
)py",
    .good = R"py(class Money:
    def __init__(self, amount):
        self.amount = amount

    def __repr__(self):
        return f"Money({self.amount!r})"

    def __str__(self):
        return f"${self.amount:.2f}"
)py",
    .seed = "§3 \"Dunder methods\" — \"If only one is defined, define __repr__. Python falls back to __repr__ when __str__ is missing, but NOT the reverse.\"",
};

// Message: "`{class}` defines `__str__` but not `__repr__`; define `__repr__` too: logs, debuggers and containers show it, and `str()` falls back to it, not the reverse"
void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const TSNode str = python::find_method(ctx, cls, "__str__");
  if (ts_node_is_null(str)) return;
  if (!python::has_no_bases(ctx, cls, /*allow_metaclass=*/true)) return;  // a base may supply `__repr__`
  if (python::class_binds(ctx, cls, "__repr__")) return;                   // defined or assigned
  if (python::is_dataclass(ctx, cls) || python::is_attrs_class(ctx, cls)) return;  // generated `__repr__`
  const Symbols& s = ctx.sym;
  out.report(field(str, s.field.name),
             cat("`", shorten(ctx.text(field(cls, s.field.name))),
                 "` defines `__str__` but not `__repr__`; define `__repr__` too: logs, debuggers and containers "
                 "show it, and `str()` falls back to it, not the reverse"));
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
