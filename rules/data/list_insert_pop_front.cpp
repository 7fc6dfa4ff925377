// PF203 list-insert-pop-front: `lst.insert(0, x)` / `lst.pop(0)` in a loop on a list: O(n) each time.
#include "linter/python.h"
#include "linter/python_comparisons.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF203",
    .name = "list-insert-pop-front",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`list.insert(0, x)` / `list.pop(0)` in a loop",
    .rationale = R"(A Python list is a dynamic array: its items sit in one contiguous block. Adding or
removing at the front means shifting every other item by one place, so `insert(0, x)` and `pop(0)` cost
O(n), and a loop that uses the list as a queue (a breadth-first search, a work list) becomes quadratic.
`collections.deque` is built for this: a linked structure of blocks with O(1) `appendleft()` and
`popleft()` at the front as well as `append()`/`pop()` at the back. A single front insertion outside a
loop, such as `sys.path.insert(0, ...)`, is harmless and not reported.)",
    .bad = R"(def bfs(start, neighbours):
    queue = [start]
    seen = {start}
    while queue:
        node = queue.pop(0)
        for nxt in neighbours(node):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen
)",
    .good = R"(from collections import deque


def bfs(start, neighbours):
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for nxt in neighbours(node):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen
)",
    .seed = "§2 \"List methods\" — \"Not knowing insert(0, x) is O(n).\"; follow-up \"Why is list.pop(0) O(n) but "
            "deque.popleft() O(1)?\"",
};

bool is_zero(const Context& ctx, TSNode n) {
  n = python::unparenthesize(ctx, n);
  return is(n, ctx.sym.integer) && ctx.text(n) == "0";
}

// The call runs repeatedly: in a loop body, a `while` condition, or a comprehension's element or `if`
// clause, without crossing a def / lambda / class.
bool in_repeated_position(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  TSNode child = call;
  for (TSNode p = parent_of(call); !ts_node_is_null(p); child = p, p = parent_of(p)) {
    const TSSymbol k = ts_node_symbol(p);
    if (k == s.function_definition || k == s.lambda || k == s.class_definition) return false;
    if (k == s.for_statement) {
      if (same_node(field(p, s.field.body), child)) return true;
    } else if (k == s.while_statement) {
      if (same_node(field(p, s.field.body), child) || same_node(field(p, s.field.condition), child)) return true;
    } else if (python::is_comprehension(ctx, p)) {
      if (same_node(field(p, s.field.body), child) || is(child, s.if_clause)) return true;
    }
  }
  return false;
}

// A value known to be a list: a list display or comprehension, `list(...)`, or `[...] * n`.
bool is_list_value(const Context& ctx, TSNode v) {
  const Symbols& s = ctx.sym;
  v = python::unparenthesize(ctx, v);
  if (is(v, s.list) || is(v, s.list_comprehension)) return true;
  if (python::is_call_to(ctx, v, "list")) return ctx.scopes.is_builtin(ctx.current_scope(), "list");
  return is(v, s.binary_operator) && is(field(v, s.field.operator_), s.op_star) &&
         is(python::unparenthesize(ctx, field(v, s.field.left)), s.list);
}

struct Verdict {
  bool any = false;    // NAME is bound at all
  bool lists = false;  // some binding assigns a list
  bool other = false;  // some binding is not a list assignment (disqualifies)
};

void judge(const Context& ctx, const Binding& b, Verdict& v) {
  v.any = true;
  switch (b.kind) {
    case BindingKind::Annotation:           // `q: list[int]` binds nothing at runtime
    case BindingKind::AugmentedAssignment:  // `q += [...]` keeps the list
      return;
    case BindingKind::Assignment:
    case BindingKind::Walrus:
      if (!ts_node_is_null(b.value) && is_list_value(ctx, b.value)) {
        v.lists = true;
      } else {
        v.other = true;
      }
      return;
    default:
      v.other = true;
  }
}

// The bindings of `name` that `scope` has recorded so far (they all precede the call).
void judge_recorded(const Context& ctx, std::uint32_t scope, std::string_view name, Verdict& v) {
  for (const std::uint32_t id : ctx.scopes.scope(scope).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.name == name) judge(ctx, b, v);
  }
}

// The bindings of `name` that the statements of `root` (a scope's body) make after byte `after`, in
// that scope itself: a bounded scan of the following statements, nested def/lambda/class bodies
// skipped. Run only for a call that is otherwise reported.
void judge_following(const Context& ctx, TSNode root, std::uint32_t after, std::string_view name, Verdict& v) {
  const Symbols& s = ctx.sym;
  ScopeTable local;
  local.reset(root);
  walk_subtree(root, [&](TSNode node) {
    if (same_node(node, root)) return Walk::Descend;
    bool descend = false;
    if (ts_node_end_byte(node) <= after) {
      descend = false;  // entirely before the call: already in the binding table
    } else if (ts_node_start_byte(node) < after) {
      descend = !python::is_scope_boundary(ctx, node);  // an ancestor of the call: entered by the walker
    } else if (local.enter(node, s, ctx.file)) {
      local.leave();  // a nested def/lambda/class: its name is bound here, its body is another scope
    } else {
      descend = true;
    }
    return descend ? Walk::Descend : Walk::Skip;
  });
  for (const std::uint32_t id : local.scope(0).bindings) {
    const Binding& b = local.binding(id);
    if (b.name == name) judge(ctx, b, v);
  }
}

// The body of a def / lambda scope node, or the module itself.
TSNode scope_body(const Context& ctx, const Scope& scope) {
  return scope.kind == ScopeKind::Module ? scope.node : field(scope.node, ctx.sym.field.body);
}

void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute)) return;
  const TSNode receiver = field(fn, s.field.object);
  if (!is(receiver, s.identifier)) return;  // attributes (`self.items`) are not known lists
  const std::string_view method = ctx.text(field(fn, s.field.attribute));
  const bool pop = method == "pop";
  if (!pop && method != "insert") return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list) || python::has_keywords_or_splats(ctx, call)) return;
  const unsigned count = python::positional_count(ctx, call);
  if (count != (pop ? 1u : 2u) || !is_zero(ctx, python::positional_argument(ctx, call, 0))) return;
  if (!in_repeated_position(ctx, call)) return;

  // Resolve NAME: the function containing the call if it binds NAME, else the module unless an
  // enclosing function binds it.
  const std::string_view name = ctx.text(receiver);
  const ScopeTable& scopes = ctx.scopes;
  const std::uint32_t current = ctx.current_scope();
  const std::uint32_t after = ts_node_end_byte(call);
  if (scopes.scope(current).kind == ScopeKind::Class) return;  // class bodies: not decided by the catalog
  Verdict verdict;
  if (current != scopes.module()) {
    judge_recorded(ctx, current, name, verdict);
    judge_following(ctx, scope_body(ctx, scopes.scope(current)), after, name, verdict);
    if (!verdict.any) {
      for (std::uint32_t p = scopes.scope(current).parent; p != scopes.module(); p = scopes.scope(p).parent) {
        if (scopes.scope(p).kind != ScopeKind::Class && scopes.binds(p, name)) return;  // not resolved
      }
    }
  }
  if (!verdict.any) {
    judge_recorded(ctx, scopes.module(), name, verdict);
    judge_following(ctx, scopes.scope(scopes.module()).node, after, name, verdict);
  }
  if (!verdict.lists || verdict.other) return;

  const std::string deque_call =
      pop ? cat(name, ".popleft()")
          : cat(name, ".appendleft(", shorten(ctx.text(python::positional_argument(ctx, call, 1))), ")");
  out.report(call, cat("`", shorten(ctx.text(call)), "` in a loop moves every element each time (O(n)); use a "
                       "`collections.deque` and `", deque_call, "` (O(1))"));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
