// PF103 string-concat-in-loop: `s += piece` in a loop copies the whole string every time.
#include <algorithm>
#include <vector>

#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF103",
    .name = "string-concat-in-loop",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "String built with `+=` in a loop",
    .rationale = R"(Strings are immutable: `s += piece` does not extend `s`, it builds a new string holding
all of `s` plus `piece` and rebinds the name. In a loop that is a full copy per iteration, so building a
string of n pieces costs O(n^2) time. (CPython sometimes optimises the simplest case in place, but not
reliably, and not on other interpreters.) Append the pieces to a list and `''.join()` them once at the
end, or use `io.StringIO`.)",
    .bad = R"(def render(items):
    result = ""
    for item in items:
        result += str(item) + ", "
    return result
)",
    .good = R"(def render(items):
    return ", ".join(str(item) for item in items)
)",
    .seed = "§11 \"Common anti-patterns\" — \"BAD -- O(n^2) because strings are immutable, each += creates new "
            "string\"; §1 \"Mutable vs immutable\" — \"Thinking strings are mutable because you can do s += 'more'.\"",
};

// A value that is certainly a str (or bytes): a literal, str()/repr()/chr()/format(), "...".format(),
// "...".join(), "..." % x, or a `+` chain containing one of those. Iterative down the left spine of a
// chain (`a + b + ... + z` nests to the left, and real files hold chains thousands long); operands
// nested on the right are followed to a bounded depth.
bool is_strish(const Context& ctx, TSNode n, int depth = 0) {
  const Symbols& s = ctx.sym;
  for (;;) {
    n = python::unparenthesize(ctx, n);
    if (python::is_string_literal(ctx, n) || python::is_bytes_literal(ctx, n)) return true;
    if (is(n, s.call)) {
      if (python::is_call_to_any(ctx, n, {"str", "repr", "chr", "format"})) return true;
      const TSNode fn = field(n, s.field.function);
      if (!is(fn, s.attribute)) return false;
      const std::string_view method = ctx.text(field(fn, s.field.attribute));
      return (method == "format" || method == "join") && python::is_string_literal(ctx, field(fn, s.field.object));
    }
    if (!is(n, s.binary_operator)) return false;
    const TSNode op = field(n, s.field.operator_);
    if (is(op, s.op_percent)) return python::is_string_literal(ctx, field(n, s.field.left));
    if (!is(op, s.op_plus)) return false;
    if (depth < 64 && is_strish(ctx, field(n, s.field.right), depth + 1)) return true;
    n = field(n, s.field.left);
  }
}

// The operands of a left-nested `a + b + c` chain, left to right (parentheses are kept as operands).
void plus_operands(const Context& ctx, TSNode n, std::vector<TSNode>& out) {
  while (is(n, ctx.sym.binary_operator) && is(field(n, ctx.sym.field.operator_), ctx.sym.op_plus)) {
    out.push_back(field(n, ctx.sym.field.right));
    n = field(n, ctx.sym.field.left);
  }
  out.push_back(n);
  std::reverse(out.begin(), out.end());
}

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const Frame* loop = ctx.stack.loop_body_containing(stmt);
  if (loop == nullptr) return;
  const TSNode target = field(stmt, s.field.left);
  if (!is(target, s.identifier)) return;  // attributes and subscripts are not this rule's business
  const std::string_view name = ctx.text(target);
  const TSNode right = field(stmt, s.field.right);
  if (ts_node_is_null(right)) return;

  bool added_strish = false;
  if (is(stmt, s.augmented_assignment)) {
    if (!is(field(stmt, s.field.operator_), s.op_plus_eq)) return;
    added_strish = is_strish(ctx, right);
  } else {
    // `NAME = NAME + VALUE` or `NAME = VALUE + NAME`.
    const TSNode value = python::unparenthesize(ctx, right);
    if (!is(value, s.binary_operator) || !is(field(value, s.field.operator_), s.op_plus)) return;
    std::vector<TSNode> operands;
    plus_operands(ctx, value, operands);
    const bool first = is(operands.front(), s.identifier) && ctx.text(operands.front()) == name;
    const bool last = is(operands.back(), s.identifier) && ctx.text(operands.back()) == name;
    if (!first && !last) return;
    for (std::size_t i = 0; i < operands.size(); ++i) {
      if ((i == 0 && first) || (i + 1 == operands.size() && last && !(first && operands.size() == 1))) continue;
      added_strish = added_strish || is_strish(ctx, operands[i]);
    }
  }

  // Walk this scope's bindings of NAME backwards from the statement: a rebinding earlier in the same
  // iteration of the innermost loop (any assignment, tuple unpacking, or the loop's own target) means a
  // fresh value each time round; otherwise the last plain `NAME = value` is what the loop accumulates on.
  const std::uint32_t at = ts_node_start_byte(stmt);
  const std::uint32_t loop_start = ts_node_start_byte(loop->node);
  const Binding* assigned = nullptr;
  const auto& ids = ctx.scopes.scope(ctx.current_scope()).bindings;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    const Binding& b = ctx.scopes.binding(*it);
    if (b.offset >= at || b.name != name) continue;
    const bool in_this_iteration = b.offset >= loop_start && b.kind != BindingKind::AugmentedAssignment &&
                                   (b.offset >= loop->body_begin || same_node(b.statement, loop->node));
    if (in_this_iteration) return;
    if (b.kind == BindingKind::Assignment && !ts_node_is_null(b.value)) {
      assigned = &b;
      break;
    }
  }
  const bool started_as_string = assigned != nullptr && is_strish(ctx, assigned->value);
  if (!added_strish && !started_as_string) return;
  out.report(stmt, cat("`", shorten(name), "` is built with `+=` in a loop, copying the whole string each time "
                                           "(O(n^2)); collect the pieces in a list and `''.join()` them"));
}

constexpr SymbolRef kKinds[] = {&Symbols::augmented_assignment, &Symbols::assignment};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
