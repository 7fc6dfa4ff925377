// Shared questions about statements and name chains: which statement holds a node, what follows it,
// whether two chains name the same thing, and a bounded walk that stays out of nested scopes.
#pragma once

#include <string_view>

#include "linter/python.h"

namespace pyflags::python {

// Both are name chains (`a`, `a.b.c`) naming the same thing; compares identifiers, so whitespace and
// comments inside the chain do not matter. Cheaper than same_expression() for non-matching nodes.
bool chain_equal(const Context& ctx, TSNode a, TSNode b);

// The statement that holds `node`: the ancestor (or `node` itself) whose parent is a block or the module.
TSNode statement_of(const Context& ctx, TSNode node);

// The next named sibling of a statement that is not a comment, or null.
TSNode next_statement_skipping_comments(const Context& ctx, TSNode stmt);


// Pre-order walk of `root`'s subtree that never enters nested def / lambda / class bodies (the
// definitions themselves are visited, their insides are not; `root` itself may be a def). `visit(node)` returns whether
// to descend.
template <typename Visit>
void walk_scope_subtree(const Context& ctx, TSNode root, Visit&& visit) {
  if (ts_node_is_null(root)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (bool more = true; more;) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    const bool descend = visit(node) && (same_node(node, root) || !is_scope_boundary(ctx, node));
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace pyflags::python
