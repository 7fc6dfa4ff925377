// PF214 hand-written-sort: a bubble / selection sort written by hand.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF214",
    .name = "hand-written-sort",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Hand-written comparison sort",
    .rationale = R"(Two nested loops that compare neighbouring elements and swap them when they are out of order
are a hand-written bubble, selection or insertion sort: O(n^2) comparisons, interpreted one at a time. The
built-in `sorted()` and `list.sort()` use Timsort, implemented in C: O(n log n), linear on data that is
already nearly sorted, and stable (equal elements keep their order, so multi-key sorts compose). Express the
order with `key=` (and `reverse=True`) instead of re-implementing the algorithm.)",
    .bad = R"(def bubble_sort(values):
    n = len(values)
    for i in range(n):
        for j in range(n - i - 1):
            if values[j] > values[j + 1]:
                values[j], values[j + 1] = values[j + 1], values[j]
    return values
)",
    .good = R"(def sort_values(values):
    values.sort()
    return values
)",
    .seed = "§2 \"Sorting\" — \"Implementing a custom bubble sort instead of using built-in Timsort.\"",
};

// `S[A], S[B] = S[B], S[A]`: fills `a`/`b` with the two left-hand subscripts.
bool is_swap(const Context& ctx, TSNode assignment, TSNode& a, TSNode& b) {
  const Symbols& s = ctx.sym;
  const TSNode left = field(assignment, s.field.left);
  if (!is(left, s.pattern_list) && !is(left, s.tuple_pattern)) return false;
  const TSNode right = python::unparenthesize(ctx, field(assignment, s.field.right));
  if (!is(right, s.expression_list) && !is(right, s.tuple)) return false;
  if (ts_node_named_child_count(left) != 2 || ts_node_named_child_count(right) != 2) return false;
  a = ts_node_named_child(left, 0);
  b = ts_node_named_child(left, 1);
  const TSNode ra = ts_node_named_child(right, 0), rb = ts_node_named_child(right, 1);
  if (!is(a, s.subscript) || !is(b, s.subscript) || !is(ra, s.subscript) || !is(rb, s.subscript)) return false;
  if (ts_node_named_child_count(a) != 2 || ts_node_named_child_count(b) != 2) return false;
  const TSNode seq = field(a, s.field.value);
  return python::same_expression(ctx, seq, field(b, s.field.value)) &&
         !python::same_expression(ctx, field(a, s.field.subscript), field(b, s.field.subscript)) &&
         python::same_expression(ctx, a, rb) && python::same_expression(ctx, b, ra);
}

// Cheapest test first: a swap `S[A], S[B] = S[B], S[A]` has a `]` followed by a `,` with only
// whitespace, line continuations or comments between them.
bool has_subscript_then_comma(std::string_view text) {
  for (std::size_t i = text.find(']'); i != std::string_view::npos; i = text.find(']', i)) {
    ++i;
    while (i < text.size()) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\\') {
        ++i;
      } else if (c == '#') {
        while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
      } else {
        break;
      }
    }
    if (i < text.size() && text[i] == ',') return true;
  }
  return false;
}

// `S[A] < S[B]` (or >, <=, >=) in either order, as the whole condition.
bool compares_pair(const Context& ctx, TSNode condition, TSNode a, TSNode b) {
  const Symbols& s = ctx.sym;
  condition = python::unparenthesize(ctx, condition);
  if (!is(condition, s.comparison_operator) || ts_node_child_count(condition) != 3) return false;
  const TSNode op = ts_node_child(condition, 1);
  if (!is(op, s.op_lt) && !is(op, s.op_gt) && !is(op, s.op_le) && !is(op, s.op_ge)) return false;
  const TSNode x = ts_node_child(condition, 0), y = ts_node_child(condition, 2);
  return (python::same_expression(ctx, x, a) && python::same_expression(ctx, y, b)) ||
         (python::same_expression(ctx, x, b) && python::same_expression(ctx, y, a));
}

// Whether the swap statement `stmt` (inside `outer`) is guarded by such an `if` whose consequence holds it,
// and that `if` lies in the body of a loop that lies in the body of another loop.
bool guarded_in_nested_loops(const Context& ctx, TSNode stmt, TSNode outer, TSNode a, TSNode b) {
  const Symbols& s = ctx.sym;
  TSNode guard{};
  TSNode node = stmt;
  for (TSNode parent = parent_of(node); !ts_node_is_null(parent) && !same_node(node, outer);
       node = parent, parent = parent_of(parent)) {
    const TSSymbol k = ts_node_symbol(parent);
    if (ts_node_is_null(guard)) {
      if (k == s.if_statement || k == s.elif_clause) {
        if (!same_node(field(parent, s.field.consequence), node)) return false;  // `else:` / condition
        if (!compares_pair(ctx, field(parent, s.field.condition), a, b)) return false;
        guard = parent;
      } else if (k != s.block) {
        return false;  // the swap must sit directly in the guarded block
      }
      continue;
    }
    if ((k == s.for_statement || k == s.while_statement) && same_node(field(parent, s.field.body), node)) {
      return true;  // `node` (holding the guard) is in the body of an inner loop, which is in `outer`'s body
    }
  }
  return false;
}

// Message: "Hand-written comparison sort (swap inside nested loops); use `sorted()` or `list.sort()` (Timsort: O(n log
// n) and stable)"
void check(TSNode loop, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  // Only the outermost loop of its function (or module) scans; inner loops are part of its body.
  const auto frames = ctx.stack.frames();
  for (std::size_t i = frames.size(); i-- > 0;) {
    const Frame& f = frames[i];
    if (same_node(f.node, loop)) continue;
    if (f.kind == FrameKind::Function || f.kind == FrameKind::Lambda || f.kind == FrameKind::Class) break;
    if (f.kind == FrameKind::For || f.kind == FrameKind::While) return;
  }
  const TSNode outer_body = field(loop, s.field.body);
  if (!has_subscript_then_comma(ctx.text(outer_body))) return;
  bool found = false;
  python::walk_scope_subtree(ctx, outer_body, [&](TSNode n) {
    if (found) return false;
    if (!is(n, s.assignment)) return true;
    TSNode a{}, b{};
    if (!is_swap(ctx, n, a, b)) return false;
    const TSNode stmt = parent_of(n);
    if (!is(stmt, s.expression_statement)) return false;
    // One swap then `break` / `return`: a single exchange per scan (next-permutation), not a sort.
    const TSNode next = python::next_statement_skipping_comments(ctx, stmt);
    if (is(next, s.break_statement) || is(next, s.return_statement)) return false;
    // The inner loop must itself be in `loop`'s body: stop the climb at the outer body block.
    found = guarded_in_nested_loops(ctx, stmt, outer_body, a, b);
    return false;
  });
  if (found) {
    out.report(loop,
               "Hand-written comparison sort (swap inside nested loops); use `sorted()` or `list.sort()` "
               "(Timsort: O(n log n) and stable)");
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement, &Symbols::while_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
