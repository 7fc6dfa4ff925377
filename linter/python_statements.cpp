#include "linter/python_statements.h"

namespace pyflags::python {

bool chain_equal(const Context& ctx, TSNode a, TSNode b) {
  const Symbols& s = ctx.sym;
  a = unparenthesize(ctx, a);
  b = unparenthesize(ctx, b);
  while (is(a, s.attribute) && is(b, s.attribute)) {
    const TSNode na = field(a, s.field.attribute), nb = field(b, s.field.attribute);
    if (!is(na, s.identifier) || !is(nb, s.identifier) || ctx.text(na) != ctx.text(nb)) return false;
    a = field(a, s.field.object);
    b = field(b, s.field.object);
  }
  return is(a, s.identifier) && is(b, s.identifier) && ctx.text(a) == ctx.text(b);
}

TSNode statement_of(const Context& ctx, TSNode node) {
  for (TSNode parent = parent_of(node); !ts_node_is_null(parent); node = parent, parent = parent_of(parent)) {
    if (is(parent, ctx.sym.block) || is(parent, ctx.sym.module)) return node;
  }
  return node;
}

TSNode first_statement(const Context& ctx, TSNode block) {
  if (ts_node_is_null(block)) return {};
  const TSNode first = ts_node_named_child(block, 0);
  return is(first, ctx.sym.comment) ? next_statement_skipping_comments(ctx, first) : first;
}

TSNode next_statement_skipping_comments(const Context& ctx, TSNode stmt) {
  for (TSNode n = ts_node_next_named_sibling(stmt); !ts_node_is_null(n); n = ts_node_next_named_sibling(n)) {
    if (!is(n, ctx.sym.comment)) return n;
  }
  return {};
}


}  // namespace pyflags::python
