// PF702 stop-iteration-in-generator: `raise StopIteration` in a generator is a RuntimeError (PEP 479).
#include "linter/python.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF702",
    .name = "stop-iteration-in-generator",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "`raise StopIteration` inside a generator",
    .rationale = R"(StopIteration is how an iterator's `__next__` tells the `for` loop it is exhausted;
raising it is correct in a hand-written iterator class. A generator is different: the generator
machinery raises StopIteration for you when the function returns. Since Python 3.7 (PEP 479) a
StopIteration that escapes a generator's body is converted into RuntimeError, because a stray one used
to end the iteration silently and hide bugs. So `raise StopIteration` in a generator no longer means
"stop": it crashes the consumer. End a generator with `return` (or `return value`).)",
    .bad = R"(def countdown(start):
    while True:
        if start <= 0:
            raise StopIteration
        yield start
        start -= 1
)",
    .good = R"(def countdown(start):
    while start > 0:
        yield start
        start -= 1
)",
    .seed = "§8 \"Iterables vs iterators\" — \"Not understanding the StopIteration protocol.\"",
    .fix_applicability = Applicability::Unsafe,
};

bool names_stop_iteration(const Context& ctx, TSNode type) {
  type = python::unparenthesize(ctx, type);
  if (is(type, ctx.sym.identifier)) return ctx.text(type) == "StopIteration";
  if (is(type, ctx.sym.tuple)) {
    for (TSNode element : named_children(type)) {
      if (names_stop_iteration(ctx, element)) return true;
    }
  }
  return false;
}

// The raise sits in the body of a `try` (of this function) that catches StopIteration itself.
bool caught_locally(const Context& ctx, TSNode stmt) {
  const auto frames = ctx.stack.frames();
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) return false;
    if (it->kind != FrameKind::Try || !contains(field(it->node, ctx.sym.field.body), stmt)) continue;
    for (TSNode clause : named_children(it->node)) {
      if (is(clause, ctx.sym.except_clause) && names_stop_iteration(ctx, python::handler_type(ctx, clause))) return true;
    }
  }
  return false;
}

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  TSNode value{};
  for (TSNode child : named_children(stmt)) {
    if (!is(child, s.comment)) {
      value = child;
      break;
    }
  }
  TSNode call{};
  if (is(value, s.call)) {
    call = value;
    value = field(value, s.field.function);
  }
  if (!is(value, s.identifier) || ctx.text(value) != "StopIteration") return;
  const Frame* scope = ctx.stack.enclosing_scope();
  if (scope == nullptr || scope->kind != FrameKind::Function) return;
  if (!python::is_generator_def(ctx, scope->node) || caught_locally(ctx, stmt)) return;

  // `raise StopIteration` / `StopIteration()` -> `return`; `StopIteration(v)` -> `return v` (not in an
  // async generator, where `return v` is a SyntaxError). Nothing for `from` clauses or odd arguments.
  std::optional<Fix> fix;
  if (ts_node_is_null(field(stmt, s.field.cause))) {
    std::string replacement;
    if (ts_node_is_null(call)) {
      replacement = "return";
    } else if (!python::has_keywords_or_splats(ctx, call)) {
      const unsigned n = python::positional_count(ctx, call);
      const TSNode arg = python::positional_argument(ctx, call, 0);
      if (n == 0 && is(field(call, s.field.arguments), s.argument_list)) {
        replacement = "return";
      } else if (n == 1 && !scope->is_async && !ts_node_is_null(arg) && !is(arg, s.generator_expression)) {
        replacement = cat("return ", ctx.text(arg));
      }
    }
    if (!replacement.empty()) {
      fix = Fix{.applicability = Applicability::Unsafe,
                .title = "End the generator with `return`",
                .edits = {{ts_node_start_byte(stmt), ts_node_end_byte(ts_node_is_null(call) ? value : call), replacement}}};
    }
  }
  out.report(stmt, "`raise StopIteration` inside a generator becomes RuntimeError (PEP 479); use `return` to end the "
                   "generator",
             std::move(fix));
}

constexpr SymbolRef kKinds[] = {&Symbols::raise_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
