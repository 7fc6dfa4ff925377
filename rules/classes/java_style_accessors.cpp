// PF303 java-style-accessors: `get_x(self)` / `set_x(self, value)` pairs where Python uses a property.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF303",
    .name = "java-style-accessors",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Java-style getter/setter pair instead of a property",
    .rationale = R"(Java needs `getName()`/`setName()` because changing a public field into a method later
would break every caller. Python has no such problem: start with a plain attribute, and when validation
or computation is needed, turn it into a `@property` (with a `.setter`) without changing a single call
site. A `get_x()`/`set_x()` pair therefore adds call syntax and noise for no benefit, and `obj.x += 1`
becomes `obj.set_x(obj.get_x() + 1)`. Only undecorated pairs in classes without bases are reported: a
base class may define the accessors as its interface.)",
    .bad = R"py(class User:
    def __init__(self, name):
        self._name = name

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = value
)py",
    .good = R"py(class User:
    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = value
)py",
    .seed = "§3 \"Properties\" — \"Using Java-style get_name() / set_name() methods instead of properties.\"",
};

// Message: "Java-style `{getter}()`/`{setter}()` pair; expose `{attr}` as a `@property` with a setter"
// `get_X` → X, `getX` → X (camelCase: the letter after `get` is uppercase); empty when not a getter name.
std::string_view accessor_suffix(std::string_view name, std::string_view verb, bool& camel) {
  if (!name.starts_with(verb) || name.size() <= verb.size()) return {};
  const char next = name[verb.size()];
  if (next == '_') {
    camel = false;
    return name.substr(verb.size() + 1);
  }
  if (next >= 'A' && next <= 'Z') {
    camel = true;
    return name.substr(verb.size());
  }
  return {};
}

// Plain parameters only (identifier or annotated identifier), exactly `count` of them.
bool plain_parameters(const Context& ctx, TSNode fn, unsigned count) {
  const Symbols& s = ctx.sym;
  unsigned n = 0;
  for (TSNode p : named_children(field(fn, s.field.parameters))) {
    const TSSymbol k = ts_node_symbol(p);
    if (k == s.comment) continue;
    if (k != s.identifier && k != s.typed_parameter) return false;
    if (k == s.typed_parameter && !is(ts_node_named_child(p, 0), s.identifier)) return false;  // `*a: T`
    ++n;
  }
  return n == count;
}

// `FullName` → `full_name`, `URLPath` → `url_path`.
std::string snake_case(std::string_view camel) {
  std::string out;
  for (std::size_t i = 0; i < camel.size(); ++i) {
    const char c = camel[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0) {
      const char prev = camel[i - 1];
      const bool prev_lower = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
      const bool next_lower = i + 1 < camel.size() && camel[i + 1] >= 'a' && camel[i + 1] <= 'z';
      const bool prev_upper = prev >= 'A' && prev <= 'Z';
      if (prev_lower || (prev_upper && next_lower)) out.push_back('_');
    }
    out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode body = field(cls, s.field.body);
  bool checked_bases = false;
  for (TSNode getter : named_children(body)) {
    if (!is(getter, s.function_definition)) continue;  // undecorated defs only
    const TSNode getter_name = field(getter, s.field.name);
    const std::string_view gname = ctx.text(getter_name);
    bool camel = false;
    const std::string_view attr = accessor_suffix(gname, "get", camel);
    if (attr.empty() || !plain_parameters(ctx, getter, 1)) continue;
    for (TSNode setter : named_children(body)) {
      if (!is(setter, s.function_definition)) continue;
      const std::string_view sname = ctx.text(field(setter, s.field.name));
      bool setter_camel = false;
      if (accessor_suffix(sname, "set", setter_camel) != attr || setter_camel != camel) continue;
      if (!plain_parameters(ctx, setter, 2)) continue;
      if (!checked_bases) {
        if (!python::has_no_bases(ctx, cls, /*allow_metaclass=*/false)) return;
        checked_bases = true;
      }
      const std::string property = camel ? snake_case(attr) : std::string(attr);
      out.report(getter_name, cat("Java-style `", shorten(gname), "()`/`", shorten(sname), "()` pair; expose `",
                                  shorten(property), "` as a `@property` with a setter"));
      break;
    }
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
