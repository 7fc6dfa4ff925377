#include "linter/python.h"

#include <algorithm>
#include <array>

namespace pyflags::python {
namespace {

// The prefix letters of a string literal (`rb`, `f`, ``), from its string_start token.
std::string_view string_prefix(const Context& ctx, TSNode string) {
  const TSNode start = ts_node_child(string, 0);
  if (!is(start, ctx.sym.string_start)) return {};
  const std::string_view text = ctx.text(start);
  return text.substr(0, text.find_first_of("'\""));
}

bool prefix_has(std::string_view prefix, char lower) {
  return prefix.find(lower) != std::string_view::npos ||
         prefix.find(static_cast<char>(lower - 'a' + 'A')) != std::string_view::npos;
}

// Advances a cursor to the next leaf in pre-order within the subtree it started at; false at the end.
bool next_leaf(TSTreeCursor& c, bool first) {
  if (!first) {
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&c)) break;
      if (!ts_tree_cursor_goto_parent(&c)) return false;
    }
  }
  while (ts_tree_cursor_goto_first_child(&c)) {
  }
  return true;
}

}  // namespace

TSNode unparenthesize(const Context& ctx, TSNode node) {
  while (is(node, ctx.sym.parenthesized_expression) && ts_node_named_child_count(node) == 1) {
    const TSNode inner = ts_node_named_child(node, 0);
    if (is(inner, ctx.sym.comment)) break;
    node = inner;
  }
  return node;
}

bool is_string_literal(const Context& ctx, TSNode node) {
  node = unparenthesize(ctx, node);
  if (is(node, ctx.sym.concatenated_string)) {
    const TSNode first = ts_node_named_child(node, 0);
    return is(first, ctx.sym.string) && !prefix_has(string_prefix(ctx, first), 'b');
  }
  return is(node, ctx.sym.string) && !prefix_has(string_prefix(ctx, node), 'b');
}

bool is_bytes_literal(const Context& ctx, TSNode node) {
  node = unparenthesize(ctx, node);
  if (is(node, ctx.sym.concatenated_string)) node = ts_node_named_child(node, 0);
  return is(node, ctx.sym.string) && prefix_has(string_prefix(ctx, node), 'b');
}

bool is_fstring(const Context& ctx, TSNode node) {
  node = unparenthesize(ctx, node);
  if (is(node, ctx.sym.concatenated_string)) {
    for (TSNode part : named_children(node)) {
      if (is(part, ctx.sym.string) && prefix_has(string_prefix(ctx, part), 'f')) return true;
    }
    return false;
  }
  return is(node, ctx.sym.string) && prefix_has(string_prefix(ctx, node), 'f');
}

bool is_number_literal(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  node = unparenthesize(ctx, node);
  if (is(node, s.integer) || is(node, s.float_)) return true;
  if (is(node, s.unary_operator)) {
    const TSNode op = field(node, s.field.operator_);
    const bool sign = is(op, s.op_minus) || is(op, s.op_plus);
    return sign && is_number_literal(ctx, field(node, s.field.argument));
  }
  if (is(node, s.binary_operator)) {  // a complex written as 1+2j / 1-2j
    const TSNode op = field(node, s.field.operator_);
    const TSNode right = unparenthesize(ctx, field(node, s.field.right));
    const std::string_view rt = ctx.text(right);
    const bool imaginary = (is(right, s.integer) || is(right, s.float_)) && (rt.ends_with('j') || rt.ends_with('J'));
    return (is(op, s.op_plus) || is(op, s.op_minus)) && imaginary && is_number_literal(ctx, field(node, s.field.left));
  }
  return false;
}

bool is_none(const Context& ctx, TSNode node) { return is(unparenthesize(ctx, node), ctx.sym.none); }

bool is_mutable_value(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  node = unparenthesize(ctx, node);
  if (ts_node_is_null(node)) return false;
  const TSSymbol k = ts_node_symbol(node);
  if (k == s.list || k == s.dictionary || k == s.set || k == s.list_comprehension || k == s.dictionary_comprehension ||
      k == s.set_comprehension) {
    return true;
  }
  if (k != s.call) return false;
  static constexpr std::array<std::string_view, 8> kConstructors = {
      "list", "dict", "set", "bytearray", "deque", "defaultdict", "OrderedDict", "Counter"};
  std::string_view name = callee(ctx, node);
  if (name.starts_with("collections.")) {
    name.remove_prefix(12);
    if (name == "list" || name == "dict" || name == "set" || name == "bytearray") return false;
  }
  return std::find(kConstructors.begin(), kConstructors.end(), name) != kConstructors.end();
}

bool is_identifier_named(const Context& ctx, TSNode node, std::string_view name) {
  node = unparenthesize(ctx, node);
  return is(node, ctx.sym.identifier) && ctx.text(node) == name;
}

bool is_name_chain(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  while (is(node, s.attribute)) {
    if (!is(field(node, s.field.attribute), s.identifier)) return false;
    node = field(node, s.field.object);
  }
  return is(node, s.identifier);
}

bool same_expression(const Context& ctx, TSNode a, TSNode b) {
  a = unparenthesize(ctx, a);
  b = unparenthesize(ctx, b);
  if (ts_node_is_null(a) || ts_node_is_null(b)) return false;
  if (ctx.text(a) == ctx.text(b)) return true;
  TSTreeCursor ca = ts_tree_cursor_new(a), cb = ts_tree_cursor_new(b);
  bool more_a = next_leaf(ca, true), more_b = next_leaf(cb, true);
  bool same = true;
  for (;;) {
    while (more_a && is(ts_tree_cursor_current_node(&ca), ctx.sym.comment)) more_a = next_leaf(ca, false);
    while (more_b && is(ts_tree_cursor_current_node(&cb), ctx.sym.comment)) more_b = next_leaf(cb, false);
    if (!more_a || !more_b) {
      same = more_a == more_b;
      break;
    }
    if (ctx.text(ts_tree_cursor_current_node(&ca)) != ctx.text(ts_tree_cursor_current_node(&cb))) {
      same = false;
      break;
    }
    more_a = next_leaf(ca, false);
    more_b = next_leaf(cb, false);
  }
  ts_tree_cursor_delete(&ca);
  ts_tree_cursor_delete(&cb);
  return same;
}

std::string_view callee(const Context& ctx, TSNode call) {
  if (!is(call, ctx.sym.call)) return {};
  const TSNode fn = field(call, ctx.sym.field.function);
  return is_name_chain(ctx, fn) ? ctx.text(fn) : std::string_view{};
}

bool is_call_to(const Context& ctx, TSNode call, std::string_view name) {
  return is(call, ctx.sym.call) && is(field(call, ctx.sym.field.function), ctx.sym.identifier) && callee(ctx, call) == name;
}

bool is_call_to_any(const Context& ctx, TSNode call, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return is_call_to(ctx, call, n); });
}

TSNode positional_argument(const Context& ctx, TSNode call, unsigned index) {
  const TSNode args = field(call, ctx.sym.field.arguments);
  if (!is(args, ctx.sym.argument_list)) return {};
  unsigned i = 0;
  for (TSNode arg : named_children(args)) {
    const TSSymbol k = ts_node_symbol(arg);
    if (k == ctx.sym.comment || k == ctx.sym.keyword_argument || k == ctx.sym.dictionary_splat) continue;
    if (k == ctx.sym.list_splat) return {};
    if (i++ == index) return arg;
  }
  return {};
}

unsigned positional_count(const Context& ctx, TSNode call) {
  const TSNode args = field(call, ctx.sym.field.arguments);
  if (!is(args, ctx.sym.argument_list)) return is(args, ctx.sym.generator_expression) ? 1 : 0;
  unsigned n = 0;
  for (TSNode arg : named_children(args)) {
    const TSSymbol k = ts_node_symbol(arg);
    if (k != ctx.sym.comment && k != ctx.sym.keyword_argument && k != ctx.sym.dictionary_splat) ++n;
  }
  return n;
}

TSNode keyword_argument(const Context& ctx, TSNode call, std::string_view name) {
  const TSNode args = field(call, ctx.sym.field.arguments);
  for (TSNode arg : named_children(args)) {
    if (is(arg, ctx.sym.keyword_argument) && ctx.text(field(arg, ctx.sym.field.name)) == name) return arg;
  }
  return {};
}

bool has_keywords_or_splats(const Context& ctx, TSNode call) {
  const TSNode args = field(call, ctx.sym.field.arguments);
  for (TSNode arg : named_children(args)) {
    const TSSymbol k = ts_node_symbol(arg);
    if (k == ctx.sym.keyword_argument || k == ctx.sym.list_splat || k == ctx.sym.dictionary_splat) return true;
  }
  return false;
}

bool is_builtin_name(const Context& ctx, TSNode identifier, std::string_view name) {
  return is(identifier, ctx.sym.identifier) && ctx.text(identifier) == name &&
         ctx.scopes.is_builtin(ctx.current_scope(), name);
}

std::string qualified_name(const Context& ctx, TSNode expr) {
  expr = unparenthesize(ctx, expr);
  if (!is_name_chain(ctx, expr)) return {};
  TSNode head = expr;
  while (is(head, ctx.sym.attribute)) head = field(head, ctx.sym.field.object);
  const std::string_view text = ctx.text(expr);
  const std::string_view head_text = ctx.text(head);
  std::string rest;
  for (std::size_t i = head_text.size(); i < text.size(); ++i) {  // drop whitespace inside `a . b`
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' && text[i] != '\\') rest.push_back(text[i]);
  }
  const Binding* b = ctx.scopes.lookup(ctx.current_scope(), head_text);
  if (b != nullptr && b->kind == BindingKind::Import) return std::string(b->module) + rest;
  if (b != nullptr && b->kind == BindingKind::ImportFrom) return std::string(b->module) + "." + std::string(b->member) + rest;
  return std::string(head_text) + rest;
}

bool refers_to(const Context& ctx, TSNode expr, std::string_view dotted) {
  const std::string q = qualified_name(ctx, expr);
  if (q == dotted) return true;
  // Conventional aliases when the file does not import them itself (a snippet, or a star import).
  static constexpr std::pair<std::string_view, std::string_view> kConventional[] = {{"np.", "numpy."}, {"pd.", "pandas."}};
  for (const auto& [alias, module] : kConventional) {
    if (q.starts_with(alias) && dotted.starts_with(module) && q.substr(alias.size()) == dotted.substr(module.size())) {
      return ctx.scopes.lookup(ctx.current_scope(), alias.substr(0, alias.size() - 1)) == nullptr;
    }
  }
  return false;
}

TSNode first_statement_after_docstring(const Context& ctx, TSNode block) {
  bool first = true;
  for (TSNode stmt : named_children(block)) {
    if (is(stmt, ctx.sym.comment)) continue;
    if (first) {
      first = false;
      if (is(stmt, ctx.sym.expression_statement) && ts_node_named_child_count(stmt) == 1) {
        const TSNode only = ts_node_named_child(stmt, 0);
        if (is(only, ctx.sym.string) || is(only, ctx.sym.concatenated_string)) continue;
      }
    }
    return stmt;
  }
  return {};
}

TSNode last_statement(const Context& ctx, TSNode block) {
  for (std::uint32_t i = ts_node_is_null(block) ? 0 : ts_node_named_child_count(block); i > 0; --i) {
    const TSNode stmt = ts_node_named_child(block, i - 1);
    if (!is(stmt, ctx.sym.comment)) return stmt;
  }
  return {};
}

bool is_comprehension(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  if (ts_node_is_null(node)) return false;
  const TSSymbol k = ts_node_symbol(node);
  return k == s.list_comprehension || k == s.set_comprehension || k == s.dictionary_comprehension ||
         k == s.generator_expression;
}

bool is_loop(const Context& ctx, TSNode node) { return is(node, ctx.sym.for_statement) || is(node, ctx.sym.while_statement); }

bool is_scope_boundary(const Context& ctx, TSNode node) {
  return is(node, ctx.sym.function_definition) || is(node, ctx.sym.lambda) || is(node, ctx.sym.class_definition);
}

}  // namespace pyflags::python
