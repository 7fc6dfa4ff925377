#include <algorithm>

#include "linter/output/output.h"
#include "linter/source.h"

namespace pyflags::output {
namespace {

struct Style {
  bool on;
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view red() const { return on ? "\x1b[1;31m" : ""; }
  std::string_view cyan() const { return on ? "\x1b[36m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
};

void write_head(std::ostream& out, const Message& m, const Style& st) {
  out << st.bold() << m.filename << st.reset() << st.cyan() << ':' << st.reset() << m.location.row << st.cyan() << ':'
      << st.reset() << m.location.column << st.cyan() << ':' << st.reset() << ' ' << st.red() << m.rule->code
      << st.reset() << ' ' << m.text;
  out << '\n';
}

// Tabs are shown as one space so the caret lines up.
std::string display_line(std::string_view line) {
  std::string s(line);
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

}  // namespace

void write_text(std::ostream& out, const std::vector<Message>& messages, bool color, bool show_fix_hint,
                std::size_t fixed) {
  const Style st{color};
  for (const Message& m : messages) {
    write_head(out, m, st);
    if (m.source_line.empty() && m.location.row == 1 && m.location.column == 1) continue;
    const std::string row = std::to_string(m.location.row);
    const std::string gutter(row.size(), ' ');
    out << ' ' << gutter << " |\n";
    out << ' ' << row << " | " << display_line(m.source_line) << '\n';
    const std::uint32_t line_points = count_code_points(m.source_line);
    std::uint32_t width = m.end_location.row == m.location.row ? m.end_location.column - m.location.column
                                                               : line_points + 1 - m.location.column;
    width = std::max<std::uint32_t>(width, 1);
    out << ' ' << gutter << " | " << std::string(m.location.column - 1, ' ') << st.red() << std::string(width, '^')
        << st.reset() << '\n';
    out << '\n';
  }
  write_summary(out, messages, show_fix_hint, fixed);
}

void write_concise(std::ostream& out, const std::vector<Message>& messages, bool color) {
  const Style st{color};
  for (const Message& m : messages) write_head(out, m, st);
}

void write_summary(std::ostream& out, const std::vector<Message>& messages, bool show_fix_hint, std::size_t fixed) {
  const std::size_t total = messages.size() + fixed;
  if (fixed > 0) {
    out << "Found " << total << (total == 1 ? " error" : " errors") << " (" << fixed << " fixed, " << messages.size()
        << " remaining).\n";
  } else if (messages.empty()) {
    out << "All checks passed!\n";
    return;
  } else {
    out << "Found " << messages.size() << (messages.size() == 1 ? " error" : " errors") << ".\n";
  }
  if (!show_fix_hint) return;
  const auto safe = std::count_if(messages.begin(), messages.end(), [](const Message& m) {
    return m.fix && m.fix->applicability == Applicability::Safe;
  });
  const auto unsafe = std::count_if(messages.begin(), messages.end(), [](const Message& m) {
    return m.fix && m.fix->applicability == Applicability::Unsafe;
  });
  if (safe > 0) out << "[*] " << safe << " fixable with the `--fix` option.\n";
  if (unsafe > 0) out << unsafe << " more fixable with `--fix --unsafe-fixes`.\n";
}

}  // namespace pyflags::output
