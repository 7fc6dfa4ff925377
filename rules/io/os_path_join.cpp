// PF505 os-path-join: `os.path.join(...)` where `pathlib.Path` and `/` say it more directly.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF505",
    .name = "os-path-join",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "`os.path.join()` instead of `pathlib.Path` and `/`",
    .rationale = R"(Paths built with `os.path.join` are plain strings, and every further question about them (the parent,
the suffix, whether they exist, reading them) needs yet another `os.path` or `os` function. `pathlib`
turns a path into an object: `Path(base) / "reports" / name` joins with the right separator on every
platform, and the result has `.parent`, `.suffix`, `.exists()`, `.read_text()` and friends. The seed lists
reaching for `os.path.join` instead of pathlib as a sign of dated code. This is advice, so the rule is
off by default; `posixpath` / `ntpath` calls are a deliberate platform choice and are left alone.)",
    .bad = R"(import os


def report_path(base, name):
    return os.path.join(base, "reports", name)
)",
    .good = R"(from pathlib import Path


def report_path(base, name):
    return Path(base) / "reports" / name
)",
    .seed = "§5 \"Reading and writing files\" — \"Using os.path.join instead of pathlib.\"",
};

// Message: "Use `pathlib.Path` and the `/` operator instead of `os.path.join()`"
// Called for every call: the callee's last name is compared first; imports are resolved only for `join`.
void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (is(fn, s.attribute)) {
    if (ctx.text(field(fn, s.field.attribute)) != "join" || !python::is_name_chain(ctx, field(fn, s.field.object))) return;
  } else if (!is(fn, s.identifier)) {
    return;
  } else if (ctx.text(fn) != "join") {  // `from os.path import join as pjoin`: an import binds it
    const Binding* b = ctx.scopes.lookup(ctx.current_scope(), ctx.text(fn));
    if (b == nullptr || b->kind != BindingKind::ImportFrom || b->member != "join") return;
  }
  if (!python::refers_to(ctx, fn, "os.path.join")) return;
  out.report(call, "Use `pathlib.Path` and the `/` operator instead of `os.path.join()`");
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
