// What a rule is: its metadata (the only description of it anywhere), its node kinds and its check.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/options.h"
#include "linter/syntax.h"

namespace pyflags {

enum class Severity : std::uint8_t { Error, Warning, Info };
enum class FixAvailability : std::uint8_t { None, Sometimes, Always };
enum class Applicability : std::uint8_t { Safe, Unsafe };  // unsafe: may change behaviour

struct Edit {  // byte offsets into the original text; begin == end inserts
  std::uint32_t begin = 0, end = 0;
  std::string content;
  bool operator==(const Edit&) const = default;
};

struct Fix {
  Applicability applicability = Applicability::Safe;
  std::string title;
  std::vector<Edit> edits;
};

struct RuleInfo {
  std::string_view code, name;
  Severity severity = Severity::Warning;
  bool default_enabled = true;
  FixAvailability fix = FixAvailability::None;
  std::string_view summary, rationale, bad, good, seed;
  // The catalog's fix safety for rules whose fix is offered; None when fix == FixAvailability::None.
  std::optional<Applicability> fix_applicability = std::nullopt;
  // The options a configuration may set under [tool.pyflags.rules.<name>]; the check reads them with
  // `ctx.options.integer(kOptions[0])` / `ctx.options.contains(kOptions[0], name)`.
  std::span<const OptionInfo> options = {};
};

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  std::uint32_t begin = 0, end = 0;  // bytes
  std::string message;
  std::optional<Fix> fix;
  // Dropped at the end of the file if `veto_scope` binds `veto_name` anywhere (e.g. a shadowed builtin
  // whose rebinding comes after the call in source order).
  std::string_view veto_name;
  std::uint32_t veto_scope = UINT32_MAX;
};

struct Context;
class Reporter;

using SymbolRef = TSSymbol Symbols::*;
using Check = void (*)(TSNode node, const Context& ctx, Reporter& out);

struct Rule {
  RuleInfo info;
  std::span<const SymbolRef> kinds;  // the node kinds the walker hands to `check`
  Check check = nullptr;
  bool needs_scopes = false;          // analysis level scope/flow: the walker builds the binding table
};

const Rule& register_rule(const Rule& rule);
#define PYFLAGS_REGISTER_RULE(r) \
  [[maybe_unused]] static const ::pyflags::Rule& pyflags_registration = ::pyflags::register_rule(r)

std::string_view to_string(Severity s);
std::string_view fix_kind(const RuleInfo& info);  // "none" | "safe" | "unsafe"
std::string_view group_of(const RuleInfo& info);  // "basics" ... "style", or "pyflags" for PF0xx

}  // namespace pyflags
