// PF601 bare-except: `except:` catches KeyboardInterrupt and SystemExit too.
#include "linter/python.h"
#include "linter/rule.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF601",
    .name = "bare-except",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "Bare `except:` catches everything, including Ctrl-C",
    .rationale = R"(A bare `except:` catches every exception, including the ones that are not errors:
KeyboardInterrupt (Ctrl-C), SystemExit (`sys.exit()`) and GeneratorExit. A program that swallows them
cannot be interrupted or shut down cleanly, and real bugs disappear into the handler. Catch the
exceptions you expect; if you truly mean "any error", write `except Exception:`, which leaves the
control-flow exceptions alone. A handler that only cleans up and re-raises with a bare `raise` is fine.)",
    .bad = R"(def load(path):
    try:
        return parse(path)
    except:
        return None
)",
    .good = R"(def load(path):
    try:
        return parse(path)
    except (OSError, ValueError):
        return None
)",
    .seed = "§6 \"Exception handling\" — \"Using bare except:.\"; \"NEVER use bare except: — it catches EVERYTHING, "
            "including KeyboardInterrupt and SystemExit, making your program unkillable\"",
    .fix_applicability = Applicability::Unsafe,
};

// The last top-level statement of the handler is a bare `raise`: nothing is swallowed.
bool reraises(const Context& ctx, TSNode handler) {
  TSNode body{};
  for (TSNode child : named_children(handler)) {
    if (is(child, ctx.sym.block)) body = child;
  }
  const TSNode last = python::last_statement(ctx, body);
  return is(last, ctx.sym.raise_statement) && ts_node_named_child_count(last) == 0;
}

void check(TSNode handler, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  if (!ts_node_is_null(field(handler, s.field.value))) return;  // typed: `except E:` / `except E as e:`
  const TSNode keyword = ts_node_child(handler, 0);
  const TSNode colon = ts_node_child(handler, 1);
  if (!is(keyword, s.kw_except) || !is(colon, s.colon)) return;  // `except*` always has a type
  if (reraises(ctx, handler)) return;
  out.report_range(ts_node_start_byte(handler), ts_node_end_byte(colon),
                   "Bare `except:` also catches KeyboardInterrupt and SystemExit; catch the exceptions you expect "
                   "(at most `except Exception:`)",
                   Fix{.applicability = Applicability::Unsafe,
                       .title = "Catch `Exception` instead",
                       .edits = {{ts_node_end_byte(keyword), ts_node_end_byte(keyword), " Exception"}}});
}

constexpr SymbolRef kKinds[] = {&Symbols::except_clause};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
