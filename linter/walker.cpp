#include "linter/walker.h"

#include <algorithm>

#include "linter/registry.h"
#include "linter/text.h"

namespace pyflags {
namespace {

constexpr TSSymbol kErrorSymbol = static_cast<TSSymbol>(-1);  // tree-sitter's ts_builtin_sym_error

void fill_frame_kinds(const Symbols& s, std::vector<std::uint8_t>& table) {
  table.assign(s.count, static_cast<std::uint8_t>(FrameKind::None));
  auto set = [&](TSSymbol k, FrameKind f) { table[k] = static_cast<std::uint8_t>(f); };
  set(s.function_definition, FrameKind::Function);
  set(s.lambda, FrameKind::Lambda);
  set(s.class_definition, FrameKind::Class);
  set(s.for_statement, FrameKind::For);
  set(s.while_statement, FrameKind::While);
  set(s.try_statement, FrameKind::Try);
  set(s.except_clause, FrameKind::ExceptClause);
  set(s.finally_clause, FrameKind::Finally);
  set(s.with_statement, FrameKind::With);
  set(s.list_comprehension, FrameKind::Comprehension);
  set(s.set_comprehension, FrameKind::Comprehension);
  set(s.dictionary_comprehension, FrameKind::Comprehension);
  set(s.generator_expression, FrameKind::Comprehension);
}

bool starts_with_async(TSNode node, const Symbols& s) {
  const TSNode first = ts_node_child(node, 0);
  return !ts_node_is_null(first) && ts_node_symbol(first) == s.kw_async;
}

Frame make_frame(TSNode node, FrameKind kind, const Symbols& s) {
  Frame f{node, kind, 0, 0, false};
  if (kind == FrameKind::For || kind == FrameKind::While) {
    const TSNode body = ts_node_child_by_field_id(node, s.field.body);
    if (!ts_node_is_null(body)) {
      f.body_begin = ts_node_start_byte(body);
      f.body_end = ts_node_end_byte(body);
    }
  }
  if (kind == FrameKind::Function || kind == FrameKind::For || kind == FrameKind::With) f.is_async = starts_with_async(node, s);
  return f;
}

// "unexpected `)`" / "missing `:`": what PF001 says about a broken region.
std::string syntax_error_message(TSNode node, const SourceFile& file) {
  if (ts_node_is_missing(node)) return cat("Syntax error: missing `", ts_node_type(node), "`");
  std::string_view text = file.slice(ts_node_start_byte(node), ts_node_end_byte(node));
  if (const auto nl = text.find_first_of("\r\n"); nl != std::string_view::npos) text = text.substr(0, nl);
  if (text.size() > 40) return cat("Syntax error: cannot parse `", text.substr(0, 39), "…`");
  if (text.empty()) return "Syntax error: unexpected end of file";
  return cat("Syntax error: cannot parse `", text, "`");
}

}  // namespace

Dispatch::Dispatch(const Symbols& sym, std::span<const Rule* const> enabled, RuleOptions options)
    : enabled_(enabled.begin(), enabled.end()), options_(std::move(options)) {
  std::vector<std::vector<const Rule*>> by_kind(sym.count);
  for (const Rule* rule : enabled) {
    if (rule->info.code == "PF001") syntax_error_ = &rule->info;
    if (rule->info.code == "PF002") io_error_ = &rule->info;
    if (rule->info.code == "PF003") unused_noqa_ = &rule->info;
    needs_scopes_ = needs_scopes_ || rule->needs_scopes;
    for (const SymbolRef kind : rule->kinds) by_kind[sym.*kind].push_back(rule);
  }
  offsets_.reserve(sym.count + 1);
  offsets_.push_back(0);
  for (const auto& rules : by_kind) {
    rules_.insert(rules_.end(), rules.begin(), rules.end());
    offsets_.push_back(static_cast<std::uint32_t>(rules_.size()));
  }
}

void walk(const TSTree* tree, const SourceFile& file, const Dispatch& dispatch, WalkState& state, int target_minor,
          std::vector<Diagnostic>& out) {
  const Symbols& sym = Symbols::python();
  if (state.frame_kind_of.empty()) fill_frame_kinds(sym, state.frame_kind_of);
  const TSNode root = ts_tree_root_node(tree);
  state.stack.reset();
  state.scopes.reset(root);
  const bool scopes = dispatch.needs_scopes();
  const std::size_t first_diagnostic = out.size();

  state.facts.reset();
  clear_field_memo();
  Context ctx{file, sym, state.stack, state.scopes, target_minor, state.facts, dispatch.options()};
  Reporter reporter(out);
  std::vector<std::uint8_t>& opened = state.opened;
  opened.clear();
  state.comments.clear();

  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (bool more = true; more;) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    const TSSymbol symbol = ts_node_symbol(node);
    bool descend = true;
    std::uint8_t flags = 0;
    if (symbol == kErrorSymbol || ts_node_is_missing(node)) {
      if (dispatch.syntax_error_rule() != nullptr) {
        reporter.set_rule(dispatch.syntax_error_rule());
        reporter.report_range(ts_node_start_byte(node), ts_node_end_byte(node), syntax_error_message(node, file));
      }
      descend = false;
    } else {
      if (symbol == sym.comment) state.comments.push_back(node);
      const auto frame = static_cast<FrameKind>(symbol < state.frame_kind_of.size() ? state.frame_kind_of[symbol] : 0);
      if (frame != FrameKind::None) {
        state.stack.push(make_frame(node, frame, sym));
        flags |= 1;
      }
      if (scopes && state.scopes.may_bind(symbol) && state.scopes.enter(node, sym, file)) flags |= 2;
      for (const Rule* rule : dispatch.rules_for(symbol)) {
        reporter.set_rule(&rule->info);
        rule->check(node, ctx, reporter);
      }
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      opened.push_back(flags);
      continue;
    }
    // Leave this node, then its ancestors until one has a next sibling.
    for (;;) {
      if (flags & 1) state.stack.pop();
      if (flags & 2) state.scopes.leave();
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) { more = false; break; }
      flags = opened.back();
      opened.pop_back();
    }
  }
  ts_tree_cursor_delete(&cursor);

  // Deferred vetoes: drop diagnostics whose name turned out to be bound later in the file.
  if (scopes) {
    auto vetoed = [&](const Diagnostic& d) {
      return d.veto_scope != UINT32_MAX && d.veto_scope < state.scopes.scope_count() &&
             state.scopes.binds(d.veto_scope, d.veto_name);
    };
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first_diagnostic), out.end(), vetoed), out.end());
  }
}

}  // namespace pyflags
