// PF901 wildcard-import: `from module import *`.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF901",
    .name = "wildcard-import",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Wildcard import `from module import *`",
    .rationale = R"(`from module import *` copies every public name of another module into this one. A reader
can no longer tell where a name is defined, tools cannot tell whether a name is undefined, and any name
the other module adds later can silently replace one of yours (or a builtin) on the next upgrade: the
import hides the module's real dependencies and pollutes its namespace. Import the names you use
explicitly, or import the module and qualify (`import collections; collections.deque`). A relative star
import in a package's `__init__.py`, the customary way to re-export submodules through their
`__all__`, is not reported.)",
    .bad = R"(from collections import *


def make_queue():
    return deque()
)",
    .good = R"(from collections import deque


def make_queue():
    return deque()
)",
    .seed = "§11 \"Common anti-patterns\" — \"BAD -- pollutes namespace, makes code unreadable, hides dependencies\"",
};

// Message: "`from {module} import *` hides where names come from and can silently shadow others; import the names you use explicitly"
bool in_package_init(const Context& ctx) {
  const std::string& path = ctx.file.path();
  return path == "__init__.py" || path.ends_with("/__init__.py") || path.ends_with("\\__init__.py");
}

// `from pkg.sub.mod import *` in `.../pkg/sub/__init__.py`: an absolute spelling of the relative
// `from .mod import *`, i.e. the package re-exporting its own submodule.
bool imports_own_submodule(const Context& ctx, TSNode module) {
  std::string_view dir(ctx.file.path());
  dir = dir.substr(0, dir.find_last_of("/\\") == std::string_view::npos ? 0 : dir.find_last_of("/\\"));
  std::string name;
  for (char c : ctx.text(module)) {
    if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') name.push_back(c);
  }
  // Try package names made of the last 1, 2, ... directory components.
  std::string package;
  while (!dir.empty()) {
    const std::size_t slash = dir.find_last_of("/\\");
    const std::string_view last = slash == std::string_view::npos ? dir : dir.substr(slash + 1);
    package = package.empty() ? std::string(last) : cat(last, ".", package);
    if (name.size() > package.size() && name.starts_with(package) && name[package.size()] == '.') return true;
    if (slash == std::string_view::npos) break;
    dir = dir.substr(0, slash);
  }
  return false;
}

// Called for every `from ... import ...` statement.
void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode module = field(stmt, s.field.module_name);
  bool star = false;
  for (TSNode item : named_children(stmt)) star = star || (!same_node(item, module) && ctx.text(item) == "*");
  if (!star) return;  // the wildcard_import node is the `*`
  if (in_package_init(ctx) && (is(module, s.relative_import) || imports_own_submodule(ctx, module))) {
    return;  // re-exporting submodules
  }
  out.report(stmt, cat("`from ", shorten(ctx.text(module)),
                       " import *` hides where names come from and can silently shadow others; import the names "
                       "you use explicitly"));
}

constexpr SymbolRef kKinds[] = {&Symbols::import_from_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
