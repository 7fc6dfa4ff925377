#include "linter/facts.h"

#include <algorithm>

#include "linter/context.h"

namespace pyflags {
namespace {

bool has_wildcard_import(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  for (TSNode stmt : named_children(n)) {
    const TSSymbol k = ts_node_symbol(stmt);
    if (k == s.import_from_statement) {
      for (TSNode item : named_children(stmt)) {
        const TSSymbol i = ts_node_symbol(item);
        if (i != s.dotted_name && i != s.aliased_import && i != s.relative_import && i != s.comment) return true;
      }
    } else if (k == s.if_statement || k == s.elif_clause || k == s.else_clause || k == s.try_statement ||
               k == s.except_clause || k == s.finally_clause || k == s.block) {
      if (has_wildcard_import(ctx, stmt)) return true;
    }
  }
  return false;
}

}  // namespace

void FileFacts::reset() {
  wildcard_import_ = -1;
  defs_.clear();
  mentions_.clear();
}

bool FileFacts::mentions(const Context& ctx, std::string_view word) const {
  for (const auto& [w, found] : mentions_) {
    if (w == word) return found;
  }
  const bool found = ctx.file.text().find(word) != std::string_view::npos;
  mentions_.emplace_back(word, found);
  return found;
}

bool FileFacts::module_has_wildcard_import(const Context& ctx) const {
  if (wildcard_import_ < 0) wildcard_import_ = has_wildcard_import(ctx, ctx.scopes.scope(ctx.scopes.module()).node) ? 1 : 0;
  return wildcard_import_ == 1;
}

const std::vector<FileFacts::DefName>& FileFacts::defs_of(const Context& ctx, TSNode block) const {
  auto it = std::find_if(defs_.begin(), defs_.end(), [&](const auto& e) { return e.first == block.id; });
  if (it == defs_.end()) {
    std::vector<DefName> names;
    TSTreeCursor cursor = ts_tree_cursor_new(block);
    for (bool more = ts_tree_cursor_goto_first_child(&cursor); more; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
      TSNode stmt = ts_tree_cursor_current_node(&cursor);
      if (is(stmt, ctx.sym.decorated_definition)) stmt = field(stmt, ctx.sym.field.definition);
      if (is(stmt, ctx.sym.function_definition)) {
        names.push_back({ctx.text(field(stmt, ctx.sym.field.name)), is(ts_node_child(stmt, 0), ctx.sym.kw_async)});
      }
    }
    ts_tree_cursor_delete(&cursor);
    defs_.emplace_back(block.id, std::move(names));
    it = defs_.end() - 1;
  }
  return it->second;
}

bool FileFacts::has_async_def_named(const Context& ctx, TSNode block, std::string_view name) const {
  if (!mentions(ctx, "async") || ts_node_is_null(block)) return false;
  const auto& defs = defs_of(ctx, block);
  return std::any_of(defs.begin(), defs.end(), [&](const DefName& d) { return d.is_async && d.name == name; });
}

bool FileFacts::has_def_named(const Context& ctx, TSNode block, std::string_view name) const {
  if (ts_node_is_null(block)) return false;
  const auto& defs = defs_of(ctx, block);
  return std::any_of(defs.begin(), defs.end(), [&](const DefName& d) { return d.name == name; });
}

}  // namespace pyflags
