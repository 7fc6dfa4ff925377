// PF309 invented-dunder-name: a method named `__like_this__` that is no special method Python knows.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr OptionInfo kOptions[] = {
    {.name = "allowed-names",
     .type = OptionType::StringList,
     .description = "More dunder method names to accept, besides the special names Python and common libraries define"},
};
const OptionInfo& kAllowedNames = kOptions[0];

constexpr RuleInfo kInfo{
    .code = "PF309",
    .name = "invented-dunder-name",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Invented dunder method name",
    .rationale = R"(Names with two leading and two trailing underscores belong to the language: Python calls
them implicitly (`len()` calls `__len__`, `with` calls `__enter__`), and new ones are added in new
versions. A method given an invented dunder name looks like a hook the interpreter will call, but
nothing ever does, so readers are misled; it can also collide with a hook that a future Python
introduces. Old Python 2 hooks (`__nonzero__`, `__unicode__`, `__cmp__`, `__div__`) fall in the same
trap: Python 3 silently ignores them. Use a regular name (`run`, `_setup`) instead; a single leading
underscore marks it as internal.)",
    .bad = R"py(class Job:
    def __run__(self):
        return "done"
)py",
    .good = R"py(class Job:
    def run(self):
        return "done"
)py",
    .seed = "§1 \"Naming conventions\" — \"Never invent your own dunder names.\"",
    .options = kOptions,
};

// Message: "`{name}` looks like a special method, but Python defines no such hook; dunder names are reserved for the language, so use a regular name"
constexpr std::string_view kKnown[] = {
    // object model
    "__new__", "__init__", "__del__", "__repr__", "__str__", "__bytes__", "__format__", "__lt__", "__le__",
    "__eq__", "__ne__", "__gt__", "__ge__", "__hash__", "__bool__", "__getattr__", "__getattribute__",
    "__setattr__", "__delattr__", "__dir__", "__get__", "__set__", "__delete__", "__set_name__",
    "__init_subclass__", "__class_getitem__", "__mro_entries__", "__instancecheck__", "__subclasscheck__",
    "__subclasshook__", "__prepare__", "__call__", "__len__", "__length_hint__", "__getitem__", "__setitem__",
    "__delitem__", "__missing__", "__iter__", "__reversed__", "__contains__", "__next__", "__class__",
    "__signature__",
    // numbers
    "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__", "__divmod__",
    "__pow__", "__lshift__", "__rshift__", "__and__", "__xor__", "__or__", "__radd__", "__rsub__", "__rmul__",
    "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rdivmod__", "__rpow__", "__rlshift__",
    "__rrshift__", "__rand__", "__rxor__", "__ror__", "__iadd__", "__isub__", "__imul__", "__imatmul__",
    "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__",
    "__ixor__", "__ior__", "__neg__", "__pos__", "__abs__", "__invert__", "__complex__", "__int__", "__float__",
    "__index__", "__round__", "__trunc__", "__floor__", "__ceil__",
    // protocols and the standard library
    "__enter__", "__exit__", "__aenter__", "__aexit__", "__await__", "__aiter__", "__anext__", "__buffer__",
    "__release_buffer__", "__copy__", "__deepcopy__", "__replace__", "__reduce__", "__reduce_ex__",
    "__getnewargs__", "__getnewargs_ex__", "__getstate__", "__setstate__", "__sizeof__", "__fspath__",
    "__post_init__",
    // widely used library protocols
    "__array__", "__array_ufunc__", "__array_function__", "__array_finalize__", "__array_wrap__",
    "__array_interface__", "__array_namespace__", "__dlpack__", "__dlpack_device__", "__arrow_array__",
    "__dataframe__", "__torch_function__", "__rich__", "__rich_repr__", "__rich_console__", "__rich_measure__",
    "__html__", "__attrs_post_init__", "__attrs_pre_init__", "__get_pydantic_core_schema__",
    "__get_pydantic_json_schema__", "__get_validators__", "__modify_schema__", "__clause_element__",
    "__composite_values__",
};

bool is_known(std::string_view name) {
  for (std::string_view k : kKnown) {
    if (k == name) return true;
  }
  return false;
}

void check(TSNode def, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode name = field(def, s.field.name);
  const std::string_view text = ctx.text(name);
  if (text.size() <= 4 || !text.starts_with("__") || !text.ends_with("__")) return;  // `__helper`, `_x_`
  if (ctx.file.is_stub()) return;
  // Directly in a class body: def → (decorated_definition) → block → class_definition.
  TSNode parent = parent_of(def);
  if (is(parent, s.decorated_definition)) parent = parent_of(parent);
  if (!is(parent, s.block) || !is(parent_of(parent), s.class_definition)) return;
  if (is_known(text) || ctx.options.contains(kAllowedNames, text)) return;
  out.report(name, cat("`", shorten(text),
                       "` looks like a special method, but Python defines no such hook; dunder names are reserved "
                       "for the language, so use a regular name"));
}

constexpr SymbolRef kKinds[] = {&Symbols::function_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
