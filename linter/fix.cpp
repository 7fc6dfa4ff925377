#include "linter/fix.h"

#include <algorithm>

#include "linter/text.h"

namespace pyflags {

std::string apply_edits(std::string_view text, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  out.reserve(text.size());
  std::uint32_t at = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(at, e.begin - at));
    out.append(e.content);
    at = std::max(at, e.end);
  }
  out.append(text.substr(at));
  return out;
}

FixRound choose_fixes(const std::vector<Diagnostic>& diagnostics, bool unsafe) {
  FixRound round;
  auto overlaps = [&](const Edit& e) {
    return std::any_of(round.edits.begin(), round.edits.end(), [&](const Edit& a) {
      return e.begin <= a.end && a.begin <= e.end;  // touching counts
    });
  };
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& fix = diagnostics[i].fix;
    if (!fix || fix->edits.empty()) continue;
    if (fix->applicability == Applicability::Unsafe && !unsafe) continue;
    if (std::any_of(fix->edits.begin(), fix->edits.end(), overlaps)) continue;
    round.edits.insert(round.edits.end(), fix->edits.begin(), fix->edits.end());
    round.fixed.push_back(i);
  }
  return round;
}

FixOutcome fix_until_stable(std::string text, bool unsafe,
                            const std::function<std::vector<Diagnostic>(std::string_view)>& lint_text,
                            const std::function<int(std::string_view)>& count_syntax_errors) {
  FixOutcome outcome;
  int syntax_errors = count_syntax_errors(text);
  for (int round = 0; round < 10; ++round) {
    const std::vector<Diagnostic> diagnostics = lint_text(text);
    const FixRound chosen = choose_fixes(diagnostics, unsafe);
    if (chosen.edits.empty()) break;
    std::string next = apply_edits(text, chosen.edits);
    if (next == text) break;
    const int errors = count_syntax_errors(next);
    if (errors > syntax_errors) {
      std::string rules;
      for (const std::size_t i : chosen.fixed) rules += cat(rules.empty() ? "" : ", ", diagnostics[i].rule->code);
      outcome.warnings.push_back(cat("a fix round by ", rules, " would introduce a syntax error; it was not applied"));
      break;
    }
    syntax_errors = errors;
    for (const std::size_t i : chosen.fixed) outcome.applied.push_back(diagnostics[i].rule);
    text = std::move(next);
    ++outcome.rounds;
  }
  outcome.text = std::move(text);
  return outcome;
}

}  // namespace pyflags
