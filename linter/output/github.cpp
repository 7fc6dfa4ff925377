#include "linter/output/output.h"

namespace pyflags::output {
namespace {

// Workflow-command escaping: data escapes %, CR, LF; property values also ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "warning";
}

}  // namespace

void write_github(std::ostream& out, const std::vector<Message>& messages) {
  for (const Message& m : messages) {
    const std::string title = std::string(m.rule->code) + " (" + std::string(m.rule->name) + ")";
    out << "::" << command(m.rule->severity) << " file=" << escape(m.filename, true) << ",line=" << m.location.row
        << ",col=" << m.location.column << ",endLine=" << m.end_location.row << ",endColumn=" << m.end_location.column
        << ",title=" << escape(title, true) << "::" << escape(m.text, false) << '\n';
  }
}

}  // namespace pyflags::output
