// Shared questions about files and context managers (PF5xx), and about name occurrences (PF4xx).
#pragma once

#include <string_view>

#include "linter/context.h"

namespace pyflags::python {

// --- files -------------------------------------------------------------------------------------

// Which file opener `call` calls, as a canonical dotted name: "open" (the builtin), "io.open",
// "codecs.open", "gzip.open", "bz2.open", "lzma.open", "tarfile.open", "zipfile.ZipFile",
// "tempfile.TemporaryFile", "tempfile.NamedTemporaryFile", "tempfile.SpooledTemporaryFile"; empty for
// anything else (`os.open`, `Path(p).open()`, `zf.open(name)`). Imports are resolved (`import gzip as g`,
// `from zipfile import ZipFile`, `from io import open` → "io.open"); an unimported module name is taken
// at face value. Bare `open` is "open" only when no enclosing function and nothing so far in the module
// binds it, and the module has no top-level `from m import *` (`from posix import *` binds `open`): report such hits with `report_unless_bound(ctx.scopes.module(), "open", ...)`.
// Cheap: no allocation; compares the callee's last name first.
std::string_view file_opener(const Context& ctx, TSNode call);

enum class OpenMode { Text, Binary, Unknown };
// The mode of an `open(file, mode, ...)` / `io.open` call: the second positional argument or `mode=`.
// Text when absent or a string literal without `b`; Binary with `b`; Unknown for anything else
// (a name, an f-string, a `*args` splat).
OpenMode open_mode(const Context& ctx, TSNode call);

// The nearest ancestor of `node` that is not a parenthesized_expression, and (through `child`) the
// node on the path just below it.
TSNode parent_skipping_parens(const Context& ctx, TSNode node, TSNode* child = nullptr);

// The call whose argument list holds `expr` (directly or as the value of `name=expr`), parentheses
// around `expr` ignored; null otherwise.
TSNode call_receiving_argument(const Context& ctx, TSNode expr);

// `expr` is the context expression of a `with` / `async with` item (`with EXPR as f:`, `with EXPR:`),
// parentheses ignored.
bool is_with_item_expression(const Context& ctx, TSNode expr);

// The position of an argument-less method call `OBJ.method()`: OBJ when `call` is exactly that
// (no arguments at all, comments aside), else null.
TSNode receiver_of_bare_method_call(const Context& ctx, TSNode call, std::string_view method);

// --- name occurrences --------------------------------------------------------------------------

// `identifier` sits where it binds a name: an assignment / augmented-assignment / for / comprehension
// target (also inside tuple and list patterns), a walrus name, a `with ... as` / `except ... as` /
// `case ... as` alias, `del` target, def / class name, an import, or a `global` / `nonlocal`
// declaration. Parameters are not included (read them from the def's parameter list).
bool is_name_binding(const Context& ctx, TSNode identifier);

// `identifier` reads a variable: not a binding occurrence, not the attribute name of `a.b`, not the
// name of a keyword argument `f(name=...)`, not a parameter, not a match keyword-pattern name.
// (Augmented-assignment targets read and bind; they count as bindings here.)
bool is_name_read(const Context& ctx, TSNode identifier);

// Whether `def`/`lambda` declares a parameter called `name` (any kind: plain, default, *args, **kw).
bool has_parameter(const Context& ctx, TSNode function, std::string_view name);

}  // namespace pyflags::python
