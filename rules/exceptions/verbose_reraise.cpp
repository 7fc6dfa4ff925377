// PF605 verbose-reraise: `raise e` of the exception just caught, where a bare `raise` says it better.
#include "linter/python.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF605",
    .name = "verbose-reraise",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`raise e` re-raises the caught exception; use a bare `raise`",
    .rationale = R"(Inside `except SomeError as e:`, a handler that logs and then gives up should end
with a bare `raise`: it re-raises the exception being handled exactly as it arrived, with its original
traceback. `raise e` raises the same object but as a new raise statement, so the traceback gains an
extra entry pointing at the handler line, and the reader has to check that `e` is still the caught
exception. The bare form is shorter and states the intent: "I could not handle this, pass it on".)",
    .bad = R"(def connect(db):
    try:
        db.open()
    except ConnectionError as e:
        log_failure(e)
        raise e
)",
    .good = R"(def connect(db):
    try:
        db.open()
    except ConnectionError as e:
        log_failure(e)
        raise
)",
    .seed = "§6 \"Exception handling\" — \"What is the difference between raise and raise e inside an except block?\"; \"raise  # Preserves the original traceback\"",
    .fix_applicability = Applicability::Safe,
};

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  if (!ts_node_is_null(field(stmt, s.field.cause))) return;  // `raise e from other`
  TSNode raised{};
  for (TSNode child : named_children(stmt)) {
    if (!is(child, s.comment)) {
      raised = child;
      break;
    }
  }
  TSNode value = raised;
  value = python::unparenthesize(ctx, value);
  if (!is(value, s.identifier)) return;  // bare `raise`, `raise Error(...)`, `raise self._error`
  bool through_finally = false;
  const TSNode handler = python::enclosing_handler(ctx, &through_finally);
  // A `finally:` nested in the handler may run with another exception in flight, which a bare `raise`
  // would re-raise instead: leave it alone.
  if (ts_node_is_null(handler) || through_finally) return;
  const TSNode bound = python::handler_name(ctx, handler);
  const std::string_view name = ctx.text(value);
  if (ts_node_is_null(bound) || ctx.text(bound) != name) return;  // not the nearest handler's exception
  if (python::binds_name_before(ctx, python::handler_body(ctx, handler), name, ts_node_start_byte(stmt))) return;
  out.report(stmt,
             cat("Use a bare `raise` to re-raise `", shorten(name),
                 "`; it keeps the original traceback without adding this line"),
             Fix{.applicability = Applicability::Safe,
                 .title = "Re-raise with a bare `raise`",
                 .edits = {{ts_node_start_byte(stmt), ts_node_end_byte(raised), "raise"}}});
}

constexpr SymbolRef kKinds[] = {&Symbols::raise_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
