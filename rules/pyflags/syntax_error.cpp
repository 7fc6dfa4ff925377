// PF001 syntax-error: reported by the walker itself for tree-sitter ERROR and MISSING nodes; this file
// holds its documentation and makes it selectable.
#include "linter/rule.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF001",
    .name = "syntax-error",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "The file does not parse as Python",
    .rationale = R"(pyflags could not parse this part of the file. Every other rule stays quiet inside the
broken region, so a syntax error can hide other problems there; the rest of the file is still linted.)",
    .bad = "def f(:\n    pass\n",
    .good = "def f():\n    pass\n",
    .seed = "pyflags itself",
};

const Rule kRule{.info = kInfo, .kinds = {}, .check = nullptr};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
