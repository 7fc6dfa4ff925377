// Name bindings per scope (module, def, lambda, class), built during the walk itself: when a rule
// sees a node, every binding that precedes it in source order is already recorded.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "linter/syntax.h"

namespace pyflags {

class SourceFile;

enum class ScopeKind : std::uint8_t { Module, Function, Lambda, Class };

enum class BindingKind : std::uint8_t {
  Assignment,           // `x = ...`, `x, y = ...`, `x: T = ...`
  Annotation,           // `x: T` with no value: binds nothing at runtime, but makes x local
  AugmentedAssignment,  // `x += ...`
  Parameter,
  LoopTarget,           // `for x in ...`
  ComprehensionTarget,  // `[... for x in ...]` (counted in the enclosing scope, by convention)
  WithTarget,           // `with ... as x`
  ExceptTarget,         // `except E as x`
  Import,               // `import a.b` binds `a`; `import a.b as c` binds `c`
  ImportFrom,           // `from m import n [as k]`; `from m import *` binds nothing
  Function,             // `def x`
  Class,                // `class x`
  Global,               // `global x` (declaration)
  Nonlocal,             // `nonlocal x` (declaration)
  Delete,               // `del x`
  Walrus,               // `(x := ...)`
  MatchCapture,         // `case x:` / `case [x, *rest]:` / `case {... } as x`
  TypeParameter,        // `def f[T]()`
};

struct Binding {
  std::string_view name;
  std::uint32_t scope = 0;
  std::uint32_t offset = 0;  // start of the binding statement; lookups "before X" compare with it
  BindingKind kind = BindingKind::Assignment;
  TSNode target{};     // the identifier that is bound
  TSNode statement{};  // the assignment / for / import / def ... that binds it
  TSNode value{};      // plain single-target assignment: the value assigned; else null
  // Imports: `import numpy as np` → module "numpy"; `from time import sleep as s` → module "time",
  // member "sleep". `import os.path` binds `os` with module "os".
  std::string_view module, member;
};

struct Scope {
  TSNode node{};
  ScopeKind kind = ScopeKind::Module;
  std::uint32_t parent = UINT32_MAX;
  std::vector<std::uint32_t> bindings;  // indices into ScopeTable::bindings(), in source order
  bool has_declarations = false;        // holds a `global` or `nonlocal` statement
};

class ScopeTable {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  std::uint32_t current() const { return stack_.empty() ? 0 : stack_.back(); }
  std::uint32_t module() const { return 0; }
  const Scope& scope(std::uint32_t id) const { return scopes_[id]; }
  std::size_t scope_count() const { return scopes_.size(); }
  std::span<const Binding> bindings() const { return bindings_; }
  const Binding& binding(std::uint32_t index) const { return bindings_[index]; }

  // The latest binding of `name` in `scope` that starts before `offset`, or nullptr.
  const Binding* last_binding_before(std::uint32_t scope, std::string_view name, std::uint32_t offset) const;
  // Whether `scope` binds `name` anywhere recorded so far (at the end of a walk: anywhere in the file).
  bool binds(std::uint32_t scope, std::string_view name) const;
  // Python's lookup from `scope`: that scope, enclosing def/lambda scopes (class bodies are skipped
  // unless `scope` is that class), then the module. Returns the latest binding recorded in the first
  // scope that binds the name, or nullptr (a builtin, or undefined). `global`/`nonlocal` declarations
  // redirect to the module / the enclosing function.
  const Binding* lookup(std::uint32_t scope, std::string_view name) const;
  // The scope that holds the binding a lookup of `name` from `scope` resolves to (kNone if unbound).
  std::uint32_t resolving_scope(std::uint32_t scope, std::string_view name) const;
  // Whether `name` is the unshadowed builtin (or unknown global) when read from `scope`.
  bool is_builtin(std::uint32_t scope, std::string_view name) const { return resolving_scope(scope, name) == kNone; }
  // Innermost scope whose node contains `node` (by byte range), starting from `from` outward.
  std::uint32_t scope_of(std::uint32_t from, TSNode node) const;

  // --- walker side -------------------------------------------------------------------------------
  void reset(TSNode module);
  // Records the bindings `node` makes and enters the scope it opens (if any). Returns true when it
  // opened a scope (then leave() must be called when the walk leaves `node`).
  bool enter(TSNode node, const Symbols& sym, const SourceFile& file);
  // Whether enter() has anything to do for a node of kind `k` (the walker asks before calling it).
  bool may_bind(TSSymbol k) const { return k < relevant_.size() && relevant_[k] != 0; }
  void leave() { stack_.pop_back(); }

 private:
  void add(BindingKind kind, TSNode target, TSNode statement, TSNode value, std::string_view name,
           std::uint32_t scope, std::string_view module = {}, std::string_view member = {});
  void bind_target(BindingKind kind, TSNode target, TSNode statement, TSNode value, const Symbols& sym,
                   const SourceFile& file, std::uint32_t scope);
  void bind_parameters(TSNode parameters, const Symbols& sym, const SourceFile& file, std::uint32_t scope);
  std::uint32_t open(TSNode node, ScopeKind kind);

  std::vector<Scope> scopes_;
  // `global x` / `nonlocal x` in `scope`: the scope that x's bindings there really belong to.
  std::uint32_t declared_home(std::uint32_t scope, std::string_view name) const;
  std::vector<Binding> bindings_;
  std::vector<std::uint32_t> stack_;
  // symbol → whether enter() has anything to do for a node of that kind (filled by reset()).
  std::vector<std::uint8_t> relevant_;
};

}  // namespace pyflags
