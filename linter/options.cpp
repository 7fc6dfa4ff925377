#include "linter/options.h"

#include <algorithm>

namespace pyflags {

std::string_view to_string(OptionType type) {
  switch (type) {
    case OptionType::Integer: return "integer";
    case OptionType::StringList: return "list of strings";
  }
  return "integer";
}

std::string default_text(const OptionInfo& option) {
  if (option.type == OptionType::Integer) return std::to_string(option.default_integer);
  std::string out = "[";
  for (const std::string_view s : option.default_strings) {
    if (out.size() > 1) out += ", ";
    out.append("\"").append(s).append("\"");
  }
  return out + "]";
}

const RuleOptions::Value* RuleOptions::find(const OptionInfo& option) const {
  for (const Value& v : values_) {
    if (v.option == &option) return &v;
  }
  return nullptr;
}

RuleOptions::Value& RuleOptions::slot(const OptionInfo& option) {
  for (Value& v : values_) {
    if (v.option == &option) return v;
  }
  return values_.emplace_back(Value{&option, 0, {}});
}

int RuleOptions::integer(const OptionInfo& option) const {
  const Value* v = find(option);
  return v != nullptr ? v->integer : option.default_integer;
}

bool RuleOptions::contains(const OptionInfo& option, std::string_view value) const {
  if (const Value* v = find(option)) {
    const auto it = std::lower_bound(v->strings.begin(), v->strings.end(), value,
                                     [](const std::string& a, std::string_view b) { return a < b; });
    return it != v->strings.end() && *it == value;
  }
  return std::find(option.default_strings.begin(), option.default_strings.end(), value) != option.default_strings.end();
}

void RuleOptions::set_integer(const OptionInfo& option, int value) { slot(option).integer = value; }

void RuleOptions::set_strings(const OptionInfo& option, std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  slot(option).strings = std::move(values);
}

}  // namespace pyflags
