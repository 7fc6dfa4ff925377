// PF602 broad-except-swallowed: `except Exception: pass` throws every error away without a trace.
#include "linter/python.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF602",
    .name = "broad-except-swallowed",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`except Exception: pass` silently swallows every error",
    .rationale = R"(A handler for `Exception` (or `BaseException`) whose body is only `pass` or
`continue` turns every failure in the `try` block into silence: a typo, a wrong argument, a broken
invariant all vanish, and the bug surfaces much later, far from its cause, with no traceback to follow.
This "error swallowing" is one of the first things a reviewer should object to. Catch only the
exception you expect and can ignore (`except FileNotFoundError: pass`), or, if the code really must
survive anything, at least log the exception so the failure leaves a trace.)",
    .bad = R"(def cleanup(path):
    try:
        remove(path)
    except Exception:
        pass
)",
    .good = R"(def cleanup(path):
    try:
        remove(path)
    except FileNotFoundError:
        pass
)",
    .seed = "§11 \"Common anti-patterns\" — \"You're reviewing a PR and see except Exception: pass.\"; §6 \"Exception handling\" — \"Using except: pass without logging.\"",
};

void check(TSNode handler, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const TSNode broad = python::broad_exception_element(ctx, handler);  // null for bare `except:` (PF601)
  if (ts_node_is_null(broad)) return;
  std::string_view action;
  if (!python::is_swallowing_body(ctx, python::handler_body(ctx, handler), &action)) return;
  const TSNode colon = python::handler_colon(ctx, handler);
  if (ts_node_is_null(colon) || ts_node_has_error(handler)) return;
  out.report_range(ts_node_start_byte(handler), ts_node_end_byte(colon),
                   cat("`except ", shorten(ctx.text(python::handler_type(ctx, handler))), ": ", action,
                       "` silently swallows every error and hides bugs; catch the specific exception, or at least "
                       "log it"));
}

constexpr SymbolRef kKinds[] = {&Symbols::except_clause};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
