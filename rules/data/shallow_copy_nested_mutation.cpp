// PF208 shallow-copy-nested-mutation: a nested value of a shallow copy is mutated, changing the original too.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF208",
    .name = "shallow-copy-nested-mutation",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Nested value of a shallow copy is mutated",
    .rationale =
        R"(`d.copy()`, `copy.copy(d)`, `d[:]`, `list(d)`, `dict(d)`, `{**d}` and `[*d]` all make a shallow copy:
a new outer container whose slots still point at the very same inner lists and dicts. Replacing a
top-level entry of the copy is isolated, but writing *into* a nested value (`cfg["headers"]["x"] = v`,
`cfg["items"].append(v)`) changes the object the original still holds, so the "copy" leaks the change
back into the source: the classic shared-default-config bug. Use `copy.deepcopy()` when nested values
will be modified, or copy the nested value itself before changing it.)",
    .bad = R"(DEFAULT_CONFIG = {"retries": 3, "headers": {"auth": "token123"}}


def handler_config(custom):
    config = DEFAULT_CONFIG.copy()
    config["headers"]["custom"] = custom
    return config
)",
    .good = R"(import copy

DEFAULT_CONFIG = {"retries": 3, "headers": {"auth": "token123"}}


def handler_config(custom):
    config = copy.deepcopy(DEFAULT_CONFIG)
    config["headers"]["custom"] = custom
    return config
)",
    .seed = "§2 \"Shallow vs deep copy\" — \"Thinking .copy() creates a deep copy.\"",
};

// SRC when `value` is a shallow copy of a name chain SRC: SRC.copy(), copy.copy(SRC), SRC[:], list(SRC),
// dict(SRC), {**SRC} or [*SRC]; else null.
TSNode shallow_copy_source(const Context& ctx, TSNode value) {
  const Symbols& s = ctx.sym;
  value = python::unparenthesize(ctx, value);
  if (ts_node_is_null(value)) return {};
  const TSSymbol k = ts_node_symbol(value);
  TSNode src{};
  if (k == s.call) {
    const TSNode fn = field(value, s.field.function);
    const TSNode args = field(value, s.field.arguments);
    if (!is(args, s.argument_list)) return {};
    if (is(fn, s.attribute) && ctx.text(field(fn, s.field.attribute)) == "copy" &&
        ts_node_named_child_count(args) == 0) {
      src = field(fn, s.field.object);  // SRC.copy()
    } else if (ts_node_named_child_count(args) == 1 && !python::has_keywords_or_splats(ctx, value)) {
      if (is(fn, s.identifier)) {
        const std::string_view name = ctx.text(fn);
        if ((name == "list" || name == "dict") && ctx.scopes.is_builtin(ctx.current_scope(), name)) {
          src = ts_node_named_child(args, 0);
        } else if (python::refers_to(ctx, fn, "copy.copy")) {
          src = ts_node_named_child(args, 0);  // from copy import copy [as shallow]
        }
      } else if (is(fn, s.attribute) && python::refers_to(ctx, fn, "copy.copy")) {
        src = ts_node_named_child(args, 0);
      }
    }
  } else if (k == s.subscript) {
    if (ts_node_named_child_count(value) != 2) return {};
    const TSNode sub = field(value, s.field.subscript);
    if (is(sub, s.slice) && ts_node_named_child_count(sub) == 0) src = field(value, s.field.value);  // SRC[:]
  } else if (k == s.dictionary || k == s.list) {
    if (ts_node_named_child_count(value) != 1) return {};
    const TSNode only = ts_node_named_child(value, 0);
    if (is(only, k == s.dictionary ? s.dictionary_splat : s.list_splat)) src = ts_node_named_child(only, 0);
  }
  src = python::unparenthesize(ctx, src);
  return python::is_name_chain(ctx, src) ? src : TSNode{};
}

// For `NAME[a]...[z]`: NAME and the first-level subscript `NAME[a]`; depth counts the subscripts.
struct Chain {
  TSNode base{}, first{};
  int depth = 0;
};
Chain subscript_chain(const Context& ctx, TSNode node) {
  Chain c;
  node = python::unparenthesize(ctx, node);
  while (is(node, ctx.sym.subscript)) {
    ++c.depth;
    c.first = node;
    node = python::unparenthesize(ctx, field(node, ctx.sym.field.value));
  }
  if (!is(node, ctx.sym.identifier)) return {};
  c.base = node;
  return c;
}

// Whether a plain assignment between `begin` and `end` (bytes, same scope) stores into `first` (`COPY[a]`).
bool replaced_between(const Context& ctx, TSNode root, std::uint32_t begin, std::uint32_t end, TSNode first) {
  const Symbols& s = ctx.sym;
  bool found = false;
  python::walk_scope_subtree(ctx, root, [&](TSNode n) {
    if (found || ts_node_end_byte(n) <= begin || ts_node_start_byte(n) >= end) return false;
    if (is(n, s.assignment)) {
      const TSNode left = field(n, s.field.left);
      if (is(left, s.pattern_list) || is(left, s.tuple_pattern)) {
        for (TSNode t : named_children(left)) found = found || python::same_expression(ctx, t, first);
      } else {
        found = python::same_expression(ctx, left, first);
      }
    }
    return !found;
  });
  return found;
}

void check_target(TSNode target, TSNode stmt, bool call, const Context& ctx, Reporter& out) {
  const Chain chain = subscript_chain(ctx, target);
  if (ts_node_is_null(chain.base) || chain.depth < (call ? 1 : 2)) return;
  const std::string_view name = ctx.text(chain.base);
  const std::uint32_t scope = ctx.current_scope();
  const Binding* b = ctx.scopes.last_binding_before(scope, name, ts_node_start_byte(stmt));
  if (b == nullptr || b->kind != BindingKind::Assignment || ts_node_is_null(b->value)) return;
  if (!is(b->target, ctx.sym.identifier)) return;
  const TSNode src = shallow_copy_source(ctx, b->value);
  if (ts_node_is_null(src)) return;
  if (replaced_between(ctx, ctx.scopes.scope(scope).node, ts_node_end_byte(b->statement), ts_node_start_byte(stmt),
                       chain.first)) {
    return;
  }
  const std::string source = shorten(ctx.text(src));
  out.report(stmt, cat("`", shorten(name), "` is a shallow copy of `", source,
                       "`, so this mutates a nested object the original still shares; use `copy.deepcopy(", source,
                       ")` or copy the nested value first"));
}

// Message: "`{copy}` is a shallow copy of `{source}`, so this mutates a nested object the original still shares; use
// `copy.deepcopy({source})` or copy the nested value first"
void check(TSNode node, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(node);
  if (k == s.call) {
    const TSNode fn = field(node, s.field.function);
    if (!is(fn, s.attribute) || !is(python::unparenthesize(ctx, field(fn, s.field.object)), s.subscript)) return;
    static constexpr std::string_view kMutators[] = {"append", "extend", "insert",  "remove",     "pop", "clear",
                                                     "update", "add",    "discard", "setdefault", "sort"};
    const std::string_view method = ctx.text(field(fn, s.field.attribute));
    bool mutator = false;
    for (std::string_view m : kMutators) mutator = mutator || m == method;
    if (!mutator) return;
    check_target(field(fn, s.field.object), python::statement_of(ctx, node), true, ctx, out);
    return;
  }
  if (k == s.delete_statement) {
    TSNode targets = ts_node_named_child(node, 0);
    if (is(targets, s.expression_list)) {
      for (TSNode t : named_children(targets)) {
        if (is(t, s.subscript)) check_target(t, node, false, ctx, out);
      }
    } else if (is(targets, s.subscript)) {
      check_target(targets, node, false, ctx, out);
    }
    return;
  }
  // assignment / augmented_assignment
  const TSNode left = field(node, s.field.left);
  if (is(left, s.subscript)) {
    if (is(python::unparenthesize(ctx, field(left, s.field.value)), s.subscript)) {
      check_target(left, python::statement_of(ctx, node), false, ctx, out);
    }
  } else if (k == s.assignment && (is(left, s.pattern_list) || is(left, s.tuple_pattern))) {
    for (TSNode t : named_children(left)) {
      if (is(t, s.subscript)) check_target(t, python::statement_of(ctx, node), false, ctx, out);
    }
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::call, &Symbols::delete_statement, &Symbols::assignment,
                                &Symbols::augmented_assignment};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
