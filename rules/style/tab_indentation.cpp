// PF902 tab-indentation: a tab in a line's indentation.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF902",
    .name = "tab-indentation",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Indentation contains a tab",
    .rationale = R"(In Python indentation is syntax: it decides which block a statement belongs to. A tab has no
fixed width (editors show it as 2, 4 or 8 columns), so tab-indented code looks different in every tool,
and a file that mixes tabs and spaces can look right while meaning something else, or fail with
`TabError`. PEP 8 settles it: indent with 4 spaces, never tabs, which is what virtually all Python code
and formatters use. Tabs after the first non-blank character (alignment, comments) and lines inside
multi-line strings are not reported. The fix, offered only when every statement line is indented with
tabs alone, turns each leading tab into four spaces, which keeps the block structure unchanged.)",
    .bad = R"(def greet(name):
	return f"Hello, {name}"
)",
    .good = R"(def greet(name):
    return f"Hello, {name}"
)",
    .seed = "§11 \"PEP 8\" — \"Using tabs.\"; \"Indentation: 4 spaces (never tabs).\"",
    .fix_applicability = Applicability::Safe,
};

// Message: "Indentation contains a tab; indent with 4 spaces (PEP 8)"
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Whether the line starting at `offset` lies inside a string literal (opened on an earlier line).
bool inside_string(const Context& ctx, TSNode module, std::uint32_t offset) {
  for (TSNode n = ts_node_descendant_for_byte_range(module, offset, offset + 1); !ts_node_is_null(n);
       n = parent_of(n)) {
    if (is(n, ctx.sym.string) && ts_node_start_byte(n) < offset) return true;
    if (is(n, ctx.sym.block) || is(n, ctx.sym.module)) return false;
  }
  return false;
}

// Whether a statement (or a clause / decorator, whose indentation also matters) starts at `offset`.
bool starts_statement(const Context& ctx, TSNode module, std::uint32_t offset) {
  const Symbols& s = ctx.sym;
  for (TSNode n = ts_node_descendant_for_byte_range(module, offset, offset + 1);
       !ts_node_is_null(n) && ts_node_start_byte(n) == offset; n = parent_of(n)) {
    if (is(n, s.comment)) return false;
    const TSSymbol k = ts_node_symbol(n);
    if (k == s.elif_clause || k == s.else_clause || k == s.except_clause || k == s.finally_clause ||
        k == s.case_clause || k == s.decorator) {
      return true;
    }
    const TSNode parent = parent_of(n);
    if (is(parent, s.block) || is(parent, s.module)) return true;
  }
  return false;
}

// Calls `visit(line_start, indent_length, has_tab, has_space)` for every non-blank line outside strings.
template <typename Visit>
void for_each_indented_line(const Context& ctx, TSNode module, Visit visit) {
  const SourceFile& file = ctx.file;
  const std::string_view text = file.text();
  for (std::uint32_t line = 1; line <= file.line_count(); ++line) {
    const std::uint32_t start = file.line_start_of(line), end = file.line_end_of(line);
    std::uint32_t i = start;
    bool tab = false, space = false;
    for (; i < end && is_blank(text[i]); ++i) {
      tab = tab || text[i] == '\t';
      space = space || text[i] == ' ';
    }
    if (i == end || i == start || (text[i] == '\r' && i + 1 == end)) continue;  // blank, or not indented
    if (!tab && !space) continue;
    if (inside_string(ctx, module, start)) continue;
    visit(start, i - start, tab, space);
  }
}

// Called once per file, for the module.
void check(TSNode module, const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  if (text.find('\t') == std::string_view::npos) return;
  // The fix is offered only when no statement line is indented with spaces: then the block structure
  // is all tabs, and replacing each tab by four spaces cannot change it.
  bool any_tab = false, fixable = true;
  for_each_indented_line(ctx, module, [&](std::uint32_t start, std::uint32_t length, bool tab, bool space) {
    any_tab = any_tab || tab;
    if (space && fixable && starts_statement(ctx, module, start + length)) fixable = false;
  });
  if (!any_tab) return;
  for_each_indented_line(ctx, module, [&](std::uint32_t start, std::uint32_t length, bool tab, bool) {
    if (!tab) return;
    std::optional<Fix> fix;
    if (fixable) {
      std::string spaces;
      for (char c : text.substr(start, length)) {
        if (c == '\t') {
          spaces.append("    ");
        } else {
          spaces.push_back(c);
        }
      }
      fix = Fix{.applicability = Applicability::Safe,
                .title = "Indent with 4 spaces per tab",
                .edits = {{start, start + length, std::move(spaces)}}};
    }
    out.report_range(start, start + length, "Indentation contains a tab; indent with 4 spaces (PEP 8)", std::move(fix));
  });
}

constexpr SymbolRef kKinds[] = {&Symbols::module};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
