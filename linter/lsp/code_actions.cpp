#include "linter/lsp/code_actions.h"

#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "linter/lsp/diagnostics.h"
#include "linter/text.h"

namespace pyflags::lsp {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool is_code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }


// In a comment's text: where the code list of its line-level `# noqa: A, B` ends (after B); nullopt
// when there is no `# noqa: CODES` (a bare `# noqa` or `# noqa:` covers every code already). Mirrors
// the grammar parse_noqa() accepts.
struct NoqaScan {
  bool found = false;
  std::optional<std::size_t> codes_end;
};
NoqaScan scan_noqa(std::string_view comment) {
  for (std::size_t hash = comment.find('#'); hash != std::string_view::npos; hash = comment.find('#', hash + 1)) {
    std::size_t i = hash + 1;
    while (i < comment.size() && is_blank(comment[i])) ++i;
    if (!iequals_at(comment, i, "noqa")) continue;
    i += 4;
    if (i < comment.size() && std::isalnum(static_cast<unsigned char>(comment[i]))) continue;  // `noqatest`
    while (i < comment.size() && is_blank(comment[i])) ++i;
    if (i >= comment.size() || comment[i] != ':') return {true, std::nullopt};
    ++i;
    std::optional<std::size_t> end;
    for (;;) {
      while (i < comment.size() && is_blank(comment[i])) ++i;
      const std::size_t start = i;
      while (i < comment.size() && is_code_char(comment[i])) ++i;
      if (i == start) break;
      end = i;
      while (i < comment.size() && is_blank(comment[i])) ++i;
      if (i < comment.size() && comment[i] == ',') ++i;
    }
    return {true, end};
  }
  return {};
}

bool intersects(LspRange a, LspRange b) { return a.start <= b.end && b.start <= a.end; }

nlohmann::json text_edit(const SourceFile& file, const Edit& edit, PositionEncoding encoding) {
  return {{"range", to_json(range_at(file, edit.begin, edit.end, encoding))}, {"newText", edit.content}};
}

nlohmann::json quickfix(std::string title, std::string_view uri, nlohmann::json edits, const nlohmann::json& diagnostic) {
  nlohmann::json changes = nlohmann::json::object();
  changes[std::string(uri)] = std::move(edits);
  return {{"title", std::move(title)},
          {"kind", "quickfix"},
          {"diagnostics", nlohmann::json::array({diagnostic})},
          {"edit", {{"changes", std::move(changes)}}}};
}

}  // namespace

std::optional<Edit> noqa_edit(const SourceFile& file, const TSTree* tree, std::uint32_t line, std::string_view code) {
  if (tree == nullptr || line == 0 || line > file.line_count()) return std::nullopt;
  const std::string_view text = file.text();
  const std::uint32_t line_start = file.line_start_of(line);
  const std::uint32_t line_end = file.line_end_of(line);
  std::uint32_t content_end = line_end;
  while (content_end > line_start && is_blank(text[content_end - 1])) --content_end;
  if (content_end == line_start) return std::nullopt;  // a blank line: nothing there to suppress

  const Symbols& sym = Symbols::python();
  const TSNode last = ts_node_descendant_for_byte_range(ts_tree_root_node(tree), content_end - 1, content_end);
  // Only a string holds a raw line break: one that goes on past this line would swallow the comment.
  for (TSNode n = last; !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (ts_node_symbol(n) == sym.string && ts_node_end_byte(n) > line_end) return std::nullopt;
  }
  const bool in_comment = ts_node_symbol(last) == sym.comment;
  if (!in_comment && text[content_end - 1] == '\\') return std::nullopt;  // continuation: a comment would end it
  if (in_comment) {
    const std::uint32_t comment_start = ts_node_start_byte(last);
    const NoqaScan scan = scan_noqa(text.substr(comment_start, content_end - comment_start));
    if (scan.found) {
      if (!scan.codes_end) return std::nullopt;
      const auto at = comment_start + static_cast<std::uint32_t>(*scan.codes_end);
      return Edit{at, at, ", " + std::string(code)};
    }
  }
  return Edit{content_end, line_end, "  # noqa: " + std::string(code)};
}

nlohmann::json code_actions(std::string_view uri, const SourceFile& file, const TSTree* tree,
                            const std::vector<Diagnostic>& diagnostics, LspRange range, PositionEncoding encoding) {
  nlohmann::json fixes = nlohmann::json::array(), ignores = nlohmann::json::array();
  std::set<std::pair<std::uint32_t, std::string_view>> ignored;  // one "Ignore" per line and code
  for (const Diagnostic& d : diagnostics) {
    if (!intersects(range_at(file, d.begin, d.end, encoding), range)) continue;
    const nlohmann::json diagnostic = to_lsp(d, file, encoding);
    if (d.fix && !d.fix->edits.empty()) {
      nlohmann::json edits = nlohmann::json::array();
      for (const Edit& e : d.fix->edits) edits.push_back(text_edit(file, e, encoding));
      nlohmann::json action = quickfix(d.fix->title, uri, std::move(edits), diagnostic);
      action["isPreferred"] = d.fix->applicability == Applicability::Safe;
      fixes.push_back(std::move(action));
    }
    // A # noqa cannot silence PF001 (syntax error) or PF002 (unreadable file): lint() never applies it to them.
    const std::string_view code = d.rule->code;
    if (code == "PF001" || code == "PF002") continue;
    const std::uint32_t line = file.line_of(d.begin);
    if (!ignored.emplace(line, code).second) continue;
    if (const auto edit = noqa_edit(file, tree, line, code)) {
      ignores.push_back(quickfix("Ignore " + std::string(code) + " on this line", uri,
                                 nlohmann::json::array({text_edit(file, *edit, encoding)}), diagnostic));
    }
  }
  for (auto& action : ignores) fixes.push_back(std::move(action));
  return fixes;
}

}  // namespace pyflags::lsp
