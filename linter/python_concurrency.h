// Shared questions about coroutines and module-qualified calls, asked by the PF7xx concurrency rules.
#pragma once

#include <string>

#include "linter/context.h"

namespace pyflags::python {

// The innermost `async def` whose body (not its parameters, decorators or annotations) holds `node`,
// with no def/lambda/class in between, from the walker's stack; null otherwise.
TSNode enclosing_coroutine(const Context& ctx, TSNode node);

// Like qualified_name(): the dotted name of a name chain with `import m as a` / `from m import n`
// resolved through the scope table. Empty when the chain's head resolves to a binding other than an
// import (a parameter `time`, `time = FakeClock()`, a def ...), or when `expr` is not a name chain. An
// unbound head (a builtin, or an unimported module) stays as written.
std::string resolved_import_name(const Context& ctx, TSNode expr);

}  // namespace pyflags::python
