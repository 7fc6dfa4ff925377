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

  auto ignored = [&](const RuleInfo& rule) {
    return options.ignore != nullptr && std::any_of(options.ignore->begin(), options.ignore->end(),
                                                    [&](const std::string& s) { return selector_matches(s, rule); });
  };
  // Per-file ignores first: a diagnostic they drop never reaches `# noqa`, so a noqa meant for it is unused.
  if (options.ignore != nullptr && !options.ignore->empty()) {
    std::erase_if(diagnostics, [&](const Diagnostic& d) { return ignored(*d.rule); });
  }
  // PF003 needs every noqa comment even in a clean file; it judges nothing in a file that does not parse
  // (other rules stay quiet in a broken region, so what a noqa there suppresses is unknown).
  const RuleInfo* unused_noqa = options.apply_noqa ? options.dispatch->unused_noqa_rule() : nullptr;
  if (unused_noqa != nullptr && (ts_node_has_error(ts_tree_root_node(tree.get())) || ignored(*unused_noqa))) {
    unused_noqa = nullptr;
  }
  if (options.apply_noqa && (!diagnostics.empty() || unused_noqa != nullptr)) {
    Suppressions suppressions;
    for (const TSNode comment : linter.walk.comments) {
      const std::uint32_t begin = ts_node_start_byte(comment), end = ts_node_end_byte(comment);
      if (auto noqa = parse_noqa(file.slice(begin, end))) suppressions.add(file.line_of(begin), std::move(*noqa), begin, end - begin);
    }
    // suppress() also records which directive (and code) was used, for PF003.
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      return d.rule->code != "PF001" && suppressions.suppress(file.line_of(d.begin), *d.rule);
    });
    // A line's own `# noqa` never silences PF003 (a blanket one could never be reported otherwise); the
    // file-level `# pyflags: noqa` does, and naming PF003 in a directive exempts that directive.
    if (unused_noqa != nullptr && !suppressions.file_suppresses(*unused_noqa)) {
      const auto enabled = options.dispatch->enabled();
      const auto findings = find_unused_noqa(suppressions, [&](const RuleInfo& rule) {
        return std::any_of(enabled.begin(), enabled.end(), [&](const Rule* r) { return &r->info == &rule; });
      });
      for (Diagnostic& d : unused_noqa_diagnostics(file, findings, *unused_noqa)) diagnostics.push_back(std::move(d));
    }
  }
  sort_diagnostics(diagnostics);
  if (tree_out != nullptr) *tree_out = std::move(tree);
  return diagnostics;
}

}  // namespace pyflags
