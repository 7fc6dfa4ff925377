// LSP positions (0-based line, character in the negotiated encoding) and their byte offsets; the
// TSPoints tree-sitter wants for edits (row = count of '\n', column in bytes).
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>

#include "linter/source.h"

namespace pyflags::lsp {

enum class PositionEncoding : std::uint8_t { Utf16, Utf8 };

struct LspPosition {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // UTF-16 code units or UTF-8 bytes into the line
  bool operator==(const LspPosition&) const = default;
  auto operator<=>(const LspPosition&) const = default;
};

struct LspRange {
  LspPosition start, end;
  bool operator==(const LspRange&) const = default;
};

// The byte offset of `position` in `file`. Out-of-range positions are clamped as the LSP specification
// says: a character past the end of its line means the line's end, a line past the last means the end
// of the text. A character inside a multi-byte character rounds down to its start.
std::uint32_t offset_at(const SourceFile& file, LspPosition position, PositionEncoding encoding);

// The position of a byte offset (clamped to the text).
LspPosition position_at(const SourceFile& file, std::uint32_t offset, PositionEncoding encoding);
LspRange range_at(const SourceFile& file, std::uint32_t begin, std::uint32_t end, PositionEncoding encoding);

// Length of UTF-8 `text` in the encoding's units.
std::uint32_t encoded_length(std::string_view text, PositionEncoding encoding);

// tree-sitter's point for a byte offset: rows end at '\n' only, columns count bytes.
TSPoint ts_point_at(std::string_view text, std::uint32_t offset);
// The point reached after `inserted` is written at `start`.
TSPoint ts_point_after(TSPoint start, std::string_view inserted);

}  // namespace pyflags::lsp
