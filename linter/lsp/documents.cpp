#include "linter/lsp/documents.h"

#include <utility>

namespace pyflags::lsp {

Document::Document(std::string path, std::string text, std::int64_t version)
    : file_(std::move(path), std::move(text)), version_(version) {}

void Document::apply(const TextChange& change, PositionEncoding encoding) {
  if (!change.range) {
    file_ = SourceFile(file_.path(), std::string(change.text));
    tree_.reset();
    return;
  }
  const std::string_view old_text = file_.text();
  std::uint32_t start = offset_at(file_, change.range->start, encoding);
  std::uint32_t end = offset_at(file_, change.range->end, encoding);
  if (end < start) std::swap(start, end);  // a reversed range from a confused client: still its span

  TSInputEdit edit{};
  edit.start_byte = start;
  edit.old_end_byte = end;
  edit.new_end_byte = start + static_cast<std::uint32_t>(change.text.size());
  edit.start_point = ts_point_at(old_text, start);
  edit.old_end_point = ts_point_after(edit.start_point, old_text.substr(start, end - start));
  edit.new_end_point = ts_point_after(edit.start_point, change.text);

  std::string text;
  text.reserve(old_text.size() - (end - start) + change.text.size());
  text.append(old_text.substr(0, start)).append(change.text).append(old_text.substr(end));
  file_ = SourceFile(file_.path(), std::move(text));
  if (tree_) ts_tree_edit(tree_.get(), &edit);
}

}  // namespace pyflags::lsp
