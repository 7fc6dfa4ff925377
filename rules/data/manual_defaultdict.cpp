// PF204 manual-defaultdict: `if k in d: d[k].append(v) else: d[k] = [v]` and friends.
#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF204",
    .name = "manual-defaultdict",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Manual 'create the entry if missing' instead of `defaultdict` / `Counter`",
    .rationale = R"(Grouping and counting with a plain dict forces every update through the same ritual:
test whether the key is there, create the empty list (or the zero) if not, then update it. The
ceremony doubles the code, repeats the key and the dict in three places, and invites slips such as
forgetting the first item in the "create" branch. `collections.defaultdict(list)` creates the entry on
first access, so `groups[key].append(item)` is the whole loop body, and `Counter` does the same for
counting. `dict.setdefault(key, []).append(item)` is the one-line alternative when the dict must stay a
plain dict. Caches, where the value is computed only when missing, are a different pattern and are not
reported.)",
    .bad = R"(def group(items):
    groups = {}
    for item in items:
        if item.category in groups:
            groups[item.category].append(item)
        else:
            groups[item.category] = [item]
    return groups
)",
    .good = R"(from collections import defaultdict


def group(items):
    groups = defaultdict(list)
    for item in items:
        groups[item.category].append(item)
    return groups
)",
    .seed = "§2 \"Dictionaries\" — \"Using if key in dict: dict[key].append(...) instead of defaultdict(list).\"",
};

// The only statement of a block (comments aside), or null.
TSNode single_statement(const Context& ctx, TSNode block) {
  TSNode only{};
  for (TSNode stmt : named_children(block)) {
    if (is(stmt, ctx.sym.comment)) continue;
    if (!ts_node_is_null(only)) return {};
    only = stmt;
  }
  return only;
}

// The expression of an expression statement holding exactly one expression, or null.
TSNode statement_expression(const Context& ctx, TSNode stmt) {
  if (!is(stmt, ctx.sym.expression_statement) || ts_node_named_child_count(stmt) != 1) return {};
  return ts_node_named_child(stmt, 0);
}

// `D[K]` with exactly one index.
bool is_entry(const Context& ctx, TSNode n, TSNode dict, TSNode key) {
  const Symbols& s = ctx.sym;
  n = python::unparenthesize(ctx, n);
  if (!is(n, s.subscript) || ts_node_named_child_count(n) != 2) return false;
  return python::same_expression(ctx, field(n, s.field.value), dict) &&
         python::same_expression(ctx, field(n, s.field.subscript), key);
}

// `D[K].append(V)` / `.add(V)` / `.extend(V)` as a statement (`any_arguments`: any argument list).
bool is_entry_update_call(const Context& ctx, TSNode stmt, TSNode dict, TSNode key, bool any_arguments) {
  const Symbols& s = ctx.sym;
  const TSNode call = statement_expression(ctx, stmt);
  if (!is(call, s.call)) return false;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute)) return false;
  const std::string_view method = ctx.text(field(fn, s.field.attribute));
  if (method != "append" && method != "add" && method != "extend") return false;
  if (!any_arguments && (python::has_keywords_or_splats(ctx, call) || python::positional_count(ctx, call) != 1)) {
    return false;
  }
  return is_entry(ctx, field(fn, s.field.object), dict, key);
}

// `D[K] = value` (single target) as a statement: returns the value, or null.
TSNode entry_assignment(const Context& ctx, TSNode stmt, TSNode dict, TSNode key) {
  const Symbols& s = ctx.sym;
  const TSNode assignment = statement_expression(ctx, stmt);
  if (!is(assignment, s.assignment) || !ts_node_is_null(field(assignment, s.field.type))) return {};
  const TSNode right = field(assignment, s.field.right);
  if (is(right, s.assignment) || !is_entry(ctx, field(assignment, s.field.left), dict, key)) return {};
  return right;
}

// `D[K] += value` as a statement: returns the value, or null.
TSNode entry_increment(const Context& ctx, TSNode stmt, TSNode dict, TSNode key) {
  const Symbols& s = ctx.sym;
  const TSNode aug = statement_expression(ctx, stmt);
  if (!is(aug, s.augmented_assignment) || !is(field(aug, s.field.operator_), s.op_plus_eq) ||
      !is_entry(ctx, field(aug, s.field.left), dict, key)) {
    return {};
  }
  return field(aug, s.field.right);
}

// Certainly not a number: a string, bytes or container display or comprehension, or a `+` / `%`
// expression built on one (`',' + v`). The counting shape with such values concatenates rather than
// counts, and `Counter()` would be the wrong advice.
bool is_non_number(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  n = python::unparenthesize(ctx, n);
  if (ts_node_is_null(n)) return false;
  if (python::is_string_literal(ctx, n) || python::is_bytes_literal(ctx, n) || python::is_mutable_value(ctx, n) ||
      is(n, s.tuple) || is(n, s.generator_expression)) {
    return true;
  }
  if (!is(n, s.binary_operator)) return false;
  const TSNode op = field(n, s.field.operator_);
  if (is(op, s.op_percent)) return is_non_number(ctx, field(n, s.field.left));
  return is(op, s.op_plus) && (is_non_number(ctx, field(n, s.field.left)) || is_non_number(ctx, field(n, s.field.right)));
}

// A call of the bare builtin `name` with no arguments at all (`empty`) or with any arguments.
bool is_bare_call(const Context& ctx, TSNode n, std::string_view name, bool empty) {
  if (!python::is_call_to(ctx, n, name)) return false;
  const TSNode args = field(n, ctx.sym.field.arguments);
  return !empty || (is(args, ctx.sym.argument_list) && ts_node_named_child_count(args) == 0);
}

// Grouping: C is a list or set display or a list(...)/set(...) call. Returns the factory or empty.
std::string_view grouping_factory(const Context& ctx, TSNode c) {
  c = python::unparenthesize(ctx, c);
  if (is(c, ctx.sym.list) || is_bare_call(ctx, c, "list", false)) return "defaultdict(list)";
  if (is(c, ctx.sym.set) || is_bare_call(ctx, c, "set", false)) return "defaultdict(set)";
  return {};
}

// Initialise-then-use: E is `[]`, `{}`, `list()`, `set()`, `dict()` or `0`. Returns the factory or empty.
std::string_view initial_factory(const Context& ctx, TSNode e) {
  const Symbols& s = ctx.sym;
  e = python::unparenthesize(ctx, e);
  if ((is(e, s.list) && ts_node_named_child_count(e) == 0) || is_bare_call(ctx, e, "list", true)) {
    return "defaultdict(list)";
  }
  if ((is(e, s.dictionary) && ts_node_named_child_count(e) == 0) || is_bare_call(ctx, e, "dict", true)) {
    return "defaultdict(dict)";
  }
  if (is_bare_call(ctx, e, "set", true)) return "defaultdict(set)";
  if (is(e, s.integer) && ctx.text(e) == "0") return "Counter()";
  return {};
}

// The statement mutates `D[K]`: `D[K].append/add/extend(...)`, `D[K] += ...` or `D[K][...] = ...`.
bool uses_entry(const Context& ctx, TSNode stmt, TSNode dict, TSNode key) {
  const Symbols& s = ctx.sym;
  if (is_entry_update_call(ctx, stmt, dict, key, true)) return true;
  if (!ts_node_is_null(entry_increment(ctx, stmt, dict, key))) return true;
  const TSNode expr = statement_expression(ctx, stmt);
  if (!is(expr, s.assignment)) return false;
  const TSNode left = python::unparenthesize(ctx, field(expr, s.field.left));
  return is(left, s.subscript) && is_entry(ctx, field(left, s.field.value), dict, key);
}

void check(TSNode stmt, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode cond = python::unparenthesize(ctx, field(stmt, s.field.condition));
  if (!is(cond, s.comparison_operator) || ts_node_named_child_count(cond) != 2) return;  // cheap: `K in D` only
  const TSNode op = ts_node_child(cond, 1);
  const bool in = is(op, s.op_in);
  if (!in && !is(op, s.op_not_in)) return;
  const TSNode key = ts_node_named_child(cond, 0), dict = python::unparenthesize(ctx, ts_node_named_child(cond, 1));
  if (!python::is_name_chain(ctx, dict)) return;

  TSNode else_body{};
  unsigned alternatives = 0;
  for (TSNode alt : named_children(stmt)) {
    if (is(alt, s.elif_clause)) return;
    if (is(alt, s.else_clause)) {
      else_body = field(alt, s.field.body);
      ++alternatives;
    }
  }
  const TSNode then_stmt = single_statement(ctx, field(stmt, s.field.consequence));
  if (ts_node_is_null(then_stmt)) return;

  std::string_view factory;
  if (alternatives == 1) {
    const TSNode else_stmt = single_statement(ctx, else_body);
    if (ts_node_is_null(else_stmt)) return;
    // The branch that runs when the key is present, and the one that runs when it is missing.
    const TSNode present = in ? then_stmt : else_stmt, missing = in ? else_stmt : then_stmt;
    const TSNode created = entry_assignment(ctx, missing, dict, key);
    if (ts_node_is_null(created)) return;
    if (is_entry_update_call(ctx, present, dict, key, false)) {
      factory = grouping_factory(ctx, created);
    } else if (const TSNode added = entry_increment(ctx, present, dict, key); !ts_node_is_null(added)) {
      if (is_non_number(ctx, added) || is_non_number(ctx, created)) return;  // concatenation, not counting
      factory = "Counter()";
    }
  } else if (alternatives == 0 && !in) {
    const TSNode created = entry_assignment(ctx, then_stmt, dict, key);
    if (ts_node_is_null(created)) return;
    factory = initial_factory(ctx, created);
    if (factory.empty() || !uses_entry(ctx, python::next_statement_skipping_comments(ctx, stmt), dict, key)) return;
  }
  if (factory.empty()) return;
  const std::string name = shorten(ctx.text(dict));
  out.report(stmt, cat("Manual 'create the entry if it is missing' for `", name, "`; use `collections.", factory,
                       "` (or `", name, ".setdefault(...)`)"));
}

constexpr SymbolRef kKinds[] = {&Symbols::if_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
