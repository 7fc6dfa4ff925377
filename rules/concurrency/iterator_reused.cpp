// PF701 iterator-reused: a generator or map/zip/filter iterator consumed twice; the second pass is empty.
#include <algorithm>

#include "linter/python.h"
#include "linter/python_exceptions.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF701",
    .name = "iterator-reused",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "One-shot iterator consumed twice",
    .rationale = R"(An iterable (a list, a tuple, a range) hands out a fresh iterator every time it is
looped over. An iterator does not: it remembers its position, and once it is exhausted every further
pass yields nothing. Generator expressions, generator functions and the results of `map`, `filter`,
`zip`, `enumerate` and `reversed` are all such single-use iterators. Looping over one a second time,
or passing it to `sum()` after `max()`, raises no error: the second consumer just sees an empty
sequence and quietly computes the wrong answer. If the values are needed twice, materialize them once
with `list(...)` (or recreate the iterator).)",
    .bad = R"(def stats(numbers):
    squares = (n * n for n in numbers)
    total = sum(squares)
    largest = max(squares)
    return total, largest
)",
    .good = R"(def stats(numbers):
    squares = [n * n for n in numbers]
    total = sum(squares)
    largest = max(squares)
    return total, largest
)",
    .seed = "§4 \"Generators\" — \"Not knowing generators are single-use (can't iterate twice).\"; §8 \"Iterables vs iterators\" — \"Not knowing iterators are single-use.\"",
};

// Pre-order walk over `root` that does not enter nested def/lambda/class (nor visit them).
using Step = python::Walk;
template <typename Visit>
void walk_own_scope(const Context& ctx, TSNode root, Visit visit) {
  python::walk_scope_subtree(ctx, root, [&](TSNode n) { return python::is_scope_boundary(ctx, n) ? Step::Skip : visit(n); });
}

// Whether this occurrence of the name consumes the iterator: `for _ in NAME`, a comprehension's
// `for _ in NAME`, the only positional argument of list/tuple/set/frozenset/dict/sorted/sum/min/max/
// any/all or of `.join()`, or a starred argument / element `*NAME`.
bool is_consuming_use(const Context& ctx, TSNode id) {
  const Symbols& s = ctx.sym;
  TSNode use = id;
  TSNode parent = parent_of(id);
  while (is(parent, s.parenthesized_expression)) {
    use = parent;
    parent = parent_of(parent);
  }
  if (is(parent, s.for_statement) || is(parent, s.for_in_clause)) return same_node(field(parent, s.field.right), use);
  if (is(parent, s.list_splat)) return true;
  if (!is(parent, s.argument_list)) return false;
  const TSNode call = parent_of(parent);
  if (python::positional_count(ctx, call) != 1 || !same_node(python::positional_argument(ctx, call, 0), use)) {
    return false;
  }
  const TSNode fn = field(call, s.field.function);
  if (is(fn, s.attribute)) return ctx.text(field(fn, s.field.attribute)) == "join";
  if (!is(fn, s.identifier)) return false;
  static constexpr std::string_view kConsumers[] = {"list", "tuple", "set", "frozenset", "dict", "sorted",
                                                    "sum",  "min",   "max", "any",       "all"};
  const std::string_view name = ctx.text(fn);
  return std::find(std::begin(kConsumers), std::end(kConsumers), name) != std::end(kConsumers) &&
         ctx.scopes.is_builtin(ctx.current_scope(), name);
}

bool is_name(const Context& ctx, TSNode node, std::string_view name) {
  return is(node, ctx.sym.identifier) && ctx.text(node) == name;
}

// The first consuming use of `name` in the parts of `stmt` that run exactly once when `stmt` runs: not
// in a loop body, a branch, a handler, the lazy part of a conditional / boolean / comprehension.
TSNode unconditional_use(const Context& ctx, TSNode stmt, std::string_view name) {
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(stmt);
  TSNode region = stmt;
  if (k == s.for_statement) {
    region = field(stmt, s.field.right);
  } else if (k == s.if_statement) {
    region = field(stmt, s.field.condition);
  } else if (k == s.with_statement) {
    // The with items, then the body's statements, which run once too.
    TSNode use = unconditional_use(ctx, ts_node_named_child(stmt, 0), name);
    for (TSNode inner : named_children(field(stmt, s.field.body))) {
      if (!ts_node_is_null(use)) break;
      use = unconditional_use(ctx, inner, name);
    }
    return use;
  } else if (k == s.while_statement || k == s.try_statement || k == s.match_statement ||
             k == s.decorated_definition || k == s.function_definition || k == s.class_definition) {
    return {};
  }
  TSNode found{};
  walk_own_scope(ctx, region, [&](TSNode n) {
    const TSSymbol nk = ts_node_symbol(n);
    if (is_name(ctx, n, name) && is_consuming_use(ctx, n)) {
      found = n;
      return Step::Stop;
    }
    if (nk == s.conditional_expression) {  // `a if COND else b`: only COND runs for sure
      walk_own_scope(ctx, ts_node_named_child(n, 1), [&](TSNode m) {
        if (is_name(ctx, m, name) && is_consuming_use(ctx, m)) {
          found = m;
          return Step::Stop;
        }
        return Step::Descend;
      });
      return ts_node_is_null(found) ? Step::Skip : Step::Stop;
    }
    if (nk == s.boolean_operator) {  // only the left operand runs for sure
      const TSNode left = field(n, s.field.left);
      if (is_name(ctx, left, name) || ts_node_is_null(left)) return Step::Skip;
      TSNode inner = unconditional_use(ctx, left, name);
      if (!ts_node_is_null(inner)) {
        found = inner;
        return Step::Stop;
      }
      return Step::Skip;
    }
    if (nk == s.list_comprehension || nk == s.set_comprehension || nk == s.dictionary_comprehension ||
        nk == s.generator_expression) {
      // Only the first `for` clause's iterable is evaluated once.
      for (TSNode child : named_children(n)) {
        if (!is(child, s.for_in_clause)) continue;
        const TSNode right = python::unparenthesize(ctx, field(child, s.field.right));
        if (is_name(ctx, right, name)) {
          found = right;
          return Step::Stop;
        }
        const TSNode inner = unconditional_use(ctx, right, name);
        if (!ts_node_is_null(inner)) {
          found = inner;
          return Step::Stop;
        }
        break;
      }
      return Step::Skip;
    }
    return Step::Descend;
  });
  return found;
}

// Whether `root` binds `name` anywhere (nested scopes aside).
bool rebinds(const Context& ctx, TSNode root, std::string_view name) {
  return python::binds_name_before(ctx, root, name, UINT32_MAX);
}

// Whether a `for` loop's body holds a `break` or `return` (nested scopes aside).
bool body_exits_early(const Context& ctx, TSNode loop) {
  bool exits = false;
  walk_own_scope(ctx, field(loop, ctx.sym.field.body), [&](TSNode n) {
    if (is(n, ctx.sym.break_statement) || is(n, ctx.sym.return_statement)) {
      exits = true;
      return Step::Stop;
    }
    return Step::Descend;
  });
  return exits;
}

// The one-shot producer the value is, if any: "generator" or "iterator" (empty otherwise). `veto`
// receives a builtin's name, to drop the report if the module rebinds it.
std::string_view producer_kind(const Context& ctx, TSNode value, std::string_view& veto) {
  const Symbols& s = ctx.sym;
  value = python::unparenthesize(ctx, value);
  if (is(value, s.generator_expression)) return "generator";
  if (!is(value, s.call)) return {};
  const TSNode fn = field(value, s.field.function);
  if (!is(fn, s.identifier)) return {};
  const std::string_view name = ctx.text(fn);
  if (name == "map" || name == "filter" || name == "zip" || name == "enumerate" || name == "reversed") {
    if (!ctx.scopes.is_builtin(ctx.current_scope(), name)) return {};
    veto = name;
    return "iterator";
  }
  // A generator function defined (undecorated) at module level, called by its bare name.
  const Binding* b = ctx.scopes.lookup(ctx.current_scope(), name);
  if (b == nullptr || b->scope != ctx.scopes.module() || b->kind != BindingKind::Function) return {};
  if (!is(parent_of(b->statement), s.module)) return {};
  for (const std::uint32_t id : ctx.scopes.scope(ctx.scopes.module()).bindings) {
    const Binding& other = ctx.scopes.binding(id);
    if (other.name == name && !same_node(other.statement, b->statement)) return {};
  }
  return python::is_generator_def(ctx, b->statement) ? std::string_view("generator") : std::string_view{};
}

void check(TSNode assignment, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  const TSNode target = field(assignment, s.field.left);
  const TSNode value = field(assignment, s.field.right);
  if (!is(target, s.identifier) || ts_node_is_null(value)) return;
  const TSSymbol vk = ts_node_symbol(value);
  if (vk != s.generator_expression && vk != s.call && vk != s.parenthesized_expression) return;
  std::string_view veto;
  const std::string_view kind = producer_kind(ctx, value, veto);
  if (kind.empty()) return;
  const TSNode stmt = parent_of(assignment);  // not O(1): only after the cheap tests
  if (!is(stmt, s.expression_statement) || ts_node_named_child_count(stmt) != 1) return;
  const std::string_view name = ctx.text(target);

  TSNode first{};
  for (TSNode next = ts_node_next_named_sibling(stmt); !ts_node_is_null(next); next = ts_node_next_named_sibling(next)) {
    if (is(next, s.comment)) continue;
    if (ts_node_is_null(first)) {
      if (rebinds(ctx, next, name)) return;
      first = unconditional_use(ctx, next, name);
      if (!ts_node_is_null(first)) {
        TSNode use = first;
        while (is(parent_of(use), s.parenthesized_expression)) use = parent_of(use);
        const TSNode loop = parent_of(use);
        if (is(loop, s.for_statement) && same_node(field(loop, s.field.right), use) && body_exits_early(ctx, loop)) return;
      }
      continue;
    }
    // Second pass: the first consuming use in this later statement, unless the name is rebound first.
    TSNode second{};
    bool rebound = false;
    walk_own_scope(ctx, next, [&](TSNode n) {
      if (!is_name(ctx, n, name)) return Step::Descend;
      if (python::identifier_binds(ctx, n)) {
        rebound = true;
        return Step::Stop;
      }
      if (is_consuming_use(ctx, n)) {
        second = n;
        return Step::Stop;
      }
      return Step::Descend;
    });
    // A rebinding nested in a def/class of this statement, or a `for NAME` target met after: stop too.
    if (rebound) return;
    if (!ts_node_is_null(second)) {
      std::string message = cat("`", shorten(name), "` is a one-shot ", kind, " already consumed on line ",
                                ts_node_start_point(first).row + 1,
                                "; this second pass sees nothing: materialize it once with `list(...)`");
      out.report_unless_bound(ctx.scopes.module(), veto, second, std::move(message));
      return;
    }
    if (rebinds(ctx, next, name)) return;
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::assignment};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
