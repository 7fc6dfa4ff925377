// PF002 io-error: reported by the runner for a file it cannot read or decode; this file holds its
// documentation and makes it selectable.
#include "linter/rule.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF002",
    .name = "io-error",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "The file cannot be read or decoded",
    .rationale = R"(The file could not be read (permissions, a directory, a vanished file), contains a NUL
byte, or is not valid UTF-8 and declares no other encoding with a PEP 263 coding cookie. Python itself
refuses such a file, so nothing in it was linted.)",
    .bad = "# a file saved as Latin-1 with no coding cookie: caf\xE9 = 1\n",
    .good = "# -*- coding: latin-1 -*-\n",
    .seed = "pyflags itself",
};

const Rule kRule{.info = kInfo, .kinds = {}, .check = nullptr};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
