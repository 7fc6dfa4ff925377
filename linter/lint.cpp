#include "linter/lint.h"

#include <algorithm>

#include "linter/registry.h"
#include "linter/suppress.h"

namespace pyflags {

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.rule->code != b.rule->code) return a.rule->code < b.rule->code;
    if (a.end != b.end) return a.end < b.end;
    return a.message < b.message;
  });
}

std::vector<Diagnostic> lint(const SourceFile& file, Linter& linter, const LintOptions& options,
                             std::unique_ptr<TSTree, TreeDeleter>* tree_out, const TSTree* old_tree) {
  std::vector<Diagnostic> diagnostics;
  if (const auto problem = file.encoding_problem()) {
    if (options.dispatch->io_error_rule() != nullptr) {
      diagnostics.push_back(Diagnostic{options.dispatch->io_error_rule(), 0, 0, *problem, std::nullopt, {}, UINT32_MAX});
    }
    return diagnostics;
  }
  std::unique_ptr<TSTree, TreeDeleter> tree(linter.parser.parse(file.text(), old_tree));
  if (!tree) return diagnostics;
  walk(tree.get(), file, *options.dispatch, linter.walk, options.target_minor, diagnostics);

  if (options.apply_noqa && !diagnostics.empty()) {
    Suppressions suppressions;
    for (const TSNode comment : linter.walk.comments) {
      const std::string_view text = file.slice(ts_node_start_byte(comment), ts_node_end_byte(comment));
      if (auto noqa = parse_noqa(text)) suppressions.add(file.line_of(ts_node_start_byte(comment)), std::move(*noqa));
    }
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      return d.rule->code != "PF001" && suppressions.suppresses(file.line_of(d.begin), *d.rule);
    });
  }
  if (options.ignore != nullptr && !options.ignore->empty()) {
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      return std::any_of(options.ignore->begin(), options.ignore->end(),
                         [&](const std::string& s) { return selector_matches(s, *d.rule); });
    });
  }
  sort_diagnostics(diagnostics);
  if (tree_out != nullptr) *tree_out = std::move(tree);
  return diagnostics;
}

}  // namespace pyflags
