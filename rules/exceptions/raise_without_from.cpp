// PF604 raise-without-from: a new exception raised in `except` without `from` muddles the traceback.
#include "linter/python.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF604",
    .name = "raise-without-from",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "New exception raised inside `except` without `from`",
    .rationale = R"(When a handler translates one exception into another (`except ValueError: raise
ConfigError(...)`), Python 3 can record the original as the new exception's cause. Written without
`from`, the traceback says "During handling of the above exception, another exception occurred", which
reads like a second bug inside the handler. `raise NewError(...) from e` says that the first error
caused the second ("The above exception was the direct cause..."), keeps it in `__cause__` for code
that inspects it, and documents the intent; `from None` hides the original when it is an
implementation detail.)",
    .bad = R"(def parse_config(raw):
    try:
        return decode(raw)
    except ValueError:
        raise ConfigError("Bad config format")
)",
    .good = R"(def parse_config(raw):
    try:
        return decode(raw)
    except ValueError as e:
        raise ConfigError("Bad config format") from e
)",
    .seed = "§6 \"Exception handling\" — \"Not knowing about exception chaining with from e.\"",
    .fix_applicability = Applicability::Unsafe,
};

// The raised expression, or null for a bare `raise`.
TSNode raised(const Context& ctx, TSNode stmt) {
  for (TSNode child : named_children(stmt)) {
    if (!is(child, ctx.sym.comment)) return child;
  }
  return {};
}

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  if (!ts_node_is_null(field(stmt, s.field.cause))) return;  // `raise X from e` / `from None`
  const TSNode value = raised(ctx, stmt);
  if (ts_node_is_null(value)) return;  // bare `raise`
  const TSNode handler = python::enclosing_handler(ctx);
  if (ts_node_is_null(handler)) return;
  const TSNode name = python::handler_name(ctx, handler);
  const std::string_view bound = ctx.text(name);
  const TSNode v = python::unparenthesize(ctx, value);
  if (!bound.empty()) {
    // Re-raising the caught exception: `raise e`, `raise e.with_traceback(tb)` (PF605's business).
    if (is(v, s.identifier) && ctx.text(v) == bound) return;
    if (is(v, s.call)) {
      const TSNode fn = field(v, s.field.function);
      const TSNode object = python::unparenthesize(ctx, field(fn, s.field.object));
      if (is(fn, s.attribute) && ctx.text(field(fn, s.field.attribute)) == "with_traceback" &&
          is(object, s.identifier) && ctx.text(object) == bound) {
        return;
      }
    }
  }
  // `raise outer` inside an inner handler re-raises an exception caught further out: not a new one either.
  if (is(v, s.identifier)) {
    const std::string_view raised_name = ctx.text(v);
    const auto frames = ctx.stack.frames();
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) break;
      if (it->kind == FrameKind::ExceptClause && ctx.text(python::handler_name(ctx, it->node)) == raised_name) return;
    }
  }
  std::optional<Fix> fix;
  if (!bound.empty()) {
    fix = Fix{.applicability = Applicability::Unsafe,
              .title = cat("Chain with `from ", bound, "`"),
              .edits = {{ts_node_end_byte(value), ts_node_end_byte(value), cat(" from ", bound)}}};
  }
  out.report(stmt,
             cat("Raising a new exception inside `except` without `from`; use `raise ... from ",
                 bound.empty() ? std::string("err") : shorten(bound),
                 "` to keep the cause (or `from None` to hide it on purpose)"),
             std::move(fix));
}

constexpr SymbolRef kKinds[] = {&Symbols::raise_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
