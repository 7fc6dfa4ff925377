// PF003 unused-noqa: reported by lint() itself once every other rule has run on the file (it needs to
// know what each `# noqa` suppressed); this file holds its documentation and makes it selectable.
#include "linter/rule.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF003",
    .name = "unused-noqa",
    .severity = Severity::Warning,
    .default_enabled = false,
    .fix = FixAvailability::Always,
    .summary = "A `# noqa` directive suppresses nothing",
    .rationale = R"(A `# noqa` that no longer suppresses anything is not harmless: the next real problem
on that line is hidden without anyone deciding it should be, and readers take the comment as a sign
that the line is known to be odd. Reported, after every other rule has run, for a blanket `# noqa`
that suppressed nothing on its line, and for codes of a `# noqa: ...` list that suppressed nothing:
codes and names of rules enabled for the file (`unused`), repeats of a rule already listed
(`duplicated`), and prefixes such as `PF1` (`not a full code`: a noqa matches whole codes and names
only). Codes of pyflags rules that are not enabled are left alone, since another configuration may
enable them, and so are codes pyflags does not know (`E501`, `B006`), which belong to the other
linters that share the `# noqa` syntax; if another linter needs a blanket `# noqa`, give it that
linter's code instead. A diagnostic removed by `per-file-ignores` never reaches `# noqa`, so a noqa
for it is unused. A directive that names PF003 (or `unused-noqa`) is never reported, and a blanket
`# noqa` does not silence PF003 on its own line; `# pyflags: noqa: PF003` turns it off for the file,
and the file-level directive itself is not checked. Nothing is reported in a file with a syntax error.
The fix removes what is unused: the unused codes from the list, or the whole directive (with the
blanks before it, or its line when it stands alone) while keeping any other text of the comment, such
as `# type: ignore`. Off by default; enable it with `--extend-select PF003`.)",
    .bad = "def total(values):\n    return sum(values)  # noqa\n",
    .good = "def total(values):\n    return sum(values)\n",
    .seed = "pyflags itself",
    .fix_applicability = Applicability::Safe,
};

const Rule kRule{.info = kInfo, .kinds = {}, .check = nullptr};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
