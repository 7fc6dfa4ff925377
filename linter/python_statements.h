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
// The first statement of a block that is not a comment, or null.
TSNode first_statement(const Context& ctx, TSNode block);



}  // namespace pyflags::python
