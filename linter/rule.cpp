#include "linter/rule.h"

namespace pyflags {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "warning";
}

std::string_view fix_kind(const RuleInfo& info) {
  if (info.fix == FixAvailability::None || !info.fix_applicability) return "none";
  return *info.fix_applicability == Applicability::Safe ? "safe" : "unsafe";
}

std::string_view group_of(const RuleInfo& info) {
  static constexpr std::string_view kGroups[] = {"pyflags", "basics",     "data",        "classes", "functions",
                                                 "io",      "exceptions", "concurrency", "datasci", "style"};
  if (info.code.size() < 3 || info.code[2] < '0' || info.code[2] > '9') return "pyflags";
  return kGroups[info.code[2] - '0'];
}

}  // namespace pyflags
