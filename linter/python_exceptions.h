// Shared questions about try/except/raise and about generator / coroutine functions, asked by the
// PF6xx exception rules and the PF7xx concurrency rules.
#pragma once

#include <cstdint>
#include <string_view>

#include "linter/context.h"

namespace pyflags::python {

// --- exception handlers ---------------------------------------------------------------------------

// The block of an `except` / `except*` clause, or null.
TSNode handler_body(const Context& ctx, TSNode except_clause);
// The exception type expression of `except T:`, `except T as e:` or `except* T:` (parentheses kept);
// null for a bare `except:`.
TSNode handler_type(const Context& ctx, TSNode except_clause);
// The identifier bound by `except T as NAME:`, or null.
TSNode handler_name(const Context& ctx, TSNode except_clause);
// The `:` token that ends the clause header (`except T as e:`), or null. Clause-level reports cover
// [start of the clause, end of this token].
TSNode handler_colon(const Context& ctx, TSNode except_clause);

// When the handler's type is `Exception` or `BaseException` (bare or `builtins.`-qualified), or a
// tuple (at any nesting, parentheses ignored) containing one of them: that element's node. Else null
// (specific types, bare `except:`).
TSNode broad_exception_element(const Context& ctx, TSNode except_clause);

// Whether a handler body consists only of `pass`, `...`, `continue` and string-literal expression
// statements (comments ignored). When true and `action` is given, it receives "continue" when the
// first pass/continue/... statement is `continue`, else "pass".
bool is_swallowing_body(const Context& ctx, TSNode block, std::string_view* action = nullptr);

// Whether `block` contains a `raise` statement (any form), not counting nested def/lambda/class.
bool contains_raise(const Context& ctx, TSNode block);

// Whether `block` logs the traceback, outside nested def/lambda/class: a call of a method named
// `exception` (`logger.exception(...)`), a call with an `exc_info=` keyword whose value is not
// `False`/`None`, or a call of `traceback.print_exc` / `format_exc` / `print_exception` /
// `format_exception` (also bare, as imported from `traceback`).
bool logs_traceback(const Context& ctx, TSNode block);

// The innermost `except` clause whose body holds the node being visited, within the current
// def/lambda/class (or module), from the walker's stack; null if none. `between_finally`, when given,
// is set when a `finally:` clause lies between that handler and the node.
TSNode enclosing_handler(const Context& ctx, bool* between_finally = nullptr);

// --- bindings ---------------------------------------------------------------------------------------

// Whether this identifier occurrence binds its name: an assignment / augmented-assignment / `for` /
// comprehension target (also inside tuple and list patterns), `with ... as x`, `except ... as x`, a
// walrus, `del x`, `global x` / `nonlocal x`, an import (`import x`, `import x.y`, `from m import x`,
// `... as x`), or the name of a def / class.
bool identifier_binds(const Context& ctx, TSNode identifier);

// Whether `root`'s subtree binds `name` (see identifier_binds) at an identifier starting before
// byte `before`; nested def/class names count, their bodies and lambdas are not entered.
bool binds_name_before(const Context& ctx, TSNode root, std::string_view name, std::uint32_t before);

// --- generators -----------------------------------------------------------------------------------

// Whether a `def` / `async def` is a generator: its own body (not nested def/lambda/class) holds a
// `yield` or `yield from` expression.
bool is_generator_def(const Context& ctx, TSNode function_definition);

}  // namespace pyflags::python
