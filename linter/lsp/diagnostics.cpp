#include "linter/lsp/diagnostics.h"

#include <algorithm>
#include <array>

#include "linter/output/output.h"

namespace pyflags::lsp {
namespace {

constexpr int kTagUnnecessary = 1;

// Rules that flag code which does nothing and can go: editors fade it (DiagnosticTag.Unnecessary).
// PF207 flags a redundant `.keys()` call; PF003 an unused `# noqa`. No rule flags a deprecated API yet,
// so DiagnosticTag.Deprecated (2) is never set.
constexpr std::array<std::string_view, 2> kUnnecessaryCodes = {"PF003", "PF207"};

}  // namespace


int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 2;
}

nlohmann::json to_json(LspPosition position) { return {{"line", position.line}, {"character", position.character}}; }

nlohmann::json to_json(LspRange range) { return {{"start", to_json(range.start)}, {"end", to_json(range.end)}}; }

nlohmann::json to_lsp(const Diagnostic& d, const SourceFile& file, PositionEncoding encoding) {
  const std::string_view code = d.rule->code;
  nlohmann::json out = {
      {"range", to_json(range_at(file, d.begin, d.end, encoding))},
      {"severity", lsp_severity(d.rule->severity)},
      {"code", code},
      {"codeDescription", {{"href", output::rule_url(*d.rule)}}},
      {"source", "pyflags"},
      {"message", d.message},
      // What a client may show or hand back: the rule's name and the fix on offer. codeAction itself
      // recomputes the diagnostics from the stored document rather than trusting this.
      {"data",
       {{"name", d.rule->name},
        {"fix", d.fix ? nlohmann::json{{"title", d.fix->title},
                                       {"applicability", d.fix->applicability == Applicability::Safe ? "safe" : "unsafe"}}
                      : nlohmann::json(nullptr)}}},
  };
  if (std::find(kUnnecessaryCodes.begin(), kUnnecessaryCodes.end(), code) != kUnnecessaryCodes.end()) {
    out["tags"] = {kTagUnnecessary};
  }
  return out;
}

nlohmann::json to_lsp(const std::vector<Diagnostic>& diagnostics, const SourceFile& file, PositionEncoding encoding) {
  nlohmann::json out = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) out.push_back(to_lsp(d, file, encoding));
  return out;
}

}  // namespace pyflags::lsp
