#include "linter/source.h"

#include <algorithm>
#include <cctype>

namespace pyflags {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);  // a lone CR ends a line too, as in Python
    }
  }
  const auto first_lf = text_.find('\n');
  crlf_ = first_lf != std::string::npos && first_lf > 0 && text_[first_lf - 1] == '\r';
}

std::uint32_t SourceFile::line_of(std::uint32_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

std::uint32_t SourceFile::line_start(std::uint32_t offset) const { return line_starts_[line_of(offset) - 1]; }

std::uint32_t SourceFile::line_end_of(std::uint32_t line) const {
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  const std::uint32_t start = line_starts_[line - 1];
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  const std::uint32_t start = line_starts_[line - 1];
  return std::string_view(text_).substr(start, line_end_of(line) - start);
}

Position SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t line = line_of(offset);
  std::uint32_t start = line_starts_[line - 1];
  if (line == 1 && has_bom()) start = std::min<std::uint32_t>(3, offset);  // the BOM is not a column
  return {line, count_code_points(std::string_view(text_).substr(start, offset - start)) + 1};
}

std::uint32_t SourceFile::offset_of(Position p) const {
  if (p.line == 0) return 0;
  if (p.line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t at = line_starts_[p.line - 1];
  if (p.line == 1 && has_bom()) at = 3;
  const std::uint32_t end = line_end_of(p.line);
  for (std::uint32_t col = 1; col < p.column && at < end;) {
    ++at;
    while (at < end && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    ++col;
  }
  return at;
}

std::optional<std::string_view> SourceFile::indent_before(std::uint32_t offset) const {
  const std::uint32_t start = line_start(offset);
  const std::string_view indent = std::string_view(text_).substr(start, offset - start);
  if (indent.find_first_not_of(" \t\f") != std::string_view::npos) return std::nullopt;
  return indent;
}

std::string SourceFile::coding_cookie() const {
  // PEP 263: `coding[:=]\s*([-\w.]+)` in a comment on line 1 or 2.
  for (std::uint32_t line = 1; line <= std::min<std::uint32_t>(2, line_count()); ++line) {
    const std::string_view text = line_text(line);
    const auto hash = text.find('#');
    if (hash == std::string_view::npos) continue;
    if (text.substr(0, hash).find_first_not_of(" \t\f\xEF\xBB\xBF") != std::string_view::npos) continue;
    const auto at = text.find("coding", hash);
    if (at == std::string_view::npos || at + 6 >= text.size()) continue;
    if (text[at + 6] != ':' && text[at + 6] != '=') continue;
    std::size_t i = at + 7;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::string name;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) break;
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (!name.empty()) return name;
  }
  return {};
}

std::optional<std::string> SourceFile::encoding_problem() const {
  if (const auto nul = text_.find('\0'); nul != std::string::npos) {
    return "source contains a NUL byte (line " + std::to_string(line_of(static_cast<std::uint32_t>(nul))) + ")";
  }
  if (!is_valid_utf8(text_)) {
    const std::string cookie = coding_cookie();
    if (cookie.empty() || cookie == "utf-8" || cookie == "utf8") {
      return "source is not valid UTF-8 and declares no other encoding";
    }
  }
  return std::nullopt;
}

std::uint32_t count_code_points(std::string_view text) {
  std::uint32_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) { ++p; continue; }
    int extra;
    std::uint32_t cp;
    if ((*p & 0xE0) == 0xC0) { extra = 1; cp = *p & 0x1F; }
    else if ((*p & 0xF0) == 0xE0) { extra = 2; cp = *p & 0x0F; }
    else if ((*p & 0xF8) == 0xF0) { extra = 3; cp = *p & 0x07; }
    else return false;
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

}  // namespace pyflags
