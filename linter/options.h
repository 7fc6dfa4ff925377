// Per-rule options. A rule declares its options (OptionInfo, listed in its RuleInfo); a configuration
// file sets them under [tool.pyflags.rules.<name>] (config.cpp checks names and types and builds a
// RuleOptions once per file); each Dispatch carries the RuleOptions of its configuration and a check
// reads a value through `ctx.options`, falling back to the declared default.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pyflags {

enum class OptionType : std::uint8_t { Integer, StringList };

struct OptionInfo {
  std::string_view name;  // kebab-case, as written in the configuration: "max-depth"
  OptionType type = OptionType::Integer;
  std::string_view description;  // one line, for `pyflags rule` and docs/rules.md
  int default_integer = 0;       // Integer
  int minimum = 1;               // Integer: the smallest value a configuration may give
  std::span<const std::string_view> default_strings = {};  // StringList
};

std::string_view to_string(OptionType type);  // "integer" | "list of strings"
std::string default_text(const OptionInfo& option);  // TOML: `2`, `[]`, `["setUp", "tearDown"]`

// The option values one configuration sets. Values are identified by their OptionInfo's address (the
// rule's own constexpr table), so a lookup is a pointer comparison over the few options set, and a
// list query a binary search over a sorted vector built when the configuration was read.
class RuleOptions {
 public:
  int integer(const OptionInfo& option) const;
  // Whether the list option holds `value` (the configured list when set, else the default list).
  bool contains(const OptionInfo& option, std::string_view value) const;

  void set_integer(const OptionInfo& option, int value);
  void set_strings(const OptionInfo& option, std::vector<std::string> values);  // sorted, deduplicated
  bool is_set(const OptionInfo& option) const { return find(option) != nullptr; }
  bool empty() const { return values_.empty(); }

 private:
  struct Value {
    const OptionInfo* option;
    int integer;
    std::vector<std::string> strings;
  };
  const Value* find(const OptionInfo& option) const;
  Value& slot(const OptionInfo& option);
  std::vector<Value> values_;
};

}  // namespace pyflags
