// `# noqa` comments: `# noqa` (everything on the line), `# noqa: PF101,PF102`, and the file-level
// `# pyflags: noqa` / `# pyflags: noqa: PF101`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/rule.h"

namespace pyflags {

struct Noqa {
  bool all = false;                 // no code list: every diagnostic
  std::vector<std::string> codes;   // selectors as written (codes or names)
  bool file_level = false;          // `# pyflags: noqa`
};

// Parses one comment's text (starting at '#'); nullopt when it holds no noqa directive.
std::optional<Noqa> parse_noqa(std::string_view comment);

class Suppressions {
 public:
  void clear() { lines_.clear(); file_.reset(); }
  void add(std::uint32_t line, Noqa noqa);
  bool suppresses(std::uint32_t line, const RuleInfo& rule) const;
 private:
  std::vector<std::pair<std::uint32_t, Noqa>> lines_;
  std::optional<Noqa> file_;
};

}  // namespace pyflags
