// Output formats. Each writes the sorted messages of one run.
#pragma once

#include <ostream>
#include <string>
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
// SARIF 2.1.0: one run, the full rules[] of the registry, results with fingerprints and fixes.
// `unreadable`: "path: reason" for files that could not be linted (tool execution notifications).
void write_sarif(std::ostream& out, const std::vector<Message>& messages, const std::vector<std::string>& unreadable);
// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
void write_github(std::ostream& out, const std::vector<Message>& messages);
// `--statistics`: one line per rule, most frequent first: `count<TAB>code<TAB>[*] name` (`[*]`: some
// diagnostic has a safe fix); with `as_json`, an array of {code, name, count, fixable}.
void write_statistics(std::ostream& out, const std::vector<Message>& messages, bool as_json);
// GitLab Code Quality JSON: description, check_name, fingerprint, severity, location.path + positions.
void write_gitlab(std::ostream& out, const std::vector<Message>& messages);
// One stable identity per message, in order: hash of rule, path and the whitespace-free source line,
// plus the occurrence of that hash in the file (`0123456789abcdef:1`). Unchanged when lines are
// inserted above; SARIF partialFingerprints and GitLab fingerprints.
std::vector<std::string> line_fingerprints(const std::vector<Message>& messages);
// Every value `--format` / `output-format` accepts.
inline constexpr std::string_view kFormats[] = {"text", "concise", "json", "sarif", "github", "gitlab"};

// The documentation URL of a rule (JSON `url`, SARIF `helpUri`, LSP `codeDescription.href`).
std::string rule_url(const RuleInfo& rule);

// A rule's documentation as Markdown, headed at `heading_level` (`#` = 1).
std::string rule_markdown(const RuleInfo& rule, int heading_level = 1);
// docs/rules.md: an index table and every rule's documentation.
std::string rules_markdown();

// One line summary for the text formats: "Found 3 errors." / "All checks passed!"
// With `fixed` > 0: "Found 5 errors (3 fixed, 2 remaining)."
void write_summary(std::ostream& out, const std::vector<Message>& messages, bool show_fix_hint, std::size_t fixed = 0);

}  // namespace pyflags::output
