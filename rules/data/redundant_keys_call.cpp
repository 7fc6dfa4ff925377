// PF207 redundant-keys-call: `x in d.keys()` / `for k in d.keys()`: the dict already gives its keys.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF207",
    .name = "redundant-keys-call",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`.keys()` call where the dict itself would do",
    .rationale = R"(A dict already answers `in` and iteration with its keys: `key in d` is a hash lookup and
`for k in d` walks the keys. Adding `.keys()` builds a view object only to ask it the same question, and
signals that the writer is not sure what `in` checks on a dict (keys, never values). Write `name in users`
and `for k in users` directly.)",
    .bad = R"(def greeting(users, name):
    if name in users.keys():
        return f"Hello, {name}"
    return "Who are you?"
)",
    .good = R"(def greeting(users, name):
    if name in users:
        return f"Hello, {name}"
    return "Who are you?"
)",
    .seed = "§1 \"Membership operator in\" — \"Not knowing in checks dict keys, not values.\"",
    .fix_applicability = Applicability::Unsafe,
};

// Whether `call` (its parentheses stripped) is the right operand of `in`/`not in`, or the iterable of a
// `for` statement or a comprehension's `for` clause.
bool used_as_iterable(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  TSNode node = call;
  TSNode parent = parent_of(node);
  while (is(parent, s.parenthesized_expression)) {
    node = parent;
    parent = parent_of(node);
  }
  if (ts_node_is_null(parent)) return false;
  const TSSymbol k = ts_node_symbol(parent);
  if (k == s.for_statement || k == s.for_in_clause) return same_node(field(parent, s.field.right), node);
  if (k != s.comparison_operator) return false;
  TSNode previous = ts_node_prev_sibling(node);
  while (is(previous, s.comment)) previous = ts_node_prev_sibling(previous);
  return is(previous, s.op_in) || is(previous, s.op_not_in);
}

// Duck-typed mapping protocol: the code asks for `.keys()` on purpose when it first checks
// `hasattr(RECV, "keys")`, or catches the AttributeError of a receiver that has none. Looks at the
// enclosing `if` / `elif` / conditional-expression conditions and `try` statements up to the scope.
bool keys_protocol(const Context& ctx, TSNode call, TSNode recv) {
  const Symbols& s = ctx.sym;
  auto hasattr_keys = [&](TSNode condition) {
    bool found = false;
    python::walk_scope_subtree(ctx, condition, [&](TSNode n) {
      if (found) return false;
      if (python::is_call_to(ctx, n, "hasattr") && python::positional_count(ctx, n) == 2) {
        const TSNode attr = python::positional_argument(ctx, n, 1);
        const std::string_view t = ctx.text(attr);
        found = python::is_string_literal(ctx, attr) && t.size() == 6 && t.substr(1, 4) == "keys" &&
                python::same_expression(ctx, python::positional_argument(ctx, n, 0), recv);
      }
      return !found;
    });
    return found;
  };
  auto catches_attribute_error = [&](TSNode try_stmt) {
    for (TSNode clause : named_children(try_stmt)) {
      if (!is(clause, s.except_clause)) continue;
      bool found = false;
      python::walk_scope_subtree(ctx, field(clause, s.field.value), [&](TSNode n) {
        found = found || (is(n, s.identifier) && ctx.text(n) == "AttributeError");
        return !found;
      });
      if (found) return true;
    }
    return false;
  };
  TSNode node = call;
  for (TSNode parent = parent_of(node); !ts_node_is_null(parent); node = parent, parent = parent_of(parent)) {
    const TSSymbol k = ts_node_symbol(parent);
    if (python::is_scope_boundary(ctx, parent)) return false;
    if ((k == s.if_statement || k == s.elif_clause || k == s.while_statement) &&
        !same_node(field(parent, s.field.condition), node) && hasattr_keys(field(parent, s.field.condition))) {
      return true;
    }
    if (k == s.conditional_expression && ts_node_named_child_count(parent) == 3 &&
        same_node(ts_node_named_child(parent, 0), node) && hasattr_keys(ts_node_named_child(parent, 1))) {
      return true;
    }
    if (k == s.try_statement && same_node(field(parent, s.field.body), node) && catches_attribute_error(parent)) {
      return true;
    }
  }
  return false;
}

// Message: "`{recv}.keys()` is redundant: `in` and iteration on a dict already use its keys"
void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute)) return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list) || ts_node_named_child_count(args) != 0) return;
  if (ctx.text(field(fn, s.field.attribute)) != "keys") return;
  if (!used_as_iterable(ctx, call)) return;
  const TSNode recv = field(fn, s.field.object);
  if (keys_protocol(ctx, call, recv)) return;
  out.report(
      call,
      cat("`", shorten(ctx.text(recv)), ".keys()` is redundant: `in` and iteration on a dict already use its keys"),
      Fix{.applicability = Applicability::Unsafe,
          .title = "Remove `.keys()`",
          .edits = {{ts_node_end_byte(recv), ts_node_end_byte(call), ""}}});
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
