// SARIF 2.1.0 for code scanning (GitHub and others): https://docs.oasis-open.org/sarif/sarif/v2.1.0/
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "linter/output/output.h"
#include "linter/registry.h"

namespace pyflags::output {
namespace {

using nlohmann::json;

constexpr std::string_view kInformationUri = PYFLAGS_HOMEPAGE;

std::string_view level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

// RFC 3986 path encoding: unreserved characters and '/' stay, everything else is %XX.
std::string percent_encode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// A path under the current directory becomes a URI relative to %SRCROOT%; any other an absolute file URI.
json artifact_location(const std::string& filename) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path absolute = fs::absolute(filename, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(fs::current_path(ec));
  const std::string rel = relative.generic_string();
  if (!rel.empty() && !rel.starts_with("..")) return {{"uri", percent_encode(rel)}, {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", "file://" + percent_encode(absolute.generic_string())}};
}

json region(const Location& start, const Location& end) {
  return {{"startLine", start.row}, {"startColumn", start.column}, {"endLine", end.row}, {"endColumn", end.column}};
}

// "§1 \"Mutable vs immutable\" — ..." → {"seed:§1"}; several sections give several tags.
std::vector<std::string> seed_tags(std::string_view seed) {
  std::vector<std::string> tags;
  for (std::size_t at = seed.find("§"); at != std::string_view::npos; at = seed.find("§", at + 1)) {
    std::size_t end = at + std::string_view("§").size();
    while (end < seed.size() && std::isdigit(static_cast<unsigned char>(seed[end]))) ++end;
    std::string tag = "seed:" + std::string(seed.substr(at, end - at));
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  }
  return tags;
}

// The rule's level and default state; its options' defaults go in the `parameters` property bag.
json default_configuration(const RuleInfo& r) {
  json configuration = {{"level", level(r.severity)}, {"enabled", r.default_enabled}};
  if (r.options.empty()) return configuration;
  json parameters = json::object();
  for (const OptionInfo& o : r.options) {
    if (o.type == OptionType::Integer) {
      parameters[std::string(o.name)] = o.default_integer;
    } else {
      json list = json::array();
      for (const std::string_view s : o.default_strings) list.push_back(s);
      parameters[std::string(o.name)] = list;
    }
  }
  configuration["parameters"] = parameters;
  return configuration;
}

json rule_descriptor(const RuleInfo& r) {
  std::vector<std::string> tags = {std::string(group_of(r))};
  for (std::string& t : seed_tags(r.seed)) tags.push_back(std::move(t));
  const std::string help_text = std::string(r.rationale) + "\n\nExample:\n" + std::string(r.bad) + "\nUse instead:\n" +
                                std::string(r.good);
  const std::string help_markdown = rule_markdown(r, 2);
  return {{"id", r.code},
          {"name", r.name},
          {"shortDescription", {{"text", r.summary}}},
          {"fullDescription", {{"text", r.rationale}}},
          {"help", {{"text", help_text}, {"markdown", help_markdown}}},
          {"helpUri", rule_url(r)},
          {"defaultConfiguration", default_configuration(r)},
          {"properties", {{"tags", tags}, {"precision", "high"}, {"problem.severity", level(r.severity)}}}};
}

}  // namespace

std::string rule_url(const RuleInfo& rule) {
  // The anchor of the rule's heading in docs/rules.md (`## PF101 mutable-default-argument`).
  std::string anchor = std::string(rule.code) + "-" + std::string(rule.name);
  for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::string(kInformationUri) + "/blob/main/docs/rules.md#" + anchor;
}

void write_sarif(std::ostream& out, const std::vector<Message>& messages, const std::vector<std::string>& unreadable) {
  json rules = json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const Rule* rule : all_rules()) {
    rule_index[rule->info.code] = rules.size();
    rules.push_back(rule_descriptor(rule->info));
  }
  json results = json::array();
  json notifications = json::array();
  const std::vector<std::string> fingerprints = line_fingerprints(messages);
  std::size_t index = 0;
  std::set<std::string> notified_syntax;
  for (const Message& m : messages) {
    // A file that could not be read (PF002) or parsed (PF001) is also a tool execution notification.
    const bool unreadable_file = m.rule->code == "PF002";
    if (unreadable_file || (m.rule->code == "PF001" && notified_syntax.insert(m.filename).second)) {
      notifications.push_back({{"level", unreadable_file ? "error" : "warning"},
                               {"message", {{"text", m.filename + ": " + m.text}}},
                               {"descriptor", {{"id", m.rule->code}}},
                               {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(m.filename)}}}}})}});
    }
    json result = {{"ruleId", m.rule->code},
                   {"ruleIndex", rule_index[m.rule->code]},
                   {"level", level(m.rule->severity)},
                   {"message", {{"text", m.text}}},
                   {"locations", json::array({{{"physicalLocation",
                                                 {{"artifactLocation", artifact_location(m.filename)},
                                                  {"region", region(m.location, m.end_location)}}}}})},
                   {"partialFingerprints", {{"pyflagsLineHash/v1", fingerprints[index++]}}}};
    if (m.fix) {
      json replacements = json::array();
      for (const ResolvedEdit& e : m.fix->edits) {
        replacements.push_back({{"deletedRegion", region(e.location, e.end_location)}, {"insertedContent", {{"text", e.content}}}});
      }
      result["fixes"] = json::array({{{"description", {{"text", m.fix->title}}},
                                      {"artifactChanges", json::array({{{"artifactLocation", artifact_location(m.filename)},
                                                                        {"replacements", replacements}}})}}});
    }
    results.push_back(std::move(result));
  }
  // Files that could not be read are PF002 messages when PF002 is enabled; otherwise notify here.
  if (std::none_of(messages.begin(), messages.end(), [](const Message& m) { return m.rule->code == "PF002"; })) {
    for (const std::string& u : unreadable) {
      notifications.push_back({{"level", "error"}, {"message", {{"text", u}}}});
    }
  }
  std::error_code ec;
  std::string root = "file://" + percent_encode(std::filesystem::current_path(ec).generic_string());
  if (!root.ends_with('/')) root.push_back('/');
  const json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array({{{"tool",
                      {{"driver",
                        {{"name", "pyflags"},
                         {"version", PYFLAGS_VERSION},
                         {"semanticVersion", PYFLAGS_VERSION},
                         {"informationUri", kInformationUri},
                         {"rules", rules}}}}},
                     {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", root}}}}},
                     {"columnKind", "unicodeCodePoints"},
                     {"invocations", json::array({{{"executionSuccessful", true},
                                                   {"toolExecutionNotifications", notifications}}})},
                     {"results", results}}})}};
  out << sarif.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace pyflags::output
