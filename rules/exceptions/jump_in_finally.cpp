// PF603 jump-in-finally: `return` / `break` / `continue` in `finally` swallows the in-flight exception.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF603",
    .name = "jump-in-finally",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`return`, `break` or `continue` inside `finally`",
    .rationale = R"(A `finally` block always runs: after a normal exit, after a `return` in the `try`,
and while an exception is propagating. A `return` (or a `break`/`continue` that leaves the `try`)
executed there ends that propagation on the spot: the exception is silently dropped, and a value
returned from the `try` or `except` block is replaced by the one from `finally`, so `try: return 1
finally: return 2` returns 2. Keep `finally` for cleanup only and put the jump after the `try`
statement. Python 3.14 warns about this at compile time (PEP 765).)",
    .bad = R"(def tricky():
    try:
        return 1
    finally:
        return 2
)",
    .good = R"(def tricky():
    try:
        result = 1
    finally:
        cleanup()
    return result
)",
    .seed = "§6 \"try / except / else / finally\" — \"Putting return in a finally block.\"; \"Never put return in a finally block — it silently swallows exceptions and overrides previous returns.\"",
};

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(stmt);
  bool jumps_out = false;
  if (k == s.return_statement) {
    jumps_out = ctx.stack.innermost_in_scope(FrameKind::Finally) != nullptr;
  } else {
    // The loop a break/continue targets: the innermost loop whose body (not `else:`) holds it. It
    // jumps out of a `finally` when one lies between that loop and the statement.
    const std::uint32_t at = ts_node_start_byte(stmt);
    bool finally_seen = false;
    const auto frames = ctx.stack.frames();
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) break;
      if (it->kind == FrameKind::Finally) finally_seen = true;
      if ((it->kind == FrameKind::For || it->kind == FrameKind::While) && it->body_begin <= at && at < it->body_end) {
        jumps_out = finally_seen;
        break;
      }
    }
  }
  if (!jumps_out) return;
  const std::string_view word = k == s.return_statement ? "return" : k == s.break_statement ? "break" : "continue";
  out.report(stmt, cat("`", word,
                       "` in `finally` discards any in-flight exception and overrides the earlier return value; move "
                       "it out of the `finally` block"));
}

constexpr SymbolRef kKinds[] = {&Symbols::return_statement, &Symbols::break_statement, &Symbols::continue_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
