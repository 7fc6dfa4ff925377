// Shared questions about classes: decorators, bases, what a class body defines or assigns.
// Used by the PF3xx class rules. Every function is null-safe and allocation-free.
#pragma once

#include <initializer_list>
#include <string_view>

#include "linter/context.h"

namespace pyflags::python {

// --- decorators ------------------------------------------------------------------------------------

// The `decorated_definition` wrapping a def or class, or null when it has no decorators.
TSNode decorated_parent(const Context& ctx, TSNode definition);
// The expression of a decorator without its call, if any: `@a.b(x)` → `a.b`, `@c` → `c`.
TSNode decorator_callee(const Context& ctx, TSNode decorator);
// A decorator's name chain with any call stripped: `@dataclass(eq=False)` → `dataclass`,
// `@attr.s(auto_attribs=True)` → `attr.s`. Empty when the decorator is not a (called) name chain.
std::string_view decorator_name(const Context& ctx, TSNode decorator);
// Whether the def or class has a decorator whose name (called or not) is one of `names`.
bool has_decorator(const Context& ctx, TSNode definition, std::initializer_list<std::string_view> names);
// Whether a decorator (node of kind `decorator`) is one of `names`, taken at face value, bare or
// through any module, called or not: with names {"override"}, `@override`, `@typing.override` and
// `@typing_extensions.override()` all match (has_decorator, by contrast, wants the exact chain).
bool decorator_named(const Context& ctx, TSNode decorator, std::initializer_list<std::string_view> names);
// `@dataclass` / `@dataclasses.dataclass`, called or not.
bool is_dataclass(const Context& ctx, TSNode cls);
// attrs class decorators (`attr.s`, `attr.attrs`, `attr.define`, `attrs.define`, `attrs.frozen`, bare
// `define` / `frozen` / `mutable` …), called or not.
bool is_attrs_class(const Context& ctx, TSNode cls);
// A `def` (function_definition) directly in a class body (possibly decorated), or null when not.
// Returns the class_definition.
TSNode class_of_method(const Context& ctx, TSNode def);

// --- bases -----------------------------------------------------------------------------------------

// True when the class lists no base other than `object` and no keyword argument, except a
// `metaclass=` keyword when `allow_metaclass`. `*bases` / `**kw` count as bases.
bool has_no_bases(const Context& ctx, TSNode cls, bool allow_metaclass);
// Whether a positional base is one of `names` (name chain text), also subscripted (`Protocol[T]`).
bool has_base(const Context& ctx, TSNode cls, std::initializer_list<std::string_view> names);

// --- class body ------------------------------------------------------------------------------------

// The `function_definition` of a class-body statement that is a `def` (decorated or not), else null.
TSNode as_function(const Context& ctx, TSNode statement);
// The first `def NAME` directly in the class body (decorated or not), else null.
TSNode find_method(const Context& ctx, TSNode cls, std::string_view name);
// The class-level assignment statement target `NAME = …` / `NAME: T = …` / `NAME = other = …` in the
// class body, also inside class-level if/try/with blocks; or a `def NAME` there. Conservative "binds".
bool class_binds(const Context& ctx, TSNode cls, std::string_view name);
// The plain or annotated class-body assignment (an `assignment` node) held by `statement`, or null.
TSNode as_assignment(const Context& ctx, TSNode statement);

// An annotation that mentions `ClassVar` (`ClassVar`, `ClassVar[int]`, `typing.ClassVar[...]`, "ClassVar[...]").
bool is_classvar_annotation(const Context& ctx, TSNode type);

// The container kind a class attribute / field default creates: a list, dict or set display or
// comprehension, or a call to list/dict/set/defaultdict/deque/OrderedDict/Counter (bare or
// `collections.`). `kind` is "list", "dict" or "set" (deque counts as a list); `factory` is the
// constructor to pass as `default_factory` (`list`, `dict`, `set`, or the callee as written).
struct MutableContainer {
  std::string_view kind, factory;
};
bool mutable_container(const Context& ctx, TSNode value, MutableContainer* out = nullptr);

}  // namespace pyflags::python
