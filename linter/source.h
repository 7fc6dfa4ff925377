// SourceFile: one file's bytes, its line index, and the checks that decide whether it can be linted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pyflags {

struct Position {
  std::uint32_t line;    // 1-based
  std::uint32_t column;  // 1-based, in Unicode code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(std::uint32_t begin, std::uint32_t end) const { return std::string_view(text_).substr(begin, end - begin); }

  bool is_stub() const { return path_.ends_with(".pyi"); }

  // Why this file cannot be linted (NUL bytes, invalid UTF-8 without a coding cookie), or nullopt.
  std::optional<std::string> encoding_problem() const;
  // A PEP 263 coding cookie in the first two lines, lower-cased ("latin-1"), or empty.
  std::string coding_cookie() const;
  bool has_bom() const { return text_.starts_with("\xEF\xBB\xBF"); }

  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  std::uint32_t line_of(std::uint32_t offset) const;    // 1-based
  std::uint32_t line_start(std::uint32_t offset) const;  // offset of the first byte of offset's line
  std::uint32_t line_start_of(std::uint32_t line) const { return line_starts_[line - 1]; }
  std::uint32_t line_end_of(std::uint32_t line) const;  // offset of the line break (or end of text)
  std::string_view line_text(std::uint32_t line) const;  // without the line break
  Position position(std::uint32_t offset) const;
  std::uint32_t offset_of(Position p) const;  // inverse of position(); clamps to the line

  // The whitespace before `offset` when only whitespace precedes it on its line, else nullopt.
  std::optional<std::string_view> indent_before(std::uint32_t offset) const;
  // The file's line break: "\r\n" when its first line ends so, else "\n".
  std::string_view newline() const { return crlf_ ? "\r\n" : "\n"; }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  bool crlf_ = false;
};

// Counts code points in UTF-8 text (continuation bytes are not counted).
std::uint32_t count_code_points(std::string_view text);
bool is_valid_utf8(std::string_view text);

}  // namespace pyflags
