// One open document: its current text (as a SourceFile, so the line index serves both position
// conversion and linting), its version, and its syntax tree kept up to date with ts_tree_edit so the
// next parse can be incremental.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "linter/lsp/positions.h"
#include "linter/source.h"
#include "linter/syntax.h"

namespace pyflags::lsp {

// One entry of didChange's contentChanges: a range replacement, or the whole text when `range` is empty.
struct TextChange {
  std::optional<LspRange> range;
  std::string_view text;
};

class Document {
 public:
  Document(std::string path, std::string text, std::int64_t version);

  const SourceFile& file() const { return file_; }
  std::int64_t version() const { return version_; }
  void set_version(std::int64_t version) { version_ = version; }

  // Applies one change (positions clamped to the text). A range change edits the kept tree so that it
  // still matches the text; a whole-text change drops it (the next parse starts afresh).
  void apply(const TextChange& change, PositionEncoding encoding);

  // The tree of the last parse, edited by every change since; null before the first parse. lint()
  // reads it as the old tree and replaces it with the new one.
  std::unique_ptr<TSTree, TreeDeleter>& tree() { return tree_; }
  const TSTree* tree() const { return tree_.get(); }

 private:
  SourceFile file_;
  std::int64_t version_;
  std::unique_ptr<TSTree, TreeDeleter> tree_;
};

}  // namespace pyflags::lsp
