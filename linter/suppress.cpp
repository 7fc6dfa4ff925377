#include "linter/suppress.h"

#include <algorithm>
#include <cctype>

#include "linter/registry.h"
#include "linter/text.h"

namespace pyflags {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

void skip_spaces(std::string_view text, std::size_t& i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
}

std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

// After `noqa` (at `i`): either nothing (all) or `: CODE[, CODE ...]`.
Noqa parse_codes(std::string_view text, std::size_t i) {
  Noqa noqa;
  noqa.end = u32(i);
  skip_spaces(text, i);
  if (i >= text.size() || text[i] != ':') {
    noqa.all = true;
    return noqa;
  }
  ++i;
  noqa.end = u32(i);
  for (;;) {
    skip_spaces(text, i);
    std::size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-' || text[i] == '_')) ++i;
    if (i == start) break;
    noqa.codes.emplace_back(text.substr(start, i - start));
    noqa.spans.emplace_back(u32(start), u32(i));
    noqa.end = u32(i);
    skip_spaces(text, i);
    if (i < text.size() && text[i] == ',') noqa.end = u32(++i);  // a trailing comma belongs to the list
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
    if (iequals_at(comment, i, "pyflags:")) {
      i += 8;
      skip_spaces(comment, i);
      if (iequals_at(comment, i, "noqa")) {
        Noqa noqa = parse_codes(comment, i + 4);
        noqa.file_level = true;
        noqa.begin = u32(hash);
        return noqa;
      }
    } else if (iequals_at(comment, i, "noqa")) {
      const std::size_t after = i + 4;
      if (after < comment.size() && std::isalnum(static_cast<unsigned char>(comment[after]))) continue;  // `noqatest`
      Noqa noqa = parse_codes(comment, after);
      noqa.begin = u32(hash);
      return noqa;
    }
  }
  return std::nullopt;
}

void Suppressions::add(std::uint32_t line, Noqa noqa, std::uint32_t offset, std::uint32_t comment_end) {
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
  Directive d{.line = line, .offset = offset, .comment_end = comment_end, .noqa = std::move(noqa)};
  d.code_used.assign(d.noqa.codes.size(), false);
  lines_.push_back(std::move(d));
}

namespace {

bool names(const std::string& selector, const RuleInfo& rule) { return selector == rule.code || selector == rule.name; }

bool matches(const Noqa& n, const RuleInfo& rule) {
  return n.all || std::any_of(n.codes.begin(), n.codes.end(), [&](const std::string& c) { return names(c, rule); });
}

}  // namespace

bool Suppressions::file_suppresses(const RuleInfo& rule) const { return file_ && matches(*file_, rule); }

std::optional<Suppressions::Match> Suppressions::match(std::uint32_t line, const RuleInfo& rule) const {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const Directive& d = lines_[i];
    if (d.line != line) continue;
    if (d.noqa.all) return Match{i, std::nullopt};
    for (std::size_t c = 0; c < d.noqa.codes.size(); ++c) {
      if (names(d.noqa.codes[c], rule)) return Match{i, c};
    }
  }
  return std::nullopt;
}

bool Suppressions::suppresses(std::uint32_t line, const RuleInfo& rule) const {
  return file_suppresses(rule) || match(line, rule).has_value();
}

bool Suppressions::suppress(std::uint32_t line, const RuleInfo& rule) {
  if (file_suppresses(rule)) return true;
  const std::optional<Match> m = match(line, rule);
  if (!m) return false;
  Directive& d = lines_[m->directive];
  d.used = true;
  if (m->code) d.code_used[*m->code] = true;
  return true;
}

std::vector<UnusedNoqa> find_unused_noqa(const Suppressions& suppressions,
                                         const std::function<bool(const RuleInfo&)>& enabled) {
  std::vector<UnusedNoqa> found;
  for (const Suppressions::Directive& d : suppressions.directives()) {
    const Noqa& n = d.noqa;
    if (n.all) {
      if (!d.used) found.push_back({.directive = &d, .whole = true});
      continue;
    }
    UnusedNoqa verdict{.directive = &d};
    std::vector<const Rule*> seen;
    bool exempt = false;
    for (std::size_t i = 0; i < n.codes.size() && !exempt; ++i) {
      const std::string& code = n.codes[i];
      if (const Rule* rule = find_rule(code)) {
        if (rule->info.code == "PF003") {
          exempt = true;  // `# noqa: PF003` keeps its line's directive as written
        } else if (std::find(seen.begin(), seen.end(), rule) != seen.end()) {
          verdict.duplicated.push_back(i);
        } else {
          seen.push_back(rule);
          if (!d.code_used[i] && enabled(rule->info)) verdict.unused.push_back(i);
        }
      } else if (code.starts_with("PF") && is_valid_selector(code)) {
        verdict.prefixes.push_back(i);  // `PF1`: a selector, but noqa matches whole codes and names only
      }
    }
    if (exempt) continue;
    const std::size_t reported = verdict.unused.size() + verdict.duplicated.size() + verdict.prefixes.size();
    if (reported == 0) continue;
    verdict.whole = reported == n.codes.size();
    found.push_back(std::move(verdict));
  }
  return found;
}

namespace {

std::string code_list(const Noqa& n, const std::vector<std::size_t>& indices) {
  std::string s;
  for (const std::size_t i : indices) s += cat(s.empty() ? "`" : ", `", n.codes[i], "`");
  return s;
}

// The edit that takes the whole directive out of its comment: the comment itself (and the blanks before
// it, or its whole line when it stands alone) when nothing else is in it; otherwise the directive and
// the blanks that separate it from the rest, keeping a `#` before any text that follows.
Edit remove_directive(const SourceFile& file, const Suppressions::Directive& d) {
  const std::string_view text = file.text();
  const std::uint32_t cb = d.offset, db = d.offset + d.noqa.begin, de = d.offset + d.noqa.end;
  const std::uint32_t ce = std::max(de, std::min(d.offset + d.comment_end, file.line_end_of(d.line)));
  std::uint32_t before = db;
  while (before > cb && is_blank(text[before - 1])) --before;
  std::uint32_t after = de;
  while (after < ce && is_blank(text[after])) ++after;
  if (after < ce) return text[after] == '#' ? Edit{db, after, ""} : Edit{db, after, "# "};
  if (before > cb) return Edit{before, ce, ""};
  const std::uint32_t line_start = file.line_start_of(d.line);
  std::uint32_t from = cb;
  while (from > line_start && is_blank(text[from - 1])) --from;
  if (from > line_start) return Edit{from, ce, ""};
  // Alone on its line: the line goes, line break included.
  const std::uint32_t next = d.line < file.line_count() ? file.line_start_of(d.line + 1) : static_cast<std::uint32_t>(text.size());
  return Edit{line_start, next, ""};
}

// The edit that rewrites the code list without the codes in `drop`, joined as the list was.
Edit remove_codes(const SourceFile& file, const Suppressions::Directive& d, const std::vector<bool>& drop) {
  const Noqa& n = d.noqa;
  const std::string_view text = file.text();
  std::string separator = ", ";
  if (n.spans.size() >= 2) separator = std::string(text.substr(d.offset + n.spans[0].second, n.spans[1].first - n.spans[0].second));
  std::string kept;
  for (std::size_t i = 0; i < n.codes.size(); ++i) {
    if (drop[i]) continue;
    if (!kept.empty()) kept += separator;
    kept += n.codes[i];
  }
  return Edit{d.offset + n.spans.front().first, d.offset + n.spans.back().second, std::move(kept)};
}

}  // namespace

std::vector<Diagnostic> unused_noqa_diagnostics(const SourceFile& file, const std::vector<UnusedNoqa>& findings,
                                                const RuleInfo& rule) {
  std::vector<Diagnostic> out;
  for (const UnusedNoqa& f : findings) {
    const Suppressions::Directive& d = *f.directive;
    const Noqa& n = d.noqa;
    std::string message;
    if (n.all) {
      message = "Unused blanket `noqa` directive";
    } else {
      std::string parts;
      auto part = [&](std::string_view label, const std::vector<std::size_t>& indices) {
        if (!indices.empty()) parts += cat(parts.empty() ? "" : "; ", label, ": ", code_list(n, indices));
      };
      part("unused", f.unused);
      part("duplicated", f.duplicated);
      part("not a full code", f.prefixes);
      message = cat("Unused `noqa` directive (", parts, ")");
    }
    Edit edit;
    if (f.whole) {
      edit = remove_directive(file, d);
    } else {
      std::vector<bool> drop(n.codes.size(), false);
      for (const auto* list : {&f.unused, &f.duplicated, &f.prefixes}) {
        for (const std::size_t i : *list) drop[i] = true;
      }
      edit = remove_codes(file, d, drop);
    }
    out.push_back(Diagnostic{&rule, d.offset + n.begin, d.offset + n.end, std::move(message),
                             Fix{Applicability::Safe, f.whole ? "Remove unused `noqa` directive" : "Remove unused `noqa` codes",
                                 {std::move(edit)}},
                             {}, UINT32_MAX});
  }
  return out;
}

}  // namespace pyflags
