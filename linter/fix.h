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
// `blocked` holds fix_key()s of fixes known to break the file; they are never chosen.
FixRound choose_fixes(const std::vector<Diagnostic>& diagnostics, bool unsafe,
                      const std::vector<std::string>& blocked = {}, std::string_view text = {});
// Identifies a fix independently of where earlier rounds moved it: rule, replaced text, new text.
std::string fix_key(const Diagnostic& d, std::string_view text);

struct FixOutcome {
  std::string text;
  int rounds = 0;                   // rounds that changed the text
  std::vector<const RuleInfo*> applied;  // one entry per applied fix
  std::vector<std::string> warnings;    // e.g. a round discarded because it broke the syntax
};

// Lints `text` with `lint_text`, applies fixes, re-lints, until nothing changes or 10 rounds.
// A round that leaves more syntax errors than before is discarded; the fixes in it that break the file
// on their own are named in a warning and never tried again, and the loop goes on without them.
FixOutcome fix_until_stable(std::string text, bool unsafe,
                            const std::function<std::vector<Diagnostic>(std::string_view)>& lint_text,
                            const std::function<int(std::string_view)>& count_syntax_errors);

}  // namespace pyflags

namespace pyflags {

// Replaces `path`'s content with `text` atomically: a temporary file in the same directory, flushed
// to disk, given the original's permissions, renamed over the original. Refuses (returns false with
// `error` set) when the file on disk no longer holds `expected` (it changed since it was read).
bool write_atomically(const std::string& path, std::string_view expected, std::string_view text, std::string& error);

}  // namespace pyflags
