// Linting one file in memory: encoding checks, parse, walk, noqa. Used by the CLI runner, the fix
// loop, the fixture runner and the language server alike.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/rule.h"
#include "linter/source.h"
#include "linter/walker.h"

namespace pyflags {

struct LintOptions {
  const Dispatch* dispatch = nullptr;
  int target_minor = 10;
  bool apply_noqa = true;
  const std::vector<std::string>* ignore = nullptr;  // per-file-ignores selectors for this file
};

// Per-thread tools, reused from file to file.
struct Linter {
  Parser parser;
  WalkState walk;
};

// The file's diagnostics in source order (by begin offset, then code). `tree`, when given, receives the
// parse tree (the language server keeps it for incremental re-parsing).
std::vector<Diagnostic> lint(const SourceFile& file, Linter& linter, const LintOptions& options,
                             std::unique_ptr<TSTree, TreeDeleter>* tree = nullptr, const TSTree* old_tree = nullptr);

// Orders diagnostics by position, then code, then message (deterministic output).
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace pyflags
