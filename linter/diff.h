// Unified diffs of whole files (what `--diff` prints), line-based with Myers' algorithm.
#pragma once

#include <string>
#include <string_view>

namespace pyflags {

// A unified diff from `before` to `after` with 3 lines of context, headed `--- a_name` / `+++ b_name`.
// Empty when the texts are equal. Lines keep their own endings; a last line without one gets the
// "\ No newline at end of file" marker, as diff(1) writes it, so `patch` reproduces `after` exactly.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view a_name,
                         std::string_view b_name, int context = 3);

}  // namespace pyflags
