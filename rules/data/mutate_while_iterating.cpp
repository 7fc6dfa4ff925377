// PF209 mutate-while-iterating: a loop that resizes the collection it iterates over.
#include <algorithm>
#include <string>
#include <vector>

#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF209",
    .name = "mutate-while-iterating",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Collection resized while a `for` loop iterates over it",
    .rationale = R"(A `for` loop walks its collection live, not a snapshot. Adding or removing keys of a dict or
set while iterating over it makes Python raise `RuntimeError: ... changed size during iteration`; removing
from a list shifts the remaining items left under the loop's index, so the element after each removed one
is silently skipped (and inserting makes items be visited twice). Iterate over a copy (`list(d)`,
`items[:]`) when you must change the original, or better build a new collection with a comprehension
(`[x for x in items if x != target]`). A loop body that also calls a method no list, dict or set has on
the same object shows it is some other type, and is not reported.)",
    .bad = R"(def drop_inactive(users):
    for name in users:
        if not users[name].active:
            del users[name]
)",
    .good = R"(def drop_inactive(users):
    for name in list(users):
        if not users[name].active:
            del users[name]
)",
    .seed =
        "§2 \"Dictionaries\" — \"What happens if you modify a dictionary while iterating over it? How do you handle "
        "that safely?\"; §2 \"List methods\" — \"If you need to remove all occurrences, use a list comprehension: [x "
        "for x in items if x != target].\"",
};

// C when the loop iterates over a name chain C, C.keys()/values()/items() or enumerate(C); else null.
TSNode iterated_collection(const Context& ctx, TSNode iterable) {
  const Symbols& s = ctx.sym;
  iterable = python::unparenthesize(ctx, iterable);
  if (python::is_name_chain(ctx, iterable)) return iterable;
  if (!is(iterable, s.call)) return {};
  const TSNode fn = field(iterable, s.field.function);
  const TSNode args = field(iterable, s.field.arguments);
  if (!is(args, s.argument_list)) return {};
  TSNode c{};
  if (is(fn, s.attribute)) {
    if (ts_node_named_child_count(args) != 0) return {};
    const std::string_view m = ctx.text(field(fn, s.field.attribute));
    if (m != "keys" && m != "values" && m != "items") return {};
    c = python::unparenthesize(ctx, field(fn, s.field.object));
  } else if (is(fn, s.identifier) && ctx.text(fn) == "enumerate") {
    // Exactly `enumerate(C)`: a `start` argument is left undecided by the catalog.
    if (python::positional_count(ctx, iterable) != 1 || python::has_keywords_or_splats(ctx, iterable)) return {};
    c = python::unparenthesize(ctx, python::positional_argument(ctx, iterable, 0));
  }
  return python::is_name_chain(ctx, c) ? c : TSNode{};
}

// The size-changing methods of list / dict / set, with the positional-argument counts the builtins
// accept (a call outside every range, or with keywords where none is accepted, is some other method).
struct Resizer {
  std::string_view name;
  unsigned min_args, max_args;
  bool keywords;
};
constexpr Resizer kResizers[] = {{"remove", 1, 1, false},
                                 {"pop", 0, 2, false},
                                 {"insert", 2, 2, false},
                                 {"clear", 0, 0, false},
                                 {"popitem", 0, 0, false},
                                 {"add", 1, 1, false},
                                 {"discard", 1, 1, false},
                                 {"update", 0, ~0u, true},
                                 {"setdefault", 1, 2, false},
                                 {"difference_update", 0, ~0u, false},
                                 {"intersection_update", 0, ~0u, false},
                                 {"symmetric_difference_update", 1, 1, false}};

bool builtin_arity(const Context& ctx, TSNode call, const Resizer& r) {
  unsigned positional = 0;
  for (TSNode a : named_children(field(call, ctx.sym.field.arguments))) {
    const TSSymbol k = ts_node_symbol(a);
    if (k == ctx.sym.comment) continue;
    if (k == ctx.sym.list_splat || k == ctx.sym.dictionary_splat) return true;  // unknown: take it
    if (k == ctx.sym.keyword_argument) {
      if (!r.keywords) return false;
      continue;
    }
    ++positional;
  }
  return r.min_args <= positional && positional <= r.max_args;
}

// Whether `method` is a method of the builtin list, dict or set (dunders included: any type has them).
bool is_container_method(std::string_view method) {
  static constexpr std::string_view kMethods[] = {
      "add", "append", "clear", "copy", "count", "difference", "difference_update", "discard", "extend",
      "fromkeys", "get", "index", "insert", "intersection", "intersection_update", "isdisjoint", "issubset",
      "issuperset", "items", "keys", "pop", "popitem", "remove", "reverse", "setdefault", "sort",
      "symmetric_difference", "symmetric_difference_update", "union", "update", "values"};
  if (method.size() > 4 && method.starts_with("__") && method.ends_with("__")) return true;
  return std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
}

// The mutation ends the loop: part of a `return`, or followed in its block by `break` / `return` (or
// `raise`) with only simple statements (no `continue`, no compound statement) in between.
bool ends_loop(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  const TSNode stmt = python::statement_of(ctx, node);
  if (is(stmt, s.return_statement)) return true;
  for (TSNode next = python::next_statement_skipping_comments(ctx, stmt); !ts_node_is_null(next);
       next = python::next_statement_skipping_comments(ctx, next)) {
    const TSSymbol k = ts_node_symbol(next);
    if (k == s.break_statement || k == s.return_statement || k == s.raise_statement) return true;
    if (k != s.expression_statement && k != s.pass_statement && k != s.delete_statement) return false;
  }
  return false;
}

void report(const Context& ctx, Reporter& out, TSNode at, TSNode c, std::string_view op) {
  const std::string name = shorten(ctx.text(c));
  out.report(at, cat("`", name, "` is modified (`", op,
                     "`) while this loop iterates over it: a dict or set raises "
                     "RuntimeError and a list skips items; iterate over a copy (`list(",
                     name, ")`) or build a new collection"));
}

// Message: "`{name}` is modified (`{op}`) while this loop iterates over it: a dict or set raises RuntimeError and a
// list skips items; iterate over a copy (`list({name})`) or build a new collection"
void check(TSNode loop, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  if (is(ts_node_child(loop, 0), s.kw_async)) return;  // an async iterable is none of list/dict/set
  const TSNode c = iterated_collection(ctx, field(loop, s.field.right));
  if (ts_node_is_null(c)) return;
  // `self` / `cls` itself: the object's own class defines the container protocol (a builtin list or
  // dict is never `self` outside a subclass), e.g. mailbox's `for key in self.keys(): self.remove(key)`.
  if (is(c, s.identifier)) {
    const std::string_view name = ctx.text(c);
    if (name == "self" || name == "cls") return;
  }
  const TSNode body = field(loop, s.field.body);
  // Cheapest test first: a mutation of C names C's last identifier somewhere in the body's text.
  const std::string_view last = ctx.text(is(c, s.attribute) ? field(c, s.field.attribute) : c);
  if (ctx.text(body).find(last) == std::string_view::npos) return;
  // Mutations are held back until the whole body is seen: a call of a method that no list, dict or set
  // has (`C.replace_header(...)`) shows C is some other type, and then nothing is reported.
  struct Mutation {
    TSNode at;
    std::string op;
  };
  std::vector<Mutation> mutations;  // allocated only when a mutation is found
  bool foreign_type = false;
  auto found = [&](TSNode at, std::string op) {
    if (!ends_loop(ctx, at)) mutations.push_back({at, std::move(op)});
  };
  python::walk_scope_subtree(ctx, body, [&](TSNode n) {
    const TSSymbol k = ts_node_symbol(n);
    if (k == s.call) {
      const TSNode fn = field(n, s.field.function);
      if (!is(fn, s.attribute) || !python::chain_equal(ctx, field(fn, s.field.object), c)) return true;
      const std::string_view m = ctx.text(field(fn, s.field.attribute));
      if (!is_container_method(m)) {
        foreign_type = true;
        return false;
      }
      for (const Resizer& r : kResizers) {
        if (m == r.name) {
          if (builtin_arity(ctx, n, r)) found(n, cat(".", m, "()"));
          break;
        }
      }
    } else if (k == s.delete_statement) {
      const TSNode targets = ts_node_named_child(n, 0);
      bool hit = false;
      auto consider = [&](TSNode t) {
        t = python::unparenthesize(ctx, t);
        hit = hit || (is(t, s.subscript) && python::chain_equal(ctx, field(t, s.field.value), c));
      };
      if (is(targets, s.expression_list)) {
        for (TSNode t : named_children(targets)) consider(t);
      } else {
        consider(targets);
      }
      if (hit) found(n, "del");
    } else if (k == s.augmented_assignment) {
      if (python::chain_equal(ctx, field(n, s.field.left), c)) {
        const std::string_view op = ctx.text(field(n, s.field.operator_));
        if (op == "|=" || op == "-=" || op == "&=" || op == "^=") found(n, std::string(op));
      }
    } else if (k == s.for_statement) {
      // An inner loop over the same collection reports its own mutations.
      if (python::chain_equal(ctx, iterated_collection(ctx, field(n, s.field.right)), c)) return false;
    }
    return true;
  });
  if (foreign_type) return;
  for (const Mutation& m : mutations) report(ctx, out, m.at, c, m.op);
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
