// Shared questions about Python code, asked by several rules. Written once, unit-tested.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "linter/context.h"

namespace pyflags::python {

// The expression inside any number of parentheses.
TSNode unparenthesize(const Context& ctx, TSNode node);

// Literals (parentheses ignored). A string literal includes f-strings, raw strings and implicit
// concatenation; bytes are separate.
bool is_string_literal(const Context& ctx, TSNode node);
bool is_bytes_literal(const Context& ctx, TSNode node);
bool is_fstring(const Context& ctx, TSNode node);
bool is_number_literal(const Context& ctx, TSNode node);  // 1, 1.5, 1j, -1, +2, 1+2j
bool is_none(const Context& ctx, TSNode node);

// `[]`, `{}`, `{1}`, `[x for ...]`, `{k: v for ...}`, `{x for ...}`, or a call to list/dict/set/
// bytearray/deque/defaultdict/OrderedDict/Counter (bare or `collections.`), with any arguments.
bool is_mutable_value(const Context& ctx, TSNode node);

// An identifier or a dotted chain of identifiers (`a`, `self.items`, `a.b.c`).
bool is_name_chain(const Context& ctx, TSNode node);
// The identifier `name` itself, parentheses ignored (`self`, `(wrapper)`).
bool is_identifier_named(const Context& ctx, TSNode node, std::string_view name);
// Source text equal after removing whitespace and comments.
bool same_expression(const Context& ctx, TSNode a, TSNode b);

// The callee's text when it is a name chain (`len`, `os.path.join`), else empty.
std::string_view callee(const Context& ctx, TSNode call);
// A call whose callee is the bare name `name` (taken at face value, as syntax rules do).
bool is_call_to(const Context& ctx, TSNode call, std::string_view name);
bool is_call_to_any(const Context& ctx, TSNode call, std::initializer_list<std::string_view> names);
// Positional arguments (nullptr when absent), keyword arguments by name, and whether any `*`/`**`.
TSNode positional_argument(const Context& ctx, TSNode call, unsigned index);
unsigned positional_count(const Context& ctx, TSNode call);
TSNode keyword_argument(const Context& ctx, TSNode call, std::string_view name);
bool has_keywords_or_splats(const Context& ctx, TSNode call);

// Scope-aware: `name` read at `node` is the builtin (not rebound anywhere in the module, nor in an
// enclosing function scope so far). Rules that use this should report with report_unless_bound(module).
bool is_builtin_name(const Context& ctx, TSNode identifier, std::string_view name);

// The dotted name an expression refers to, with imports resolved: with `import numpy as np`,
// `np.arange` → "numpy.arange"; with `from time import sleep`, `sleep` → "time.sleep". A name that
// no import binds stays as written (`np.arange` → "np.arange"). Empty when not a name chain.
std::string qualified_name(const Context& ctx, TSNode expr);
// Whether `expr` names `module.member` (e.g. "time.sleep"), through imports, or through the
// conventional alias when the module is not imported (`np`, `pd`) and `allow_conventional`.
bool refers_to(const Context& ctx, TSNode expr, std::string_view dotted);

// The first statement of a block after an optional docstring, or null.
TSNode first_statement_after_docstring(const Context& ctx, TSNode block);
// The last top-level statement of a block, or null.
TSNode last_statement(const Context& ctx, TSNode block);

// A list / set / dict comprehension or a generator expression.
bool is_comprehension(const Context& ctx, TSNode node);

bool is_scope_boundary(const Context& ctx, TSNode node);  // def / lambda / class

using pyflags::Walk;

// Pre-order walk of `root`'s subtree that never enters nested def / lambda / class bodies: the
// definitions themselves are visited, their insides are not (`root` itself may be a def). `visit(node)`
// returns whether to descend (bool) or a Walk. Returns true when a visitor stopped the walk.
template <typename Visit>
bool walk_scope_subtree(const Context& ctx, TSNode root, Visit&& visit) {
  return walk_subtree(root, [&](TSNode node) {
    Walk step;
    if constexpr (std::is_same_v<decltype(visit(node)), Walk>) {
      step = visit(node);
    } else {
      step = visit(node) ? Walk::Descend : Walk::Skip;
    }
    if (step == Walk::Descend && !same_node(node, root) && is_scope_boundary(ctx, node)) step = Walk::Skip;
    return step;
  });
}

// Statement-level helpers.
bool is_loop(const Context& ctx, TSNode node);            // for_statement / while_statement


}  // namespace pyflags::python
