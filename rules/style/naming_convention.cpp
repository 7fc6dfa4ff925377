// PF903 naming-convention: class names that are not CapWords, function names that are not snake_case.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr std::string_view kDefaultIgnoreNames[] = {"setUp",       "tearDown",       "setUpClass", "tearDownClass",
                                                    "setUpModule", "tearDownModule", "asyncSetUp", "asyncTearDown",
                                                    "setUpTestData"};
constexpr OptionInfo kOptions[] = {
    {.name = "ignore-names",
     .type = OptionType::StringList,
     .description = "Class, function and method names never reported; a configured list replaces the default one",
     .default_strings = kDefaultIgnoreNames},
};
const OptionInfo& kIgnoreNames = kOptions[0];

constexpr RuleInfo kInfo{
    .code = "PF903",
    .name = "naming-convention",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Class or function name does not follow PEP 8 naming",
    .rationale = R"(PEP 8's naming rules are a shared vocabulary: `HttpClient` is a class, `get_user` is a
function or method, `MAX_RETRIES` is a constant. When every module follows them, a reader knows what a
name is at a glance (calling `Foo()` builds an object, calling `foo()` runs code) without looking it up,
and code from different authors reads as one codebase. camelCase functions and lower-case classes break
that signal. Dunder methods, names fixed by a framework (`setUp`, `visit_Name`, `@override` methods) and
acronyms in class names (`HTTPServer`) are not reported.)",
    .bad = R"(class http_client:
    def getUser(self, user_id):
        return user_id
)",
    .good = R"(class HttpClient:
    def get_user(self, user_id):
        return user_id
)",
    .seed = "§1 \"Naming conventions\" — \"Classes: PascalCase (e.g., HttpClient, UserRepository).\"; \"Variables/Functions: snake_case\"",
    .options = kOptions,
};

// Message: "{kind} name `{name}` should be {style} (PEP 8)"

bool is_cap_words(std::string_view name) {  // ^_*[A-Z][A-Za-z0-9]*$
  std::size_t i = 0;
  while (i < name.size() && name[i] == '_') ++i;
  if (i == name.size() || name[i] < 'A' || name[i] > 'Z') return false;
  for (++i; i < name.size(); ++i) {
    const char c = name[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool has_upper(std::string_view name) {
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

bool exempt_function(const Context& ctx, TSNode def, std::string_view name) {
  if (name.size() > 4 && name.starts_with("__") && name.ends_with("__")) return true;
  if (name.starts_with("visit_") || name.starts_with("depart_")) return true;
  if (ctx.options.contains(kIgnoreNames, name)) return true;
  for (TSNode decorator : named_children(python::decorated_parent(ctx, def))) {
    if (is(decorator, ctx.sym.decorator) && python::decorator_named(ctx, decorator, {"override"})) return true;
  }
  return false;
}

// Called for every class and function definition; looks at its name (and decorators).
void check(TSNode def, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode name_node = field(def, s.field.name);
  const std::string_view name = ctx.text(name_node);
  if (name.empty()) return;
  if (is(def, s.class_definition)) {
    for (char c : name) {
      if (static_cast<unsigned char>(c) >= 0x80) return;  // non-ASCII letters: the catalog's pattern does not say
    }
    if (is_cap_words(name) || (name.size() > 4 && name.starts_with("__") && name.ends_with("__"))) return;
    if (ctx.options.contains(kIgnoreNames, name)) return;
    out.report(name_node, cat("Class name `", shorten(name), "` should be CapWords (PEP 8)"));
    return;
  }
  if (!has_upper(name) || exempt_function(ctx, def, name)) return;
  out.report(name_node, cat("Function name `", shorten(name), "` should be snake_case (PEP 8)"));
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition, &Symbols::function_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
