// GitLab Code Quality report (the `codequality` artifact of a CI job): a JSON array of issues with
// description, check_name, fingerprint, severity and location (path + begin/end positions).
#include <nlohmann/json.hpp>

#include "linter/output/output.h"

namespace pyflags::output {
namespace {

// Code Quality severities: info, minor, major, critical, blocker.
std::string_view severity(Severity s) {
  switch (s) {
    case Severity::Error: return "critical";
    case Severity::Warning: return "major";
    case Severity::Info: return "minor";
  }
  return "major";
}

}  // namespace

void write_gitlab(std::ostream& out, const std::vector<Message>& messages) {
  using nlohmann::json;
  const std::vector<std::string> fingerprints = line_fingerprints(messages);
  json issues = json::array();
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const Message& m = messages[i];
    issues.push_back(
        {{"description", std::string(m.rule->code) + " " + m.text},
         {"check_name", std::string(m.rule->code) + " " + std::string(m.rule->name)},
         {"fingerprint", fingerprints[i]},
         {"severity", severity(m.rule->severity)},
         {"location",
          {{"path", m.filename},
           {"positions",
            {{"begin", {{"line", m.location.row}, {"column", m.location.column}}},
             {"end", {{"line", m.end_location.row}, {"column", m.end_location.column}}}}}}}});
  }
  out << issues.dump(2) << '\n';
}

}  // namespace pyflags::output
