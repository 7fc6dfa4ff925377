// Shared questions for the concurrency, datasci and style rules (PF7xx, PF8xx, PF9xx): imports of a
// module anywhere in the file, methods, decorators, NumPy array constructors, DataFrame-like names.
#pragma once

#include <string_view>

#include "linter/context.h"

namespace pyflags::python {

// Whether the file imports `module` (a dotted name such as "threading", "concurrent.futures" or
// "pandas"), or a submodule of it, by any import recorded before the node being visited (any scope):
// `import M`, `import M as X`, `import M.sub`, `from M import n`, `from M.sub import n`, and for a dotted
// `M = P.Q` also `from P import Q`. Also `from M import *` at module level (anywhere in the file).
// Another package's module of the same last name (`import gevent.threading`, `from gevent import
// threading`) does not count. Needs the scope table (rules with `.needs_scopes = true`).
bool module_imports(const Context& ctx, std::string_view module);

// A call of a NumPy array constructor: `np.`/`numpy.` (imports resolved; `np` by convention when not
// bound) + array, asarray, arange, zeros, ones, empty, full, linspace, zeros_like, ones_like,
// empty_like, full_like, or `random.<any name>`. Needs the scope table.
bool is_numpy_array_constructor(const Context& ctx, TSNode call);

// A name following the DataFrame naming convention: `df`, `df` + digits, `df_…`, `…_df`.
bool is_dataframe_name(std::string_view name);

// Whether an operator token of a binary_operator (`+ - * / // % ** @`) or of an augmented_assignment
// (`+= -= *= /= //= %= **= @=`) is arithmetic (bitwise and shift operators are not).
bool is_arithmetic_operator(const Context& ctx, TSNode op);

}  // namespace pyflags::python
