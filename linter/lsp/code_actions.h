// Quick fixes for the diagnostics under a range: each diagnostic's own fix, and "Ignore PFxxx on this
// line" (a `# noqa` comment).
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "linter/lsp/positions.h"
#include "linter/rule.h"
#include "linter/source.h"

namespace pyflags::lsp {

// The edit that makes the `# noqa` of `line` (1-based) cover `code`: `, CODE` after the codes of a
// `# noqa: ...` comment already on the line, else `  # noqa: CODE` at the line's end (replacing trailing
// blanks). nullopt where a comment cannot go (the line ends inside a multi-line string or with a
// backslash continuation) or when the line's bare `# noqa` already covers everything.
std::optional<Edit> noqa_edit(const SourceFile& file, const TSTree* tree, std::uint32_t line, std::string_view code);

// CodeAction[] for the diagnostics whose range touches `range`. `diagnostics` and `tree` are the
// server's own, from the last lint of `file`.
nlohmann::json code_actions(std::string_view uri, const SourceFile& file, const TSTree* tree,
                            const std::vector<Diagnostic>& diagnostics, LspRange range, PositionEncoding encoding);

}  // namespace pyflags::lsp
