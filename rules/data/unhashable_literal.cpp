// PF211 unhashable-literal: a list, dict or set used as a set element or dict key.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF211",
    .name = "unhashable-literal",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Unhashable value used as a set element or dict key",
    .rationale = R"(Set elements and dict keys are stored by hash, and a hash must never change while the object
sits in the table. That is why only immutable values are hashable: lists, dicts, sets and bytearrays can
change their contents, so they have no hash and `{[1, 2]: "x"}` or `{{1, 2}, {3, 4}}` raise `TypeError:
unhashable type` as soon as the line runs. A tuple is hashable only if everything inside it is. Use a tuple
instead of a list and a `frozenset` instead of a set (a set of sets is a set of frozensets).)",
    .bad = R"(def combos():
    return {{1, 2}, {3, 4}}
)",
    .good = R"(def combos():
    return {frozenset({1, 2}), frozenset({3, 4})}
)",
    .seed =
        "§2 \"Sets and frozensets\" — \"Not knowing why you can't put a set inside a set.\"; §1 \"Mutable vs "
        "immutable\" — \"You can use (1, 2) as a dict key but not [1, 2].\"",
};

// The kind word ("list", "dict", "set", "bytearray") when `node` is certainly unhashable, else empty.
std::string_view unhashable_kind(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  node = python::unparenthesize(ctx, node);
  if (ts_node_is_null(node)) return {};
  const TSSymbol k = ts_node_symbol(node);
  if (k == s.list || k == s.list_comprehension) return "list";
  if (k == s.dictionary || k == s.dictionary_comprehension) return "dict";
  if (k == s.set || k == s.set_comprehension) return "set";
  if (k == s.call) {
    const TSNode fn = field(node, s.field.function);
    if (!is(fn, s.identifier)) return {};
    const std::string_view name = ctx.text(fn);
    if (name == "list" || name == "dict" || name == "set" || name == "bytearray") return name;
    return {};
  }
  if (k == s.tuple) {
    for (TSNode element : named_children(node)) {
      const std::string_view inner = unhashable_kind(ctx, element);  // starred items are skipped
      if (!inner.empty()) return inner;
    }
  }
  return {};
}

void consider(const Context& ctx, Reporter& out, TSNode element, std::string_view role) {
  const std::string_view kind = unhashable_kind(ctx, element);
  if (kind.empty()) return;
  out.report(element, cat("A ", kind, " is unhashable and can't be a ", role,
                          " (TypeError at runtime); use a tuple or frozenset"));
}

// Message: "A {kind} is unhashable and can't be a {role} (TypeError at runtime); use a tuple or frozenset"
void check(TSNode node, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(node);
  if (k == s.set) {
    for (TSNode element : named_children(node)) consider(ctx, out, element, "set element");
  } else if (k == s.set_comprehension) {
    consider(ctx, out, field(node, s.field.body), "set element");
  } else if (k == s.dictionary) {
    for (TSNode pair : named_children(node)) {
      if (is(pair, s.pair)) consider(ctx, out, field(pair, s.field.key), "dict key");
    }
  } else {
    const TSNode pair = field(node, s.field.body);
    if (is(pair, s.pair)) consider(ctx, out, field(pair, s.field.key), "dict key");
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::set, &Symbols::set_comprehension, &Symbols::dictionary,
                                &Symbols::dictionary_comprehension};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
