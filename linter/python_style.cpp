#include "linter/python_style.h"

#include <string>

#include "linter/python.h"

namespace pyflags::python {
namespace {

// `text` is `module` or a dotted submodule of it.
bool within(std::string_view text, std::string_view module) {
  return text.starts_with(module) && (text.size() == module.size() || text[module.size()] == '.');
}

// The dotted text of a dotted_name without whitespace.
std::string dotted(const Context& ctx, TSNode dotted_name) {
  std::string out;
  for (char c : ctx.text(dotted_name)) {
    if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

// The imported module of an `import` binding: the whole dotted name (`import a.b` → "a.b").
bool import_binding_within(const Context& ctx, const Binding& b, std::string_view module) {
  const Symbols& s = ctx.sym;
  for (TSNode item : named_children(b.statement)) {
    TSNode name{};
    if (is(item, s.dotted_name) && same_node(ts_node_named_child(item, 0), b.target)) {
      name = item;
    } else if (is(item, s.aliased_import) && same_node(field(item, s.field.alias), b.target)) {
      name = field(item, s.field.name);
    }
    if (!ts_node_is_null(name)) return within(dotted(ctx, name), module);
  }
  return false;
}

}  // namespace

bool module_imports(const Context& ctx, std::string_view module) {
  const std::string_view head = module.substr(0, module.find('.'));
  for (const Binding& b : ctx.scopes.bindings()) {
    if (b.kind == BindingKind::Import) {
      // `import sympy.core as c` binds c to module "sympy.core"; `import concurrent.futures` binds
      // `concurrent` (module "concurrent"), whose statement names the submodule.
      if (within(b.module, module)) return true;
      if (b.module == head && import_binding_within(ctx, b, module)) return true;
    } else if (b.kind == BindingKind::ImportFrom) {
      if (within(b.module, module)) return true;
      if (b.module == head && within(std::string(b.module) + "." + std::string(b.member), module)) {
        return true;  // `from concurrent import futures`
      }
    }
  }
  // `from M import *` binds nothing: look at the module's top-level statements.
  const Symbols& s = ctx.sym;
  const TSNode root = ctx.scopes.scope(ctx.scopes.module()).node;
  for (TSNode stmt : named_children(root)) {
    if (!is(stmt, s.import_from_statement)) continue;
    const TSNode name = field(stmt, s.field.module_name);
    if (is(name, s.dotted_name) && within(dotted(ctx, name), module)) {
      for (TSNode item : named_children(stmt)) {
        if (ctx.text(item) == "*") return true;
      }
    }
  }
  return false;
}

bool is_numpy_array_constructor(const Context& ctx, TSNode call) {
  call = unparenthesize(ctx, call);
  if (!is(call, ctx.sym.call)) return false;
  const TSNode fn = field(call, ctx.sym.field.function);
  if (!is(fn, ctx.sym.attribute)) return false;  // always `module.name` (or `from numpy import array`)
  const std::string q = qualified_name(ctx, fn);
  std::string_view rest;
  if (q.starts_with("numpy.")) {
    rest = std::string_view(q).substr(6);
  } else if (q.starts_with("np.") && ctx.scopes.lookup(ctx.current_scope(), "np") == nullptr) {
    rest = std::string_view(q).substr(3);
  } else {
    return false;
  }
  if (rest.starts_with("random.")) return rest.find('.', 7) == std::string_view::npos && rest.size() > 7;
  static constexpr std::string_view kNames[] = {"array", "asarray", "arange", "zeros", "ones", "empty", "full",
                                                "linspace", "zeros_like", "ones_like", "empty_like", "full_like"};
  for (std::string_view n : kNames) {
    if (rest == n) return true;
  }
  return false;
}

bool is_dataframe_name(std::string_view name) {
  if (name == "df") return true;
  if (name.size() > 3 && (name.starts_with("df_") || name.ends_with("_df"))) return true;
  if (name.size() > 2 && name.starts_with("df")) {
    for (char c : name.substr(2)) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
  return false;
}

bool is_arithmetic_operator(const Context& ctx, TSNode op) {
  std::string_view t = ctx.text(op);
  if (t.ends_with("=")) t.remove_suffix(1);
  return t == "+" || t == "-" || t == "*" || t == "/" || t == "//" || t == "%" || t == "**" || t == "@";
}

}  // namespace pyflags::python
