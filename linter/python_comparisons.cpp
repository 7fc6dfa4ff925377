#include "linter/python_comparisons.h"

#include "linter/python.h"

namespace pyflags::python {

TSNode outer_parentheses(const Context& ctx, TSNode node) {
  for (TSNode parent = parent_of(node); is(parent, ctx.sym.parenthesized_expression);
       parent = parent_of(parent)) {
    node = parent;
  }
  return node;
}

bool is_whole_subscript_index(const Context& ctx, TSNode node) {
  node = outer_parentheses(ctx, node);
  const TSNode parent = parent_of(node);
  if (!is(parent, ctx.sym.subscript) || same_node(field(parent, ctx.sym.field.value), node)) return false;
  unsigned indexes = 0;
  for (TSNode child : named_children(parent)) {
    if (!is(child, ctx.sym.comment)) ++indexes;
  }
  return indexes == 2;  // the value and this one index: `arr[a, b]` has two subscript fields
}

bool is_sql_builder_argument(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  for (;;) {
    node = outer_parentheses(ctx, node);
    const TSNode args = parent_of(node);
    if (!is(args, s.argument_list)) return false;  // keyword arguments have a keyword_argument parent
    const TSNode call = parent_of(args);
    const TSNode fn = field(call, s.field.function);
    std::string_view name;
    if (is(fn, s.attribute)) {
      name = ctx.text(field(fn, s.field.attribute));
      if (name == "filter" || name == "where" || name == "having" || name == "join" || name == "outerjoin") return true;
    } else if (is(fn, s.identifier)) {
      name = ctx.text(fn);
    }
    if (name != "and_" && name != "or_" && name != "not_") return false;
    node = call;
  }
}

bool is_whole_condition(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  node = outer_parentheses(ctx, node);
  const TSNode parent = parent_of(node);
  if (ts_node_is_null(parent)) return false;
  const TSSymbol k = ts_node_symbol(parent);
  if (k == s.if_statement || k == s.elif_clause || k == s.while_statement) {
    return same_node(field(parent, s.field.condition), node);
  }
  if (k == s.not_operator) return same_node(field(parent, s.field.argument), node);
  if (k == s.assert_statement || k == s.conditional_expression) {
    unsigned index = 0;  // assert: the first expression; `a if c else b`: the second
    for (TSNode child : named_children(parent)) {
      if (is(child, s.comment)) continue;
      if (same_node(child, node)) return index == (k == s.assert_statement ? 0u : 1u);
      ++index;
    }
  }
  return false;
}


}  // namespace pyflags::python
