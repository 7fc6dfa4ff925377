// PF403 args-tuple-mutation: mutating `*args` (`args.append(x)`, `args[0] = x`) fails: it is a tuple.
#include "linter/python.h"
#include <vector>

#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF403",
    .name = "args-tuple-mutation",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`*args` mutated as if it were a list",
    .rationale = R"(`*args` in a signature collects the extra positional arguments into a tuple, not a list, and tuples are
immutable: `args.append(x)`, `args.sort()`, `args[0] = x` and `del args[0]` raise at runtime (AttributeError
or TypeError), typically only on the code path nobody tested. The seed lists not knowing that `*args` is a
tuple as a red flag. When the function really needs to change the collected arguments, copy them into a
list first (`args = list(args)`), or build a new sequence. (`**kwargs`, by contrast, is a fresh dict and may
be modified freely.))",
    .bad = R"(def collect(*values):
    values.append(0)
    return values
)",
    .good = R"(def collect(*values):
    result = list(values)
    result.append(0)
    return result
)",
    .seed = "§4 \"*args and **kwargs\" — \"Not knowing that *args is a tuple (not a list).\"",
};

// Message: "`{name}` is a tuple (`*{name}` collects positional arguments into a tuple), so `{operation}` raises; copy it first: `{name} = list({name})`"
struct Mutation {
  TSNode node;
  std::string_view operation;  // the method name, or empty for item assignment
};

bool is_named(const Context& ctx, TSNode n, std::string_view name) {
  return is(n, ctx.sym.identifier) && ctx.text(n) == name;
}

bool is_item_of(const Context& ctx, TSNode target, std::string_view name) {
  return is(target, ctx.sym.subscript) && is_named(ctx, field(target, ctx.sym.field.value), name);
}

// One pass over a function body. `rebound`: NAME bound in this function besides the parameter. Nested
// functions that do not bind NAME themselves contribute their mutations (they mutate the same tuple).
void scan(const Context& ctx, TSNode n, std::string_view name, bool& rebound, std::vector<Mutation>& found) {
  const Symbols& s = ctx.sym;
  const TSSymbol k = ts_node_symbol(n);
  if (k == s.function_definition || k == s.lambda) {
    if (k == s.function_definition && is_named(ctx, field(n, s.field.name), name)) rebound = true;
    if (python::has_parameter(ctx, n, name)) return;
    bool inner_rebound = false;
    std::vector<Mutation> inner;
    for (TSNode c : named_children(n)) {
      if (!is(c, s.identifier)) scan(ctx, c, name, inner_rebound, inner);
    }
    if (!inner_rebound) found.insert(found.end(), inner.begin(), inner.end());
    return;
  }
  if (k == s.class_definition) {
    if (is_named(ctx, field(n, s.field.name), name)) rebound = true;
    return;
  }
  if (k == s.identifier) {
    if (ctx.text(n) == name && python::is_name_binding(ctx, n)) rebound = true;
    return;
  }
  if (k == s.call) {
    const TSNode fn = field(n, s.field.function);
    if (is(fn, s.attribute) && is_named(ctx, field(fn, s.field.object), name)) {
      static constexpr std::string_view kMutators[] = {"append", "extend", "insert", "remove",
                                                       "pop",    "clear",  "sort",   "reverse"};
      const std::string_view method = ctx.text(field(fn, s.field.attribute));
      for (std::string_view m : kMutators) {
        if (method == m) found.push_back({n, method});
      }
    }
  } else if (k == s.assignment || k == s.augmented_assignment) {
    if (is_item_of(ctx, field(n, s.field.left), name)) found.push_back({n, {}});
  } else if (k == s.delete_statement) {
    for (TSNode t : named_children(n)) {
      bool item = is_item_of(ctx, t, name);
      if (is(t, s.expression_list)) {
        for (TSNode e : named_children(t)) item = item || is_item_of(ctx, e, name);
      }
      if (item) { found.push_back({n, {}}); break; }
    }
  }
  for (TSNode c : named_children(n)) scan(ctx, c, name, rebound, found);
}

// Called for every `def` and `lambda`; returns at once unless it has a `*NAME` parameter.
void check(TSNode def, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  std::string_view name;
  for (TSNode p : named_children(field(def, s.field.parameters))) {
    if (is(p, s.list_splat_pattern)) {
      const TSNode id = ts_node_named_child(p, 0);
      if (is(id, s.identifier)) name = ctx.text(id);
    }
  }
  if (name.empty()) return;
  bool rebound = false;
  std::vector<Mutation> found;
  scan(ctx, field(def, s.field.body), name, rebound, found);
  if (rebound) return;
  for (const Mutation& m : found) {
    const std::string op = m.operation.empty() ? std::string("item assignment") : cat(".", m.operation, "()");
    const std::string n = shorten(name);
    out.report(m.node, cat("`", n, "` is a tuple (`*", n, "` collects positional arguments into a tuple), so `", op,
                           "` raises; copy it first: `", n, " = list(", n, ")`"));
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::function_definition, &Symbols::lambda};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
