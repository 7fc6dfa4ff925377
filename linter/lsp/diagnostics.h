// pyflags diagnostics as LSP Diagnostic objects.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "linter/lsp/positions.h"
#include "linter/rule.h"
#include "linter/source.h"

namespace pyflags::lsp {


int lsp_severity(Severity severity);  // Error 1, Warning 2, Information 3

nlohmann::json to_lsp(const Diagnostic& diagnostic, const SourceFile& file, PositionEncoding encoding);
nlohmann::json to_lsp(const std::vector<Diagnostic>& diagnostics, const SourceFile& file, PositionEncoding encoding);

nlohmann::json to_json(LspRange range);
nlohmann::json to_json(LspPosition position);

}  // namespace pyflags::lsp
