// PF504 json-unserializable: a set or a `datetime.now()` handed to `json.dumps` / `json.dump` raises TypeError.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF504",
    .name = "json-unserializable",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Set or datetime passed to `json.dumps()` / `json.dump()`",
    .rationale = R"(JSON has objects, arrays, strings, numbers, booleans and null, and the `json` module maps only the
matching Python types onto them (dicts, lists and tuples, str, int and float, bool, None). Sets and
datetimes have no JSON form, so the seed's type table marks both as "not serializable by default":
`json.dumps` raises TypeError as soon as it meets one, often deep inside a payload and only on the path
that happens to include it. Convert the value before serializing (`sorted(tags)` or `list(tags)` for a
set, `.isoformat()` for a datetime), or pass `default=` / a `cls=` encoder that knows how to.)",
    .bad = R"(import json


def payload(user_id):
    return json.dumps({"id": user_id, "roles": {"read", "write"}})
)",
    .good = R"(import json


def payload(user_id):
    return json.dumps({"id": user_id, "roles": ["read", "write"]})
)",
    .seed = "§5 \"Working with JSON\" — \"Not knowing that sets and datetimes aren't serializable.\"",
};

// Message: "`json.{func}()` can't serialize {what} (TypeError at runtime); convert it first (`sorted(...)`, `.isoformat()`) or pass `default=`"
// "a set" / "a datetime" for a value json cannot encode, else empty.
std::string_view unserializable(const Context& ctx, TSNode n) {
  const Symbols& s = ctx.sym;
  if (is(n, s.set) || is(n, s.set_comprehension)) return "a set";
  if (!is(n, s.call)) return {};
  const std::string_view fn = python::callee(ctx, n);
  if (fn == "set" || fn == "frozenset") return "a set";
  static constexpr std::string_view kClocks[] = {"datetime.now", "datetime.utcnow", "datetime.today", "date.today",
                                                 "datetime.datetime.now", "datetime.datetime.utcnow",
                                                 "datetime.datetime.today", "datetime.date.today"};
  for (std::string_view c : kClocks) {
    if (fn == c) return "a datetime";
  }
  return {};
}

// Reports every offending value in `n`, descending into list / tuple elements and dict values.
void scan(const Context& ctx, TSNode n, std::string_view func, Reporter& out) {
  const Symbols& s = ctx.sym;
  n = python::unparenthesize(ctx, n);
  if (const std::string_view what = unserializable(ctx, n); !what.empty()) {
    out.report(n, cat("`json.", func, "()` can't serialize ", what,
                      " (TypeError at runtime); convert it first (`sorted(...)`, `.isoformat()`) or pass `default=`"));
    return;
  }
  if (is(n, s.list) || is(n, s.tuple)) {
    for (TSNode e : named_children(n)) scan(ctx, e, func, out);
  } else if (is(n, s.dictionary)) {
    for (TSNode p : named_children(n)) {
      if (is(p, s.pair)) scan(ctx, field(p, s.field.value), func, out);
    }
  }
}

// Called for every call; the callee text is compared first.
void check(TSNode call, const Context& ctx, Reporter& out) {
  // Cheapest test first: the call's text starts with its callee's.
  if (!ctx.text(call).starts_with("json.dump")) return;
  const std::string_view fn = python::callee(ctx, call);
  if (fn != "json.dumps" && fn != "json.dump") return;
  if (!ts_node_is_null(python::keyword_argument(ctx, call, "default")) ||
      !ts_node_is_null(python::keyword_argument(ctx, call, "cls"))) {
    return;
  }
  for (TSNode arg : named_children(field(call, ctx.sym.field.arguments))) {
    if (is(arg, ctx.sym.dictionary_splat)) return;  // `**options` may carry `default=`
  }
  const TSNode value = python::positional_argument(ctx, call, 0);
  if (ts_node_is_null(value)) return;
  scan(ctx, value, fn.substr(5), out);
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
