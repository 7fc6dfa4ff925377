#include "linter/python_exceptions.h"

#include "linter/python.h"

namespace pyflags::python {
namespace {

// Whether `visit` holds for some node of `root`'s subtree, nested def/lambda/class bodies not entered.
template <typename Visit>
bool any_in_own_scope(const Context& ctx, TSNode root, Visit visit) {
  return walk_scope_subtree(ctx, root, [&](TSNode n) {
    if (visit(n)) return Walk::Stop;
    return is_scope_boundary(ctx, n) ? Walk::Skip : Walk::Descend;
  });
}

bool is_broad_name(const Context& ctx, TSNode t) {
  const Symbols& s = ctx.sym;
  if (is(t, s.identifier)) {
    const std::string_view name = ctx.text(t);
    return name == "Exception" || name == "BaseException";
  }
  if (is(t, s.attribute)) {
    const TSNode object = field(t, s.field.object);
    const std::string_view name = ctx.text(field(t, s.field.attribute));
    return is(object, s.identifier) && ctx.text(object) == "builtins" && (name == "Exception" || name == "BaseException");
  }
  return false;
}

TSNode broad_element_of(const Context& ctx, TSNode t) {
  t = unparenthesize(ctx, t);
  if (is_broad_name(ctx, t)) return t;
  if (is(t, ctx.sym.tuple)) {
    for (TSNode element : named_children(t)) {
      const TSNode found = broad_element_of(ctx, element);
      if (!ts_node_is_null(found)) return found;
    }
  }
  return {};
}

}  // namespace

TSNode handler_body(const Context& ctx, TSNode except_clause) {
  TSNode body{};
  for (TSNode child : named_children(except_clause)) {
    if (is(child, ctx.sym.block)) body = child;
  }
  return body;
}

TSNode handler_type(const Context& ctx, TSNode except_clause) {
  const TSNode value = field(except_clause, ctx.sym.field.value);
  if (is(value, ctx.sym.as_pattern)) return ts_node_named_child(value, 0);
  return value;
}

TSNode handler_name(const Context& ctx, TSNode except_clause) {
  const Symbols& s = ctx.sym;
  TSNode alias = field(except_clause, s.field.alias);  // older grammar shape
  if (ts_node_is_null(alias)) alias = field(field(except_clause, s.field.value), s.field.alias);
  if (is(alias, s.as_pattern_target)) alias = ts_node_named_child(alias, 0);
  return is(alias, s.identifier) ? alias : TSNode{};
}

TSNode handler_colon(const Context& ctx, TSNode except_clause) {
  for (TSNode child : children(except_clause)) {
    if (is(child, ctx.sym.colon)) return child;
  }
  return {};
}

TSNode broad_exception_element(const Context& ctx, TSNode except_clause) {
  const TSNode type = handler_type(ctx, except_clause);
  return ts_node_is_null(type) ? TSNode{} : broad_element_of(ctx, type);
}

bool is_swallowing_body(const Context& ctx, TSNode block, std::string_view* action) {
  const Symbols& s = ctx.sym;
  std::string_view first_action;
  bool any = false;
  for (TSNode stmt : named_children(block)) {
    const TSSymbol k = ts_node_symbol(stmt);
    if (k == s.comment) continue;
    any = true;
    if (k == s.pass_statement || k == s.continue_statement) {
      if (first_action.empty()) first_action = k == s.pass_statement ? "pass" : "continue";
      continue;
    }
    if (k != s.expression_statement || ts_node_named_child_count(stmt) != 1) return false;
    const TSNode only = ts_node_named_child(stmt, 0);
    if (is(only, s.ellipsis)) {
      if (first_action.empty()) first_action = "pass";
      continue;
    }
    if (!is_string_literal(ctx, only)) return false;
  }
  if (any && action != nullptr) *action = first_action.empty() ? std::string_view("pass") : first_action;
  return any;
}

bool contains_raise(const Context& ctx, TSNode block) {
  return any_in_own_scope(ctx, block, [&](TSNode n) { return is(n, ctx.sym.raise_statement); });
}

bool logs_traceback(const Context& ctx, TSNode block) {
  const Symbols& s = ctx.sym;
  return any_in_own_scope(ctx, block, [&](TSNode n) {
    if (!is(n, s.call)) return false;
    const TSNode fn = field(n, s.field.function);
    if (is(fn, s.attribute) && ctx.text(field(fn, s.field.attribute)) == "exception") return true;
    const std::string_view name = callee(ctx, n);
    if (name == "traceback.print_exc" || name == "traceback.format_exc" || name == "traceback.print_exception" ||
        name == "traceback.format_exception" || name == "print_exc" || name == "format_exc") {
      return true;
    }
    const TSNode exc_info = keyword_argument(ctx, n, "exc_info");
    if (ts_node_is_null(exc_info)) return false;
    const TSNode value = unparenthesize(ctx, field(exc_info, s.field.value));
    return !is(value, s.false_) && !is(value, s.none);
  });
}

TSNode enclosing_handler(const Context& ctx, bool* between_finally) {
  bool finally_seen = false;
  const auto frames = ctx.stack.frames();
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) return {};
    if (it->kind == FrameKind::Finally) finally_seen = true;
    if (it->kind == FrameKind::ExceptClause) {
      if (between_finally != nullptr) *between_finally = finally_seen;
      return it->node;
    }
  }
  return {};
}

bool identifier_binds(const Context& ctx, TSNode identifier) {
  const Symbols& s = ctx.sym;
  TSNode child = identifier;
  TSNode parent = parent_of(identifier);
  for (;;) {
    if (ts_node_is_null(parent)) return false;
    const TSSymbol k = ts_node_symbol(parent);
    if (k == s.pattern_list || k == s.tuple_pattern || k == s.list_pattern || k == s.list_splat_pattern ||
        k == s.parenthesized_expression || k == s.tuple || k == s.list || k == s.expression_list ||
        k == s.list_splat || k == s.as_pattern_target) {
      child = parent;
      parent = parent_of(parent);
      continue;
    }
    if (k == s.assignment || k == s.augmented_assignment || k == s.for_statement || k == s.for_in_clause) {
      return same_node(field(parent, s.field.left), child);
    }
    if (k == s.named_expression || k == s.function_definition || k == s.class_definition) {
      return same_node(field(parent, s.field.name), child);
    }
    if (k == s.as_pattern || k == s.aliased_import) return same_node(field(parent, s.field.alias), child);
    if (k == s.dotted_name) {  // `import a.b` binds `a`; `from m import a` binds `a`, not `m`
      const TSNode stmt = parent_of(parent);
      if (is(stmt, s.import_statement)) return same_node(ts_node_named_child(parent, 0), child);
      if (is(stmt, s.import_from_statement)) {
        return !same_node(field(stmt, s.field.module_name), parent) && ts_node_named_child_count(parent) == 1;
      }
      return false;
    }
    if (k == s.except_clause) return same_node(field(parent, s.field.alias), child);
    return k == s.delete_statement || k == s.global_statement || k == s.nonlocal_statement;
  }
}

bool binds_name_before(const Context& ctx, TSNode root, std::string_view name, std::uint32_t before) {
  return any_in_own_scope(ctx, root, [&](TSNode n) {
    if (ts_node_start_byte(n) >= before) return false;
    if (is_scope_boundary(ctx, n)) {  // `def name():` / `class name:` bind; their insides do not
      const TSNode def_name = field(n, ctx.sym.field.name);
      return is(def_name, ctx.sym.identifier) && ctx.text(def_name) == name;
    }
    return is(n, ctx.sym.identifier) && ctx.text(n) == name && identifier_binds(ctx, n);
  });
}

bool is_generator_def(const Context& ctx, TSNode function_definition) {
  const TSNode body = field(function_definition, ctx.sym.field.body);
  if (ts_node_is_null(body)) return false;
  // Cheapest test first: a `yield` node needs the keyword in the body's text.
  if (ctx.text(body).find("yield") == std::string_view::npos) return false;
  // Start at the body's children so the walk does not stop at the def itself.
  for (TSNode stmt : named_children(body)) {
    if (any_in_own_scope(ctx, stmt, [&](TSNode n) { return is(n, ctx.sym.yield); })) return true;
  }
  return false;
}

}  // namespace pyflags::python
