// Output formats. Each writes the sorted messages of one run.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "linter/runner.h"

namespace pyflags::output {

// `path:line:col: CODE message`, then the source line with a caret span (colour when `color`).
void write_text(std::ostream& out, const std::vector<Message>& messages, bool color, bool show_fix_hint);
// `path:line:col: CODE message` only.
void write_concise(std::ostream& out, const std::vector<Message>& messages, bool color);
// An array of ruff-compatible objects, plus `name` and `severity`.
void write_json(std::ostream& out, const std::vector<Message>& messages);
// One line summary for the text formats: "Found 3 errors." / "All checks passed!"
void write_summary(std::ostream& out, const std::vector<Message>& messages, bool show_fix_hint);

}  // namespace pyflags::output
