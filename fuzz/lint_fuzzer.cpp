// libFuzzer target: any bytes, linted as a Python file with every rule enabled, then fixed with unsafe
// fixes until stable. Crashes, hangs, sanitizer reports and a fix that breaks its own invariants
// (edits out of range, a fixed text that no longer lints) are findings. Build and run: scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "linter/fix.h"
#include "linter/lint.h"
#include "linter/registry.h"

using namespace pyflags;

namespace {

const Dispatch& all_rules_dispatch() {
  static const Dispatch dispatch(Symbols::python(), all_rules());
  return dispatch;
}

const Dispatch& syntax_dispatch() {
  static const std::vector<const Rule*> rules{find_rule("PF001")};
  static const Dispatch dispatch(Symbols::python(), rules);
  return dispatch;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Linter linter;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const LintOptions options{&all_rules_dispatch(), 10, true};
  const SourceFile file("fuzz.py", text);
  for (const Diagnostic& d : lint(file, linter, options)) {
    if (d.begin > d.end || d.end > text.size()) __builtin_trap();  // a range outside the file
  }
  auto lint_text = [&](std::string_view t) { return lint(SourceFile("fuzz.py", std::string(t)), linter, options); };
  auto syntax_errors = [&](std::string_view t) {
    const LintOptions o{&syntax_dispatch(), 10, false};
    return static_cast<int>(lint(SourceFile("fuzz.py", std::string(t)), linter, o).size());
  };
  fix_until_stable(text, true, lint_text, syntax_errors);
  return 0;
}
