// PF710 cache-on-method: `@functools.lru_cache` / `@functools.cache` on a method: the cache keeps every `self` alive.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF710",
    .name = "cache-on-method",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`lru_cache` / `cache` on a method leaks instances",
    .rationale = R"(`functools.lru_cache` and `functools.cache` wrap the function once, at class creation,
so there is one cache for the whole class, and its keys include `self`. Every instance that ever
called the method is referenced from that cache and cannot be garbage-collected while the class exists:
with `cache` (unbounded) or a large `maxsize`, a long-running process grows without limit, which is the
"caches without eviction" memory leak reference counting cannot fix. Use `functools.cached_property`
(stored on, and freed with, the instance) or a per-instance cache; static and class methods capture no
instance and are not reported.)",
    .bad = R"(import functools


class Report:
    @functools.lru_cache(maxsize=128)
    def totals(self):
        return compute_totals(self)
)",
    .good = R"(import functools


class Report:
    @functools.cached_property
    def totals(self):
        return compute_totals(self)
)",
    .seed = "§11 \"Memory management and GC\" — \"Growing caches without eviction (use functools.lru_cache with maxsize)\"; red flag \"Thinking Python has no garbage collection issues.\"",
};

// Message: "`@{decorator}` on method `{method}` keeps every `self` alive in a cache shared by all instances (a memory leak); use `functools.cached_property` or a per-instance cache"
// Called for every decorated definition; looks at its decorators and where it sits.
void check(TSNode decorated, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode def = field(decorated, s.field.definition);
  if (!is(def, s.function_definition) || ts_node_is_null(python::class_of_method(ctx, def))) return;
  const std::string_view method = ctx.text(field(def, s.field.name));
  if (method == "__new__" || method == "__init_subclass__" || method == "__class_getitem__") {
    return;  // implicitly static / class methods: they receive the class, not an instance
  }
  TSNode cache{};
  for (TSNode decorator : named_children(decorated)) {
    if (!is(decorator, s.decorator)) continue;
    if (python::decorator_named(ctx, decorator, {"staticmethod", "classmethod"})) return;
    if (!ts_node_is_null(cache)) continue;
    const TSNode callee = python::decorator_callee(ctx, decorator);
    if (!python::decorator_named(ctx, decorator, {"lru_cache", "cache"})) {  // `from functools import lru_cache as memo`
      const Binding* b = is(callee, s.identifier) ? ctx.scopes.lookup(ctx.current_scope(), ctx.text(callee)) : nullptr;
      if (b == nullptr || b->kind != BindingKind::ImportFrom || (b->member != "lru_cache" && b->member != "cache")) continue;
    }
    if (python::refers_to(ctx, callee, "functools.lru_cache") || python::refers_to(ctx, callee, "functools.cache")) {
      cache = decorator;
    }
  }
  if (ts_node_is_null(cache)) return;
  out.report(cache, cat("`@", shorten(ctx.text(ts_node_named_child(cache, 0))), "` on method `",
                        shorten(method),
                        "` keeps every `self` alive in a cache shared by all instances (a memory leak); use "
                        "`functools.cached_property` or a per-instance cache"));
}

constexpr SymbolRef kKinds[] = {&Symbols::decorated_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
