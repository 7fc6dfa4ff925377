// Output formats. Each writes the sorted messages of one run.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "linter/runner.h"

namespace pyflags::output {

// `path:line:col: CODE message`, then the source line with a caret span (colour when `color`).
void write_text(std::ostream& out, const std::vector<Message>& messages, bool color, bool show_fix_hint,
                std::size_t fixed = 0);
// `path:line:col: CODE message` only.
void write_concise(std::ostream& out, const std::vector<Message>& messages, bool color);
// An array of ruff-compatible objects, plus `name` and `severity`.
void write_json(std::ostream& out, const std::vector<Message>& messages);
// One line summary for the text formats: "Found 3 errors." / "All checks passed!"
// With `fixed` > 0: "Found 5 errors (3 fixed, 2 remaining)."
void write_summary(std::ostream& out, const std::vector<Message>& messages, bool show_fix_hint, std::size_t fixed = 0);

}  // namespace pyflags::output
