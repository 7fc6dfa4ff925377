#include "linter/suppress.h"

#include <algorithm>
#include <cctype>

#include "linter/registry.h"

namespace pyflags {
namespace {

bool iequals_prefix(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

void skip_spaces(std::string_view text, std::size_t& i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
}

// After `noqa`: either nothing (all) or `: CODE[, CODE ...]`.
Noqa parse_codes(std::string_view text, std::size_t i) {
  Noqa noqa;
  skip_spaces(text, i);
  if (i >= text.size() || text[i] != ':') {
    noqa.all = true;
    return noqa;
  }
  ++i;
  for (;;) {
    skip_spaces(text, i);
    std::size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-' || text[i] == '_')) ++i;
    if (i == start) break;
    noqa.codes.emplace_back(text.substr(start, i - start));
    skip_spaces(text, i);
    if (i < text.size() && text[i] == ',') ++i;
  }
  noqa.all = noqa.codes.empty();
  return noqa;
}

}  // namespace

std::optional<Noqa> parse_noqa(std::string_view comment) {
  // A comment can hold several `#` sections: `# type: ignore  # noqa: PF101`.
  for (std::size_t hash = comment.find('#'); hash != std::string_view::npos; hash = comment.find('#', hash + 1)) {
    std::size_t i = hash + 1;
    skip_spaces(comment, i);
    if (iequals_prefix(comment, i, "pyflags:")) {
      i += 8;
      skip_spaces(comment, i);
      if (iequals_prefix(comment, i, "noqa")) {
        Noqa noqa = parse_codes(comment, i + 4);
        noqa.file_level = true;
        return noqa;
      }
    } else if (iequals_prefix(comment, i, "noqa")) {
      const std::size_t after = i + 4;
      if (after < comment.size() && std::isalnum(static_cast<unsigned char>(comment[after]))) continue;  // `noqatest`
      return parse_codes(comment, after);
    }
  }
  return std::nullopt;
}

void Suppressions::add(std::uint32_t line, Noqa noqa) {
  if (noqa.file_level) {
    if (!file_) {
      file_ = std::move(noqa);
    } else if (noqa.all) {
      file_->all = true;
    } else {
      file_->codes.insert(file_->codes.end(), noqa.codes.begin(), noqa.codes.end());
    }
    return;
  }
  lines_.emplace_back(line, std::move(noqa));
}

bool Suppressions::suppresses(std::uint32_t line, const RuleInfo& rule) const {
  auto matches = [&](const Noqa& n) {
    return n.all || std::any_of(n.codes.begin(), n.codes.end(), [&](const std::string& c) {
             return c == rule.code || c == rule.name;
           });
  };
  if (file_ && matches(*file_)) return true;
  return std::any_of(lines_.begin(), lines_.end(), [&](const auto& entry) { return entry.first == line && matches(entry.second); });
}

}  // namespace pyflags
