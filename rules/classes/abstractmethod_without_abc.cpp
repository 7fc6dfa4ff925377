// PF308 abstractmethod-without-abc: `@abstractmethod` in a class without `ABCMeta` is ignored.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF308",
    .name = "abstractmethod-without-abc",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`@abstractmethod` in a class that does not use `ABCMeta`",
    .rationale = R"(`@abstractmethod` only marks a function; the check that refuses to instantiate a class with
unimplemented abstract methods lives in the `ABCMeta` metaclass. In a plain class the decorator does
nothing: the class can be instantiated, subclasses that forget the method are accepted, and the error
appears later as an AttributeError or a silent `None` from the placeholder body. Inheriting from
`abc.ABC` (or setting `metaclass=ABCMeta`) is what turns the declaration into an enforced interface:
`PaymentProcessor()` then fails immediately, naming the missing methods.)",
    .bad = R"py(from abc import abstractmethod


class PaymentProcessor:
    @abstractmethod
    def process_payment(self, amount):
        ...
)py",
    .good = R"py(from abc import ABC, abstractmethod


class PaymentProcessor(ABC):
    @abstractmethod
    def process_payment(self, amount):
        ...
)py",
    .seed = "§3 \"Four pillars of OOP\" — \"Not knowing about abc.ABC.\"; \"Python uses abc.ABC and @abstractmethod for abstract base classes.\"",
};

// Message: "`@abstractmethod` has no effect: `{class}` does not use `ABCMeta`, so it can be instantiated without `{method}`; inherit from `abc.ABC`"
void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  bool checked_bases = false;
  for (TSNode stmt : named_children(field(cls, s.field.body))) {
    if (!is(stmt, s.decorated_definition) || !is(field(stmt, s.field.definition), s.function_definition)) continue;
    for (TSNode d : named_children(stmt)) {
      const std::string_view name = python::decorator_name(ctx, d);
      std::string_view bare = name.starts_with("abc.") ? name.substr(4) : name;
      if (bare != "abstractmethod" && bare != "abstractproperty" && bare != "abstractclassmethod" &&
          bare != "abstractstaticmethod") {
        continue;
      }
      if (!checked_bases) {
        if (!python::has_no_bases(ctx, cls, /*allow_metaclass=*/false)) return;  // ABC, Protocol, any base
        checked_bases = true;
      }
      const TSNode method = field(field(stmt, s.field.definition), s.field.name);
      out.report(d, cat("`@abstractmethod` has no effect: `", shorten(ctx.text(field(cls, s.field.name))),
                        "` does not use `ABCMeta`, so it can be instantiated without `", shorten(ctx.text(method)),
                        "`; inherit from `abc.ABC`"));
    }
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
