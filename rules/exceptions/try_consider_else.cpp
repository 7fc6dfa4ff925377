// PF607 try-consider-else: a `try` body that ends with the success path's `return`.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF607",
    .name = "try-consider-else",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Success path inside the `try` body; move it to `else:`",
    .rationale = R"(Every statement in a `try` body is guarded by its `except` clauses. When the body
goes on, after the operation that can fail, to compute and return the result, an exception raised by
that follow-up code (a bug in `process()`, say) is caught and handled as if the guarded operation had
failed. The `else:` block exists for exactly this: it runs only when the `try` body raised nothing,
and what it raises is not caught by the handlers above it. Keep only the risky call in `try` and put
the success path, including its `return`, in `else:`. This is advice, off by default.)",
    .bad = R"(def fetch_and_process():
    try:
        data = fetch_from_api()
        return process(data)
    except ConnectionError:
        return None
)",
    .good = R"(def fetch_and_process():
    try:
        data = fetch_from_api()
    except ConnectionError:
        return None
    else:
        return process(data)
)",
    .seed = "§6 \"try / except / else / finally\" — \"Not knowing else exists. Putting all post-success logic inside the try block.\"",
};

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  bool has_handler = false;
  for (TSNode child : named_children(stmt)) {
    if (is(child, s.else_clause)) return;
    if (is(child, s.except_clause)) has_handler = true;
  }
  if (!has_handler) return;  // try/finally only
  const TSNode body = field(stmt, s.field.body);
  unsigned statements = 0;
  for (TSNode child : named_children(body)) statements += !is(child, s.comment);
  if (statements < 2) return;
  const TSNode last = python::last_statement(ctx, body);
  if (!is(last, s.return_statement)) return;
  out.report(last, "Move the success path out of the `try` body into an `else:` block so that `except` only guards "
                   "the code that can fail");
}

constexpr SymbolRef kKinds[] = {&Symbols::try_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
