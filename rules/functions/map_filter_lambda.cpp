// PF404 map-filter-lambda: `map(lambda x: ..., xs)` / `filter(lambda x: ..., xs)` where a comprehension reads better.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF404",
    .name = "map-filter-lambda",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`map()` / `filter()` with a lambda instead of a comprehension",
    .rationale = R"(`map(lambda x: x * x, xs)` and `filter(lambda x: x > 0, xs)` wrap an expression in a throwaway function
only to hand it to a higher-order builtin, and the reader has to unpack both to see what is computed.
The seed shows lambdas with `map` and `filter` but adds that comprehensions are preferred: `(x * x for x in
xs)` and `[x for x in xs if x > 0]` say the same thing directly, skip a Python-level function call per
item, and produce a list or a set directly when that is what the surrounding `list(...)` / `set(...)` wanted.
Passing a named function (`map(str, items)`) is fine and not reported.)",
    .bad = R"(def squares(numbers):
    return list(map(lambda x: x * x, numbers))
)",
    .good = R"(def squares(numbers):
    return [x * x for x in numbers]
)",
    .seed = "§4 \"Lambda functions\" — \"With filter and map (though comprehensions are preferred)\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "Use a comprehension or generator expression instead of `{func}()` with a lambda"
// The lambda's single plain parameter, or null.
TSNode single_parameter(const Context& ctx, TSNode lambda) {
  const TSNode params = field(lambda, ctx.sym.field.parameters);
  if (ts_node_is_null(params) || ts_node_named_child_count(params) != 1) return {};  // `lambda: 0` has none
  const TSNode p = ts_node_named_child(params, 0);
  return is(p, ctx.sym.identifier) ? p : TSNode{};
}

// Text of `n`, parenthesized when it would not parse as a comprehension's iterable or condition.
std::string operand(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  const TSNode inner = python::unparenthesize(ctx, n);
  const bool wrap = !same_node(inner, n) ? false
                    : (is(n, s.conditional_expression) || is(n, s.lambda) || is(n, s.named_expression) ||
                       is(n, s.expression_list) || is(n, s.yield));
  return wrap ? cat("(", ctx.text(n), ")") : std::string(ctx.text(n));
}

// Unsafe: the result is a generator / list / set instead of a map or filter object.
Fix rewrite(const Context& ctx, TSNode call, bool is_map, TSNode param, TSNode body, TSNode iterable) {
  TSNode replaced = call;
  std::string_view open = "(", close = ")";
  // `list(map(...))` / `set(map(...))` with the map as the only argument: a list / set comprehension.
  const TSNode wrapper = python::call_receiving_argument(ctx, call);
  if (!ts_node_is_null(wrapper) && python::is_call_to_any(ctx, wrapper, {"list", "set"}) &&
      python::positional_count(ctx, wrapper) == 1 && !python::has_keywords_or_splats(ctx, wrapper) &&
      same_node(python::unparenthesize(ctx, python::positional_argument(ctx, wrapper, 0)), call)) {
    replaced = wrapper;
    const bool list = python::callee(ctx, wrapper) == "list";
    open = list ? "[" : "{";
    close = list ? "]" : "}";
  }
  const std::string_view p = ctx.text(param);
  const std::string element = is_map ? operand(ctx, body) : std::string(p);
  std::string text = cat(open, element, " for ", p, " in ", operand(ctx, iterable));
  if (!is_map) text = cat(text, " if ", operand(ctx, body));
  text = cat(text, close);
  return Fix{.applicability = Applicability::Unsafe,
             .title = is_map ? "Rewrite as a comprehension" : "Rewrite as a filtered comprehension",
             .edits = {{ts_node_start_byte(replaced), ts_node_end_byte(replaced), std::move(text)}}};
}

// Called for every call: the callee name is compared first.
void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.identifier)) return;
  const std::string_view name = ctx.text(fn);
  const bool is_map = name == "map";
  if (!is_map && name != "filter") return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return;
  TSNode first{}, second{};
  unsigned count = 0;
  for (TSNode arg : named_children(args)) {
    const TSSymbol k = ts_node_symbol(arg);
    if (k == s.comment) continue;
    if (k == s.keyword_argument || k == s.list_splat || k == s.dictionary_splat) return;
    (count == 0 ? first : second) = arg;
    if (++count > 2) return;
  }
  if (count != 2) return;
  const TSNode lambda = python::unparenthesize(ctx, first);
  if (!is(lambda, s.lambda)) return;
  const TSNode param = single_parameter(ctx, lambda);
  if (ts_node_is_null(param)) return;
  const TSNode body = field(lambda, s.field.body);
  if (ts_node_is_null(body)) return;
  out.report(call, cat("Use a comprehension or generator expression instead of `", name, "()` with a lambda"),
             rewrite(ctx, call, is_map, param, body, second));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
