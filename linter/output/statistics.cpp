// `--statistics`: how many diagnostics each rule produced, most frequent first (ruff's --statistics).
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "linter/output/output.h"

namespace pyflags::output {
namespace {

struct RuleCount {
  const RuleInfo* rule = nullptr;
  std::size_t count = 0;
  bool fixable = false;  // some diagnostic of the rule has a safe fix (`--fix` applies it)
};

std::vector<RuleCount> count_by_rule(const std::vector<Message>& messages) {
  std::map<std::string_view, RuleCount> by_code;
  for (const Message& m : messages) {
    RuleCount& c = by_code[m.rule->code];
    c.rule = m.rule;
    ++c.count;
    c.fixable = c.fixable || (m.fix && m.fix->applicability == Applicability::Safe);
  }
  std::vector<RuleCount> out;
  for (const auto& [code, c] : by_code) out.push_back(c);
  std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace

void write_statistics(std::ostream& out, const std::vector<Message>& messages, bool as_json) {
  const std::vector<RuleCount> counts = count_by_rule(messages);
  if (as_json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const RuleCount& c : counts) {
      rows.push_back({{"code", c.rule->code}, {"name", c.rule->name}, {"count", c.count}, {"fixable", c.fixable}});
    }
    out << rows.dump(2) << '\n';
    return;
  }
  std::size_t width = 1;
  for (const RuleCount& c : counts) width = std::max(width, std::to_string(c.count).size());
  for (const RuleCount& c : counts) {
    const std::string n = std::to_string(c.count);
    out << std::string(width - n.size(), ' ') << n << '\t' << c.rule->code << '\t' << (c.fixable ? "[*] " : "[ ] ")
        << c.rule->name << '\n';
  }
}

}  // namespace pyflags::output
