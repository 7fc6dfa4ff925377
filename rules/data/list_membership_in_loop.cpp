// PF212 list-membership-in-loop: repeated `x in some_list` inside a loop or comprehension.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF212",
    .name = "list-membership-in-loop",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Repeated membership test on a list",
    .rationale = R"(`x in some_list` compares `x` with the elements one by one: O(n) per test. Done once that is
fine; done for every item of a loop or a comprehension it becomes O(n*m), and a list display written in
the loop is even rebuilt on every pass. A set (or a dict) hashes `x` and finds it in O(1) on average.
When the collection is only used for lookups, build a set once, outside the loop, and test against that:
turning the list of a hot loop into a set is one of the cheapest big speed-ups there is.)",
    .bad = R"(def blocked(emails, blocklist_file):
    blocklist = [line.strip() for line in blocklist_file]
    return [e for e in emails if e in blocklist]
)",
    .good = R"(def blocked(emails, blocklist_file):
    blocklist = {line.strip() for line in blocklist_file}
    return [e for e in emails if e in blocklist]
)",
    .seed =
        "§2 \"Sets and frozensets\" — \"Using a list for membership checks when a set would be O(1).\"; §1 "
        "\"Membership operator in\" — \"Never having optimized a hot loop by converting to a set.\"",
};

// Whether `node` is evaluated repeatedly: in a loop body, a `while` condition, or a comprehension's
// `if` clause or element, without crossing a def / lambda / class.
bool evaluated_repeatedly(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  for (TSNode parent = parent_of(node); !ts_node_is_null(parent); node = parent, parent = parent_of(parent)) {
    const TSSymbol k = ts_node_symbol(parent);
    if (k == s.function_definition || k == s.lambda || k == s.class_definition) return false;
    if (k == s.for_statement) {
      if (same_node(field(parent, s.field.body), node)) return true;
    } else if (k == s.while_statement) {
      if (same_node(field(parent, s.field.body), node) || same_node(field(parent, s.field.condition), node))
        return true;
    } else if (python::is_comprehension(ctx, parent)) {
      if (is(node, s.if_clause) || same_node(field(parent, s.field.body), node)) return true;
    }
  }
  return false;
}

bool is_list_value(const Context& ctx, TSNode value) {
  const Symbols& s = ctx.sym;
  value = python::unparenthesize(ctx, value);
  if (is(value, s.list) || is(value, s.list_comprehension)) return true;
  return python::is_call_to(ctx, value, "list") && ctx.scopes.is_builtin(ctx.scopes.module(), "list");
}

// Whether `root` (same scope) rebinds `name` some other way than by a plain `name = <list>` assignment.
bool rebound_otherwise(const Context& ctx, TSNode root, std::string_view name) {
  const Symbols& s = ctx.sym;
  bool found = false;
  auto names = [&](TSNode target) {
    target = python::unparenthesize(ctx, target);
    if (is(target, s.identifier)) return ctx.text(target) == name;
    if (is(target, s.pattern_list) || is(target, s.tuple_pattern) || is(target, s.list_pattern)) {
      for (TSNode t : named_children(target)) {
        if (is(python::unparenthesize(ctx, t), s.identifier) && ctx.text(python::unparenthesize(ctx, t)) == name)
          return true;
        if (is(t, s.list_splat_pattern) && ctx.text(ts_node_named_child(t, 0)) == name) return true;
      }
    }
    return false;
  };
  python::walk_scope_subtree(ctx, root, [&](TSNode n) {
    if (found) return false;
    const TSSymbol k = ts_node_symbol(n);
    if (k == s.assignment) {
      const TSNode left = field(n, s.field.left);
      if (names(left)) {
        const TSNode right = field(n, s.field.right);
        found = !is(left, s.identifier) || ts_node_is_null(right) || !is_list_value(ctx, right);
      }
    } else if (k == s.augmented_assignment || k == s.for_statement || k == s.for_in_clause) {
      found = names(field(n, s.field.left));
    } else if (k == s.named_expression) {
      found = names(field(n, s.field.name));
    } else if (k == s.as_pattern_target || k == s.delete_statement) {
      found = names(ts_node_named_child(n, 0));
    }
    return !found;
  });
  return found;
}

// `[...]` for a list written in place, the name for a name bound only to lists; else empty.
std::string_view list_operand(const Context& ctx, TSNode right, TSNode comparison) {
  const Symbols& s = ctx.sym;
  right = python::unparenthesize(ctx, right);
  if (is(right, s.list) || is(right, s.list_comprehension)) return "[...]";
  if (!is(right, s.identifier)) return {};
  const std::string_view name = ctx.text(right);
  const std::uint32_t scope = ctx.scopes.resolving_scope(ctx.current_scope(), name);
  if (scope == ScopeTable::kNone) return {};
  bool any = false;
  for (std::uint32_t id : ctx.scopes.scope(scope).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.name != name) continue;
    if (b.kind != BindingKind::Assignment || ts_node_is_null(b.value) || !is_list_value(ctx, b.value)) return {};
    any = true;
  }
  if (!any) return {};
  if (scope == ctx.current_scope()) {
    // Bindings later in the enclosing loops reach the test too: look at the outermost loop of the scope.
    TSNode outer{};
    for (TSNode p = parent_of(comparison); !ts_node_is_null(p) && !python::is_scope_boundary(ctx, p);
         p = parent_of(p)) {
      if (python::is_loop(ctx, p)) outer = p;
    }
    if (!ts_node_is_null(outer) && rebound_otherwise(ctx, outer, name)) return {};
  }
  return name;
}

// Message: "Membership test on list `{name}` is repeated and scans the whole list each time (O(n)); build a set once
// for O(1) lookups"
void check(TSNode comparison, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const std::uint32_t n = ts_node_child_count(comparison);
  for (std::uint32_t i = 1; i + 1 < n; ++i) {
    const TSNode op = ts_node_child(comparison, i);
    if (!is(op, s.op_in) && !is(op, s.op_not_in)) continue;
    TSNode right = ts_node_child(comparison, i + 1);
    for (std::uint32_t j = i + 2; is(right, s.comment) && j < n; ++j) right = ts_node_child(comparison, j);
    const TSSymbol rk = ts_node_symbol(python::unparenthesize(ctx, right));
    if (rk != s.list && rk != s.list_comprehension && rk != s.identifier) continue;
    if (!evaluated_repeatedly(ctx, comparison)) return;
    const std::string_view name = list_operand(ctx, right, comparison);
    if (name.empty()) continue;
    out.report(comparison,
               cat("Membership test on list `", shorten(name),
                   "` is repeated and scans the whole list each time (O(n)); build a set once for O(1) lookups"));
    return;
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::comparison_operator};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
