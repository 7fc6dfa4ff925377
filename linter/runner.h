// Linting many files on a pool of threads (one parser each); results in a deterministic order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "linter/lint.h"
#include "linter/settings.h"
#include "linter/rule.h"

namespace pyflags {

struct Location {
  std::uint32_t row = 1, column = 1;  // 1-based; column in code points
};

struct ResolvedEdit {
  std::string content;
  Location location, end_location;
};

struct ResolvedFix {
  Applicability applicability;
  std::string title;
  std::vector<ResolvedEdit> edits;
};

// A diagnostic ready for any output format: positions resolved, the source line kept for display.
struct Message {
  const RuleInfo* rule = nullptr;
  std::string filename;
  Location location, end_location;
  std::string text;
  std::optional<ResolvedFix> fix;
  std::uint32_t noqa_row = 1;
  std::string source_line;  // the line of `location`, for the text format
};

Message resolve_message(const SourceFile& file, const Diagnostic& d);

enum class FixMode : std::uint8_t {
  None,   // report only
  Apply,  // --fix: rewrite files (stdin: print the fixed source), then report what remains
  Diff,   // --diff: compute what --fix would do, change nothing
};

class ResultCache;

struct RunOptions {
  std::vector<LintOptions> per_file;  // one per file, in the order of the file list
  std::vector<FileSetup> keep_alive;  // owns what per_file points to
  // The result cache, or null. Read only when not fixing; written after every lint of a file on disk
  // (after a fix, with the fixed text); never used for stdin.
  ResultCache* cache = nullptr;
  std::vector<std::string> fingerprints;  // with `cache`: FileSetup::fingerprint() of each file
  unsigned threads = 0;  // 0: every core
  FixMode fix = FixMode::None;
  bool unsafe_fixes = false;
};

struct FileFixes {
  std::string filename;
  std::vector<const RuleInfo*> applied;  // one entry per applied (Apply) or applicable (Diff) fix
  std::string diff;                      // Diff mode: the unified diff
  std::string fixed_stdin;               // Apply mode on stdin: the fixed source
};

struct RunResult {
  std::vector<Message> messages;  // sorted by (filename, row, column, code)
  std::vector<std::string> unreadable;  // files reported with PF002 because they could not be read
  std::vector<FileFixes> fixes;   // files with fixes, in file order
  std::vector<std::string> warnings;  // "path: ..." lines for stderr
  std::size_t files = 0;
};

// Lints `files` (a path of "-" reads standard input, reported as `stdin_name`).
RunResult run(const std::vector<std::string>& files, const RunOptions& options, const std::string& stdin_name = "-");

// Reads a whole file; nullopt with `error` set when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::string& error);

}  // namespace pyflags
