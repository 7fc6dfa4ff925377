// PF606 broad-except: `except Exception:` that neither re-raises nor logs the traceback.
#include "linter/python.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF606",
    .name = "broad-except",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "`except Exception:` without re-raising or logging the traceback",
    .rationale = R"(Catching `Exception` is less bad than a bare `except:` (Ctrl-C and `sys.exit()` still
get through), but it still treats a programming error exactly like the failure the handler was written
for: an AttributeError from a typo is turned into the same fallback value as a network timeout. Wrapping
a whole function in one broad `try` makes this worse, since every line is guarded by the same handler.
Name the exceptions the guarded code can actually raise; when a catch-all is deliberate (a top-level
loop, a plugin boundary), log the traceback (`logger.exception(...)`) or re-raise so the bug is not
hidden. This is advice, off by default.)",
    .bad = R"(def fetch(url):
    try:
        return download(url)
    except Exception:
        return None
)",
    .good = R"(def fetch(url):
    try:
        return download(url)
    except (TimeoutError, ConnectionError):
        return None
)",
    .seed = "§6 \"Exception handling\" — \"BAD BUT LESS BAD: catches too broadly\"; \"Wrapping entire functions in try-except instead of targeting specific operations.\"",
};

void check(TSNode handler, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const TSNode broad = python::broad_exception_element(ctx, handler);  // null for bare `except:` (PF601)
  if (ts_node_is_null(broad)) return;
  const TSNode body = python::handler_body(ctx, handler);
  if (python::is_swallowing_body(ctx, body)) return;  // PF602's case
  if (python::contains_raise(ctx, body) || python::logs_traceback(ctx, body)) return;
  const TSNode colon = python::handler_colon(ctx, handler);
  if (ts_node_is_null(colon) || ts_node_has_error(handler)) return;
  out.report_range(ts_node_start_byte(handler), ts_node_end_byte(colon),
                   cat("`except ", shorten(ctx.text(python::handler_type(ctx, handler))),
                       "` without re-raising or logging catches every error, bugs included; catch the specific "
                       "exceptions this code can raise"));
}

constexpr SymbolRef kKinds[] = {&Symbols::except_clause};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
