#include "linter/lsp/positions.h"

#include <algorithm>

namespace pyflags::lsp {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Code units a character needs, from its first byte: 4-byte UTF-8 sequences are surrogate pairs.
std::uint32_t utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }

}  // namespace

std::uint32_t encoded_length(std::string_view text, PositionEncoding encoding) {
  if (encoding == PositionEncoding::Utf8) return static_cast<std::uint32_t>(text.size());
  std::uint32_t units = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (!is_continuation(byte)) units += utf16_units(byte);
  }
  return units;
}

std::uint32_t offset_at(const SourceFile& file, LspPosition position, PositionEncoding encoding) {
  const std::string_view text = file.text();
  if (position.line >= file.line_count()) return static_cast<std::uint32_t>(text.size());
  const std::uint32_t start = file.line_start_of(position.line + 1);
  const std::uint32_t end = file.line_end_of(position.line + 1);
  if (encoding == PositionEncoding::Utf8) {
    std::uint32_t at = start + std::min(position.character, end - start);
    while (at > start && at < end && is_continuation(static_cast<unsigned char>(text[at]))) --at;
    return at;
  }
  std::uint32_t at = start, units = 0;
  while (at < end) {
    const std::uint32_t width = utf16_units(static_cast<unsigned char>(text[at]));
    if (units + width > position.character) break;
    units += width;
    ++at;
    while (at < end && is_continuation(static_cast<unsigned char>(text[at]))) ++at;
  }
  return at;
}

LspPosition position_at(const SourceFile& file, std::uint32_t offset, PositionEncoding encoding) {
  const std::string_view text = file.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const std::uint32_t line = file.line_of(offset);
  const std::uint32_t start = file.line_start_of(line);
  const std::uint32_t stop = std::min(offset, file.line_end_of(line));  // inside a line break: the line's end
  return {line - 1, encoded_length(text.substr(start, stop - start), encoding)};
}

LspRange range_at(const SourceFile& file, std::uint32_t begin, std::uint32_t end, PositionEncoding encoding) {
  return {position_at(file, begin, encoding), position_at(file, std::max(begin, end), encoding)};
}

TSPoint ts_point_at(std::string_view text, std::uint32_t offset) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const std::string_view before = text.substr(0, offset);
  const auto row = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_newline = before.rfind('\n');
  const std::uint32_t column = last_newline == std::string_view::npos ? offset : offset - static_cast<std::uint32_t>(last_newline) - 1;
  return TSPoint{row, column};
}

TSPoint ts_point_after(TSPoint start, std::string_view inserted) {
  const auto newlines = static_cast<std::uint32_t>(std::count(inserted.begin(), inserted.end(), '\n'));
  if (newlines == 0) return TSPoint{start.row, start.column + static_cast<std::uint32_t>(inserted.size())};
  const std::size_t last_newline = inserted.rfind('\n');
  return TSPoint{start.row + newlines, static_cast<std::uint32_t>(inserted.size() - last_newline - 1)};
}

}  // namespace pyflags::lsp
