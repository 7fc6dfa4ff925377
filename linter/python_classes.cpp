#include "linter/python_classes.h"

#include "linter/python.h"

namespace pyflags::python {
namespace {

// Name chain text without whitespace differences is rare in decorators; compare the text as written,
// skipping over `a . b` spacing by comparing identifiers one by one.
bool chain_equals(const Context& ctx, TSNode chain, std::string_view dotted) {
  const Symbols& s = ctx.sym;
  while (is(chain, s.attribute)) {
    const std::string_view attr = ctx.text(field(chain, s.field.attribute));
    if (!dotted.ends_with(attr)) return false;
    dotted.remove_suffix(attr.size());
    if (!dotted.ends_with('.')) return false;
    dotted.remove_suffix(1);
    chain = field(chain, s.field.object);
  }
  return is(chain, s.identifier) && ctx.text(chain) == dotted;
}

bool chain_in(const Context& ctx, TSNode chain, std::initializer_list<std::string_view> names) {
  if (!is_name_chain(ctx, chain)) return false;
  for (std::string_view n : names) {
    if (chain_equals(ctx, chain, n)) return true;
  }
  return false;
}

bool target_binds(const Context& ctx, TSNode target, std::string_view name) {
  const Symbols& s = ctx.sym;
  target = unparenthesize(ctx, target);
  if (is(target, s.identifier)) return ctx.text(target) == name;
  if (is(target, s.pattern_list) || is(target, s.tuple_pattern) || is(target, s.list_pattern)) {
    for (TSNode t : named_children(target)) {
      if (target_binds(ctx, t, name)) return true;
    }
  }
  return false;
}

bool block_binds(const Context& ctx, TSNode block, std::string_view name, int depth) {
  const Symbols& s = ctx.sym;
  if (depth > 8) return false;
  for (TSNode stmt : named_children(block)) {
    const TSSymbol k = ts_node_symbol(stmt);
    if (const TSNode fn = as_function(ctx, stmt); !ts_node_is_null(fn)) {
      if (ctx.text(field(fn, s.field.name)) == name) return true;
      continue;
    }
    if (k == s.expression_statement) {
      for (TSNode a = as_assignment(ctx, stmt); is(a, s.assignment); a = field(a, s.field.right)) {
        if (target_binds(ctx, field(a, s.field.left), name)) return true;
      }
      continue;
    }
    if (k == s.if_statement || k == s.elif_clause || k == s.else_clause || k == s.try_statement ||
        k == s.except_clause || k == s.finally_clause || k == s.with_statement || k == s.block) {
      if (block_binds(ctx, stmt, name, depth + 1)) return true;
    }
  }
  return false;
}

}  // namespace

TSNode decorator_callee(const Context& ctx, TSNode decorator) {
  TSNode expr{};
  for (TSNode child : named_children(decorator)) {
    if (!is(child, ctx.sym.comment)) {
      expr = child;
      break;
    }
  }
  expr = unparenthesize(ctx, expr);
  if (is(expr, ctx.sym.call)) expr = field(expr, ctx.sym.field.function);
  return expr;
}

TSNode decorated_parent(const Context& ctx, TSNode definition) {
  const TSNode parent = ts_node_is_null(definition) ? TSNode{} : parent_of(definition);
  return is(parent, ctx.sym.decorated_definition) ? parent : TSNode{};
}

std::string_view decorator_name(const Context& ctx, TSNode decorator) {
  if (!is(decorator, ctx.sym.decorator)) return {};
  const TSNode expr = decorator_callee(ctx, decorator);
  return is_name_chain(ctx, expr) ? ctx.text(expr) : std::string_view{};
}

bool has_decorator(const Context& ctx, TSNode definition, std::initializer_list<std::string_view> names) {
  const TSNode wrapper = decorated_parent(ctx, definition);
  for (TSNode child : named_children(wrapper)) {
    if (is(child, ctx.sym.decorator) && chain_in(ctx, decorator_callee(ctx, child), names)) return true;
  }
  return false;
}

bool decorator_named(const Context& ctx, TSNode decorator, std::initializer_list<std::string_view> names) {
  TSNode expr = decorator_callee(ctx, decorator);
  if (is(expr, ctx.sym.attribute)) {
    if (!is_name_chain(ctx, expr)) return false;
    expr = field(expr, ctx.sym.field.attribute);
  }
  if (!is(expr, ctx.sym.identifier)) return false;
  const std::string_view text = ctx.text(expr);
  for (std::string_view n : names) {
    if (text == n) return true;
  }
  return false;
}

TSNode class_of_method(const Context& ctx, TSNode def) {
  TSNode up = parent_of(def);
  if (is(up, ctx.sym.decorated_definition)) up = parent_of(up);
  if (!is(up, ctx.sym.block)) return {};
  up = parent_of(up);
  return is(up, ctx.sym.class_definition) ? up : TSNode{};
}

bool is_dataclass(const Context& ctx, TSNode cls) {
  return has_decorator(ctx, cls, {"dataclass", "dataclasses.dataclass"});
}

bool is_attrs_class(const Context& ctx, TSNode cls) {
  return has_decorator(ctx, cls,
                       {"attr.s", "attr.attrs", "attr.define", "attr.frozen", "attr.mutable", "attr.dataclass",
                        "attrs.define", "attrs.frozen", "attrs.mutable", "define", "frozen", "mutable", "attrs"});
}

bool has_no_bases(const Context& ctx, TSNode cls, bool allow_metaclass) {
  const Symbols& s = ctx.sym;
  for (TSNode arg : named_children(field(cls, s.field.superclasses))) {
    const TSSymbol k = ts_node_symbol(arg);
    if (k == s.comment) continue;
    if (k == s.identifier && ctx.text(arg) == "object") continue;
    if (k == s.keyword_argument && allow_metaclass && ctx.text(field(arg, s.field.name)) == "metaclass") continue;
    return false;
  }
  return true;
}

bool has_base(const Context& ctx, TSNode cls, std::initializer_list<std::string_view> names) {
  const Symbols& s = ctx.sym;
  for (TSNode arg : named_children(field(cls, s.field.superclasses))) {
    TSNode base = unparenthesize(ctx, arg);
    if (is(base, s.subscript)) base = field(base, s.field.value);
    if (chain_in(ctx, base, names)) return true;
  }
  return false;
}

TSNode as_function(const Context& ctx, TSNode statement) {
  if (is(statement, ctx.sym.decorated_definition)) statement = field(statement, ctx.sym.field.definition);
  return is(statement, ctx.sym.function_definition) ? statement : TSNode{};
}

TSNode find_method(const Context& ctx, TSNode cls, std::string_view name) {
  // A cursor: ts_node_named_child(i) costs O(i), quadratic over a long class body.
  const TSNode body = field(cls, ctx.sym.field.body);
  if (ts_node_is_null(body)) return {};
  TSNode found{};
  TSTreeCursor cursor = ts_tree_cursor_new(body);
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    const TSNode stmt = ts_tree_cursor_current_node(&cursor);
    if (!ts_node_is_named(stmt)) continue;
    const TSNode fn = as_function(ctx, stmt);
    if (!ts_node_is_null(fn) && ctx.text(field(fn, ctx.sym.field.name)) == name) {
      found = fn;
      break;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

bool class_binds(const Context& ctx, TSNode cls, std::string_view name) {
  return block_binds(ctx, field(cls, ctx.sym.field.body), name, 0);
}

TSNode as_assignment(const Context& ctx, TSNode statement) {
  if (!is(statement, ctx.sym.expression_statement) || ts_node_named_child_count(statement) != 1) return {};
  const TSNode a = ts_node_named_child(statement, 0);
  return is(a, ctx.sym.assignment) ? a : TSNode{};
}

bool is_classvar_annotation(const Context& ctx, TSNode type) {
  return !ts_node_is_null(type) && ctx.text(type).find("ClassVar") != std::string_view::npos;
}

bool mutable_container(const Context& ctx, TSNode value, MutableContainer* out) {
  const Symbols& s = ctx.sym;
  value = unparenthesize(ctx, value);
  if (ts_node_is_null(value)) return false;
  const TSSymbol k = ts_node_symbol(value);
  MutableContainer found;
  if (k == s.list || k == s.list_comprehension) {
    found = {"list", "list"};
  } else if (k == s.dictionary || k == s.dictionary_comprehension) {
    found = {"dict", "dict"};
  } else if (k == s.set || k == s.set_comprehension) {
    found = {"set", "set"};
  } else if (k == s.call) {
    const std::string_view full = callee(ctx, value);
    std::string_view name = full;
    if (name.starts_with("collections.")) {
      name.remove_prefix(12);
      if (name == "list" || name == "dict" || name == "set") return false;
    }
    if (name == "list" || name == "deque") {
      found = {"list", full};
    } else if (name == "dict" || name == "defaultdict" || name == "OrderedDict" || name == "Counter") {
      found = {"dict", full};
    } else if (name == "set") {
      found = {"set", full};
    } else {
      return false;
    }
  } else {
    return false;
  }
  if (out != nullptr) *out = found;
  return true;
}

}  // namespace pyflags::python
