// PF307 dataclass-mutable-default: a dataclass field defaulting to a list/dict/set, not a `default_factory`.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF307",
    .name = "dataclass-mutable-default",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Dataclass field with a mutable default",
    .rationale = R"(A field default in a dataclass is one object, evaluated once when the class body runs and
handed by reference to every instance that does not pass the argument: the mutable-default-argument
bug again, now shared across instances. `@dataclass` guards against the obvious cases by raising
ValueError at class definition for a list, dict or set default (and, from Python 3.11, for any
unhashable default); on older versions `deque()`, `Counter()` and friends are accepted and silently
shared. `field(default_factory=list)` asks the dataclass to call the factory for every new instance,
which is the per-object default that was meant.)",
    .bad = R"py(from dataclasses import dataclass


@dataclass
class User:
    name: str
    tags: list = []
)py",
    .good = R"py(from dataclasses import dataclass, field


@dataclass
class User:
    name: str
    tags: list = field(default_factory=list)
)py",
    .seed = "§11 \"dataclasses vs NamedTuple\" — \"tags: list[str] = field(default_factory=list)  # Mutable default done right\"",
};

// Message: "Dataclass field `{name}` has a mutable default (ValueError for list/dict/set, shared state otherwise); use `field(default_factory={factory})`"
// Report V when it is a mutable container.
void report_mutable(const Context& ctx, Reporter& out, TSNode name, TSNode value) {
  python::MutableContainer container;
  if (!python::mutable_container(ctx, value, &container)) return;
  out.report(python::unparenthesize(ctx, value),
             cat("Dataclass field `", shorten(ctx.text(name)),
                 "` has a mutable default (ValueError for list/dict/set, shared state otherwise); use "
                 "`field(default_factory=",
                 shorten(container.factory), ")`"));
}

void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  if (!is(parent_of(cls), s.decorated_definition) || !python::is_dataclass(ctx, cls)) return;
  for (TSNode stmt : named_children(field(cls, s.field.body))) {
    const TSNode a = python::as_assignment(ctx, stmt);
    const TSNode type = field(a, s.field.type);
    if (ts_node_is_null(type)) continue;  // unannotated: a class attribute, not a field
    const TSNode name = field(a, s.field.left);
    if (!is(name, s.identifier) || python::is_classvar_annotation(ctx, type)) continue;
    const TSNode value = python::unparenthesize(ctx, field(a, s.field.right));
    if (is(value, s.call)) {
      const std::string_view fn = python::callee(ctx, value);
      if (fn == "field" || fn == "dataclasses.field") {
        const TSNode kw = python::keyword_argument(ctx, value, "default");
        if (!ts_node_is_null(kw)) report_mutable(ctx, out, name, field(kw, s.field.value));
        continue;
      }
    }
    report_mutable(ctx, out, name, value);
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
