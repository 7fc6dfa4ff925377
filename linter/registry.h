// All rules, and which of them a selection enables.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/rule.h"

namespace pyflags {

std::span<const Rule* const> all_rules();  // sorted by code
const Rule* find_rule(std::string_view code_or_name);

// A selector is a code (PF101), a code prefix (PF1, PF10), a rule name, or ALL.
bool is_valid_selector(std::string_view selector);
bool selector_matches(std::string_view selector, const RuleInfo& info);

struct Selection {
  std::vector<std::string> select;         // empty: the default set
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};
// The enabled rules, sorted by code. Throws std::invalid_argument naming an unknown selector.
std::vector<const Rule*> resolve(const Selection& selection);

}  // namespace pyflags
