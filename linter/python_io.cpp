#include "linter/python_io.h"

#include "linter/python.h"

namespace pyflags::python {
namespace {

struct Opener {
  std::string_view module, member, canonical;
};

constexpr Opener kOpeners[] = {
    {"io", "open", "io.open"},
    {"codecs", "open", "codecs.open"},
    {"gzip", "open", "gzip.open"},
    {"bz2", "open", "bz2.open"},
    {"lzma", "open", "lzma.open"},
    {"tarfile", "open", "tarfile.open"},
    {"zipfile", "ZipFile", "zipfile.ZipFile"},
    {"tempfile", "TemporaryFile", "tempfile.TemporaryFile"},
    {"tempfile", "NamedTemporaryFile", "tempfile.NamedTemporaryFile"},
    {"tempfile", "SpooledTemporaryFile", "tempfile.SpooledTemporaryFile"},
};

bool is_opener_member(std::string_view name) {
  for (const Opener& o : kOpeners) {
    if (o.member == name) return true;
  }
  return false;
}

std::string_view find_opener(std::string_view module, std::string_view member) {
  for (const Opener& o : kOpeners) {
    if (o.module == module && o.member == member) return o.canonical;
  }
  return {};
}

// The quoted part of a string literal's source (from the first quote on), so prefixes are skipped.
std::string_view quoted_text(const Context& ctx, TSNode literal) {
  const std::string_view text = ctx.text(literal);
  const auto q = text.find_first_of("'\"");
  return q == std::string_view::npos ? std::string_view{} : text.substr(q);
}

}  // namespace

std::string_view file_opener(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (is(fn, s.identifier)) {
    const std::string_view name = ctx.text(fn);
    const bool bare_open = name == "open";
    if (!bare_open && !is_opener_member(name)) return {};
    const Binding* b = ctx.scopes.lookup(ctx.current_scope(), name);
    if (b == nullptr) return bare_open && !ctx.facts.module_has_wildcard_import(ctx) ? std::string_view("open") : std::string_view{};
    if (b->kind != BindingKind::ImportFrom) return {};
    return find_opener(b->module, b->member);
  }
  if (!is(fn, s.attribute)) return {};
  const std::string_view member = ctx.text(field(fn, s.field.attribute));
  if (!is_opener_member(member)) return {};
  const TSNode object = field(fn, s.field.object);
  if (!is(object, s.identifier)) return {};
  std::string_view module = ctx.text(object);
  if (const Binding* b = ctx.scopes.lookup(ctx.current_scope(), module); b != nullptr) {
    if (b->kind != BindingKind::Import) return {};
    module = b->module;
  }
  return find_opener(module, member);
}

OpenMode open_mode(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  TSNode mode{};
  if (const TSNode kw = keyword_argument(ctx, call, "mode"); !ts_node_is_null(kw)) {
    mode = field(kw, s.field.value);
  } else {
    // A `*args` splat in the first two positions may carry the mode.
    unsigned i = 0;
    for (TSNode arg : named_children(field(call, s.field.arguments))) {
      const TSSymbol k = ts_node_symbol(arg);
      if (k == s.comment || k == s.keyword_argument || k == s.dictionary_splat) continue;
      if (k == s.list_splat) return OpenMode::Unknown;
      if (i++ == 1) { mode = arg; break; }
    }
    if (ts_node_is_null(mode)) return OpenMode::Text;
  }
  mode = unparenthesize(ctx, mode);
  if (!is_string_literal(ctx, mode) || is_fstring(ctx, mode)) return OpenMode::Unknown;
  if (is(mode, s.concatenated_string)) {
    for (TSNode part : named_children(mode)) {
      if (is(part, s.string) && quoted_text(ctx, part).find('b') != std::string_view::npos) return OpenMode::Binary;
    }
    return OpenMode::Text;
  }
  return quoted_text(ctx, mode).find('b') != std::string_view::npos ? OpenMode::Binary : OpenMode::Text;
}

TSNode parent_skipping_parens(const Context& ctx, TSNode node, TSNode* child) {
  TSNode parent = parent_of(node);
  while (is(parent, ctx.sym.parenthesized_expression)) {
    node = parent;
    parent = parent_of(parent);
  }
  if (child != nullptr) *child = node;
  return parent;
}

TSNode call_receiving_argument(const Context& ctx, TSNode expr) {
  TSNode child{};
  TSNode parent = parent_skipping_parens(ctx, expr, &child);
  if (is(parent, ctx.sym.keyword_argument)) {
    if (!same_node(field(parent, ctx.sym.field.value), child)) return {};
    parent = parent_of(parent);
  }
  if (!is(parent, ctx.sym.argument_list)) return {};
  const TSNode call = parent_of(parent);
  return is(call, ctx.sym.call) ? call : TSNode{};
}

bool is_with_item_expression(const Context& ctx, TSNode expr) {
  TSNode child{};
  TSNode parent = parent_skipping_parens(ctx, expr, &child);
  if (is(parent, ctx.sym.as_pattern)) {
    if (same_node(field(parent, ctx.sym.field.alias), child)) return false;
    parent = parent_of(parent);
  }
  return is(parent, ctx.sym.with_item);
}

TSNode receiver_of_bare_method_call(const Context& ctx, TSNode call, std::string_view method) {
  if (!is(call, ctx.sym.call)) return {};
  const TSNode fn = field(call, ctx.sym.field.function);
  if (!is(fn, ctx.sym.attribute) || ctx.text(field(fn, ctx.sym.field.attribute)) != method) return {};
  const TSNode args = field(call, ctx.sym.field.arguments);
  if (!is(args, ctx.sym.argument_list)) return {};
  for (TSNode arg : named_children(args)) {
    if (!is(arg, ctx.sym.comment)) return {};
  }
  return field(fn, ctx.sym.field.object);
}

bool is_name_binding(const Context& ctx, TSNode identifier) {
  const Symbols& s = ctx.sym;
  TSNode child = identifier;
  TSNode parent = parent_of(identifier);
  for (;;) {
    const TSSymbol k = ts_node_is_null(parent) ? 0 : ts_node_symbol(parent);
    if (k == s.pattern_list || k == s.tuple_pattern || k == s.list_pattern || k == s.list_splat_pattern ||
        k == s.parenthesized_expression || k == s.tuple || k == s.list || k == s.expression_list ||
        k == s.list_splat || k == s.as_pattern_target) {
      child = parent;
      parent = parent_of(parent);
      continue;
    }
    break;
  }
  if (ts_node_is_null(parent)) return false;
  const TSSymbol k = ts_node_symbol(parent);
  if (k == s.assignment || k == s.augmented_assignment || k == s.for_statement || k == s.for_in_clause) {
    return same_node(field(parent, s.field.left), child);
  }
  if (k == s.named_expression || k == s.function_definition || k == s.class_definition) {
    return same_node(field(parent, s.field.name), child);
  }
  if (k == s.as_pattern || k == s.except_clause) return same_node(field(parent, s.field.alias), child);
  if (k == s.delete_statement || k == s.global_statement || k == s.nonlocal_statement) return true;
  if (k == s.dotted_name || k == s.aliased_import) {
    for (TSNode up = parent; !ts_node_is_null(up); up = parent_of(up)) {
      const TSSymbol u = ts_node_symbol(up);
      if (u == s.import_statement || u == s.import_from_statement || u == s.future_import_statement) return true;
      if (u != s.dotted_name && u != s.aliased_import) break;
    }
  }
  return false;
}

bool is_name_read(const Context& ctx, TSNode identifier) {
  const Symbols& s = ctx.sym;
  if (!is(identifier, s.identifier)) return false;
  const TSNode parent = parent_of(identifier);
  const TSSymbol k = ts_node_is_null(parent) ? 0 : ts_node_symbol(parent);
  if (k == s.attribute) return !same_node(field(parent, s.field.attribute), identifier);
  if (k == s.keyword_argument || k == s.default_parameter || k == s.typed_default_parameter) {
    return !same_node(field(parent, s.field.name), identifier);
  }
  if (k == s.parameters || k == s.lambda_parameters || k == s.typed_parameter || k == s.keyword_pattern ||
      k == s.dictionary_splat_pattern) {
    return false;
  }
  if (k == s.list_splat_pattern) {
    const TSNode up = parent_of(parent);
    if (is(up, s.parameters) || is(up, s.lambda_parameters) || is(up, s.typed_parameter)) return false;
  }
  return !is_name_binding(ctx, identifier);
}

bool has_parameter(const Context& ctx, TSNode function, std::string_view name) {
  const Symbols& s = ctx.sym;
  for (TSNode p : named_children(field(function, s.field.parameters))) {
    const TSSymbol k = ts_node_symbol(p);
    TSNode id{};
    if (k == s.identifier) {
      id = p;
    } else if (k == s.default_parameter || k == s.typed_default_parameter) {
      id = field(p, s.field.name);
    } else if (k == s.typed_parameter || k == s.list_splat_pattern || k == s.dictionary_splat_pattern) {
      for (TSNode c : named_children(p)) {
        if (is(c, s.identifier)) { id = c; break; }
        if (is(c, s.list_splat_pattern) || is(c, s.dictionary_splat_pattern)) { id = ts_node_named_child(c, 0); break; }
      }
    }
    if (is(id, s.identifier) && ctx.text(id) == name) return true;
  }
  return false;
}

}  // namespace pyflags::python
