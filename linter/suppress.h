// `# noqa` comments: `# noqa` (everything on the line), `# noqa: PF101,PF102`, and the file-level
// `# pyflags: noqa` / `# pyflags: noqa: PF101`. Also the bookkeeping PF003 (unused-noqa) needs: which
// line directive, and which of its codes, suppressed something.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linter/rule.h"
#include "linter/source.h"

namespace pyflags {

struct Noqa {
  bool all = false;                 // no code list: every diagnostic
  std::vector<std::string> codes;   // selectors as written (codes or names)
  bool file_level = false;          // `# pyflags: noqa`
  // Byte offsets into the parsed comment text. The directive runs from its `#` to the end of its last
  // code (or of the colon, or of `noqa`); `spans[i]` is where `codes[i]` is written.
  std::uint32_t begin = 0, end = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
};

// Parses one comment's text (starting at '#'); nullopt when it holds no noqa directive.
std::optional<Noqa> parse_noqa(std::string_view comment);

class Suppressions {
 public:
  // A line-level directive and what it has suppressed so far.
  struct Directive {
    std::uint32_t line = 0;
    std::uint32_t offset = 0;      // where the comment starts in the file; Noqa's offsets are relative to it
    std::uint32_t comment_end = 0;  // where it ends (relative, like Noqa's offsets)
    Noqa noqa;
    bool used = false;             // it suppressed at least one diagnostic
    std::vector<bool> code_used;   // per noqa.codes[i]: it was the code that suppressed one
  };

  void clear() { lines_.clear(); file_.reset(); }
  // `offset` / `comment_end`: the comment's byte range in the file (only PF003 needs them).
  void add(std::uint32_t line, Noqa noqa, std::uint32_t offset = 0, std::uint32_t comment_end = 0);
  bool suppresses(std::uint32_t line, const RuleInfo& rule) const;
  // Like suppresses(), and records the use: a diagnostic the file-level directive covers marks nothing;
  // otherwise the line's directive is used and, in a code list, the first code naming the rule.
  bool suppress(std::uint32_t line, const RuleInfo& rule);
  bool file_suppresses(const RuleInfo& rule) const;
  const std::vector<Directive>& directives() const { return lines_; }

 private:
  struct Match {
    std::size_t directive;              // index into lines_
    std::optional<std::size_t> code;    // the code that names the rule; none for a blanket `# noqa`
  };
  // The line directive that suppresses `rule` on `line` (the first code naming it), if any.
  std::optional<Match> match(std::uint32_t line, const RuleInfo& rule) const;

  std::vector<Directive> lines_;
  std::optional<Noqa> file_;
};

// PF003's verdict on one line directive that has something to remove.
struct UnusedNoqa {
  const Suppressions::Directive* directive = nullptr;
  // Indices into directive->noqa.codes: codes and names of enabled rules that suppressed nothing;
  // repeats of a rule already listed; `PF1`-style prefixes (noqa matches whole codes and names only).
  std::vector<std::size_t> unused, duplicated, prefixes;
  bool whole = false;  // nothing in the directive is worth keeping (a blanket `# noqa`, or every code)
};

// The line directives with something unused, in file order, after every diagnostic went through
// Suppressions::suppress(). `enabled` tells whether a rule runs on this file: codes of rules that do
// not are never reported (another configuration may enable them), nor are codes pyflags does not know
// (other linters share the syntax). A directive that names PF003 (or `unused-noqa`) is never reported.
std::vector<UnusedNoqa> find_unused_noqa(const Suppressions& suppressions,
                                         const std::function<bool(const RuleInfo&)>& enabled);

// PF003's diagnostics (message, range of the directive, safe fix) for `find_unused_noqa`'s findings.
std::vector<Diagnostic> unused_noqa_diagnostics(const SourceFile& file, const std::vector<UnusedNoqa>& findings,
                                                const RuleInfo& rule);

}  // namespace pyflags
