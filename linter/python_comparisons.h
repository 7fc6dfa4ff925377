// Shared questions for the comparison rules (PF104-PF107) and the data rules (PF202-PF205).
#pragma once

#include <string_view>

#include "linter/context.h"

namespace pyflags::python {

// Calls `f(op, left, right)` for every operator token of a `comparison_operator` with its two
// neighbouring operands (`a == b != c` gives (==, a, b) and (!=, b, c)). Comments are skipped.
// No allocation.
template <typename F>
void for_each_comparison_pair(const Context& ctx, TSNode comparison, F&& f) {
  TSNode previous{};
  const std::uint32_t count = ts_node_is_null(comparison) ? 0 : ts_node_child_count(comparison);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(comparison, i);
    if (ts_node_is_named(child)) {
      if (!is(child, ctx.sym.comment)) previous = child;
      continue;
    }
    TSNode next{};
    for (std::uint32_t j = i + 1; j < count; ++j) {
      const TSNode c = ts_node_child(comparison, j);
      if (ts_node_is_named(c) && !is(c, ctx.sym.comment)) {
        next = c;
        break;
      }
    }
    if (ts_node_is_null(previous) || ts_node_is_null(next)) continue;
    f(child, previous, next);
  }
}

// The outermost parenthesized_expression that wraps `node` only (or `node` itself).
TSNode outer_parentheses(const Context& ctx, TSNode node);

// `node` (parentheses ignored) is the whole index of a subscript: `arr[node]`, not `arr[node, 0]`.
bool is_whole_subscript_index(const Context& ctx, TSNode node);

// `node` (parentheses ignored) is a positional argument of an SQL-expression-builder call
// `X.filter/where/having/join/outerjoin(...)`, directly or through `and_`/`or_`/`not_` calls (bare
// or as attributes) that are themselves such arguments.
bool is_sql_builder_argument(const Context& ctx, TSNode node);

// `node` (parentheses ignored) is the whole condition of an `if`/`elif`/`while`/`assert`, the
// condition of a conditional expression, or the operand of `not`.
bool is_whole_condition(const Context& ctx, TSNode node);


}  // namespace pyflags::python
