// PF501 open-without-with: a file opened outside a `with` statement may stay open when an exception is raised.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF501",
    .name = "open-without-with",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "File opened without a `with` statement",
    .rationale = R"(A file opened with a plain call is closed only when some code remembers to call `.close()`, and only if
that code is reached: an exception between the `open` and the `close` leaves the file open until the
garbage collector happens to finalize it (on PyPy and other runtimes possibly much later), with unflushed
writes and a leaked descriptor in the meantime. The seed calls the `with` statement non-negotiable for
files and shows the bare `open`/`close` pair as an anti-pattern because the file "may not close on
exception". `with open(...) as f:` closes the file on every exit path, exceptions included. Calls whose
result is handed to something that takes ownership (a `with` item, `contextlib.closing`, `enter_context`,
a `return`, an attribute of an object that manages it) are left alone.)",
    .bad = R"(def read_config(path):
    f = open(path, encoding="utf-8")
    data = f.read()
    f.close()
    return data
)",
    .good = R"(def read_config(path):
    with open(path, encoding="utf-8") as f:
        return f.read()
)",
    .seed = "§5 \"Reading and writing files\" — \"Not using with statement.\"; §11 \"Common anti-patterns\" — \"BAD -- file may not close on exception\"",
};

// Message: "Use `with {func}(...) as ...:` so the file is closed even if an exception is raised"
bool is_enter_context_name(std::string_view name) {
  return name == "enter_context" || name == "enter_async_context" || name == "enterContext" ||
         name == "enterClassContext" || name == "enterModuleContext";
}

// The call is passed to something that takes charge of closing it: a `with` item, `closing(...)`,
// `enter_context(...)` (or the call receiving it is itself a `with` item).
bool handed_to_owner(const Context& ctx, TSNode expr) {
  const Symbols& s = ctx.sym;
  if (python::is_with_item_expression(ctx, expr)) return true;
  const TSNode outer = python::call_receiving_argument(ctx, expr);
  if (ts_node_is_null(outer)) return false;
  if (python::is_with_item_expression(ctx, outer)) return true;
  const TSNode fn = field(outer, s.field.function);
  std::string_view last;
  if (is(fn, s.identifier)) last = ctx.text(fn);
  if (is(fn, s.attribute)) last = ctx.text(field(fn, s.field.attribute));
  if (is_enter_context_name(last)) return true;
  if (last == "closing") return is(fn, s.identifier) || python::refers_to(ctx, fn, "contextlib.closing");
  return false;
}

// The position the call's value lands in: the call itself, or a conditional expression it is a branch of.
TSNode value_position(const Context& ctx, TSNode call) {
  TSNode node = call;
  for (;;) {
    TSNode child{};
    const TSNode parent = python::parent_skipping_parens(ctx, node, &child);
    if (is(parent, ctx.sym.as_pattern) && is(parent_of(parent), ctx.sym.conditional_expression) &&
        !same_node(field(parent, ctx.sym.field.alias), child)) {
      node = parent;  // tree-sitter reads `with a if c else b as f:` as `a if c else (b as f)`
      continue;
    }
    if (!is(parent, ctx.sym.conditional_expression)) return child;
    if (same_node(ts_node_named_child(parent, 1), child)) return child;  // the condition
    node = parent;
  }
}

bool exempt_position(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode value = value_position(ctx, call);
  if (handed_to_owner(ctx, value)) return true;
  TSNode child{};
  const TSNode parent = python::parent_skipping_parens(ctx, value, &child);
  if (is(parent, s.return_statement)) return true;
  if (is(parent, s.assignment) && same_node(field(parent, s.field.right), child)) {
    return is(field(parent, s.field.left), s.attribute);  // `self._file = open(p)`
  }
  // `open(p, "w").close()`
  if (is(parent, s.attribute) && same_node(field(parent, s.field.object), child) &&
      ctx.text(field(parent, s.field.attribute)) == "close" && is(parent_of(parent), s.call)) {
    return true;
  }
  return false;
}

// Inside `__enter__` / `__aenter__`, or a function decorated with `contextmanager` / `asynccontextmanager`.
bool in_context_manager_code(const Context& ctx) {
  const Symbols& s = ctx.sym;
  for (auto it = ctx.stack.frames().rbegin(); it != ctx.stack.frames().rend(); ++it) {
    if (it->kind != FrameKind::Function) continue;
    const std::string_view name = ctx.text(field(it->node, s.field.name));
    if (name == "__enter__" || name == "__aenter__") return true;
    const TSNode decorated = parent_of(it->node);
    if (is(decorated, s.decorated_definition)) {
      for (TSNode d : named_children(decorated)) {
        if (!is(d, s.decorator)) continue;
        TSNode e = ts_node_named_child(d, 0);
        if (is(e, s.call)) e = field(e, s.field.function);
        std::string_view last = ctx.text(e);
        if (is(e, s.attribute)) last = ctx.text(field(e, s.field.attribute));
        if (last == "contextmanager" || last == "asynccontextmanager") return true;
      }
    }
    return false;  // only the innermost def counts
  }
  return false;
}

// Called for every call: `file_opener` compares the callee's last name before anything else.
void check(TSNode call, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const std::string_view opener = python::file_opener(ctx, call);
  if (opener.empty()) return;
  if (exempt_position(ctx, call) || in_context_manager_code(ctx)) return;
  const std::string_view written = ctx.text(field(call, ctx.sym.field.function));
  std::string message = cat("Use `with ", shorten(written), "(...) as ...:` so the file is closed even if an exception is raised");
  out.report_unless_bound(ctx.scopes.module(), opener == "open" ? "open" : "", call, std::move(message));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
