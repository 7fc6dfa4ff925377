// Applying fixes: non-overlapping edits per round, re-lint, repeat (ruff's fix loop).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/rule.h"

namespace pyflags {

// Applies edits (sorted or not; they must not overlap) to `text`.
std::string apply_edits(std::string_view text, std::vector<Edit> edits);

// Chooses the fixes of one round: in diagnostic order, skipping any fix whose edits overlap (or touch)
// an edit already accepted. Returns the accepted edits and the indices of the diagnostics fixed.
struct FixRound {
  std::vector<Edit> edits;
  std::vector<std::size_t> fixed;
};
FixRound choose_fixes(const std::vector<Diagnostic>& diagnostics, bool unsafe);

struct FixOutcome {
  std::string text;
  int rounds = 0;                   // rounds that changed the text
  std::vector<const RuleInfo*> applied;  // one entry per applied fix
  std::vector<std::string> warnings;    // e.g. a round discarded because it broke the syntax
};

// Lints `text` with `lint_text`, applies fixes, re-lints, until nothing changes or 10 rounds.
// A round that leaves more PF001 diagnostics than before is discarded and the loop stops.
FixOutcome fix_until_stable(std::string text, bool unsafe,
                            const std::function<std::vector<Diagnostic>(std::string_view)>& lint_text,
                            const std::function<int(std::string_view)>& count_syntax_errors);

}  // namespace pyflags
