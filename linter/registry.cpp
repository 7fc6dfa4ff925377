#include "linter/registry.h"

#include <algorithm>
#include <stdexcept>

namespace pyflags {
namespace {

std::vector<const Rule*>& registry() {
  static std::vector<const Rule*> rules;
  return rules;
}

bool& sorted() {
  static bool value = false;
  return value;
}

}  // namespace

const Rule& register_rule(const Rule& rule) {
  registry().push_back(&rule);
  sorted() = false;
  return rule;
}

std::span<const Rule* const> all_rules() {
  auto& rules = registry();
  if (!sorted()) {
    std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->info.code < b->info.code; });
    sorted() = true;
  }
  return rules;
}

const Rule* find_rule(std::string_view code_or_name) {
  for (const Rule* rule : all_rules()) {
    if (rule->info.code == code_or_name || rule->info.name == code_or_name) return rule;
  }
  return nullptr;
}

bool selector_matches(std::string_view selector, const RuleInfo& info) {
  if (selector == "ALL") return true;
  if (selector == info.name) return true;
  return selector.size() >= 2 && info.code.starts_with(selector);
}

bool is_valid_selector(std::string_view selector) {
  return std::any_of(all_rules().begin(), all_rules().end(),
                     [&](const Rule* r) { return selector_matches(selector, r->info); });
}

std::vector<const Rule*> resolve(const Selection& selection) {
  for (const auto* list : {&selection.select, &selection.extend_select, &selection.ignore}) {
    for (const std::string& s : *list) {
      if (!is_valid_selector(s)) throw std::invalid_argument("unknown rule selector `" + s + "`");
    }
  }
  auto any_match = [](const std::vector<std::string>& selectors, const RuleInfo& info) {
    return std::any_of(selectors.begin(), selectors.end(), [&](const std::string& s) { return selector_matches(s, info); });
  };
  std::vector<const Rule*> enabled;
  for (const Rule* rule : all_rules()) {
    const bool selected = selection.select.empty() ? rule->info.default_enabled : any_match(selection.select, rule->info);
    if ((selected || any_match(selection.extend_select, rule->info)) && !any_match(selection.ignore, rule->info)) {
      enabled.push_back(rule);
    }
  }
  return enabled;
}

}  // namespace pyflags
