// PF213 lambda-instead-of-itemgetter: `key=lambda s: s["age"]` where operator.itemgetter/attrgetter says it.
#include <string>

#include "linter/python.h"
#include "linter/python_statements.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF213",
    .name = "lambda-instead-of-itemgetter",
    .severity = Severity::Info,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "`key=` lambda that only fetches an item or attribute",
    .rationale = R"(A sort or grouping key that only fetches an item or an attribute (`lambda s: s["age"]`,
`lambda p: p.user.name`) is exactly what `operator.itemgetter` and `operator.attrgetter` provide. They
are implemented in C, so a large sort calls them faster than a Python-level lambda; they name the intent
(`itemgetter("age", "name")` reads better than a lambda building a tuple); and unlike lambdas they can be
pickled, which matters as soon as the key travels to another process.)",
    .bad = R"(def by_age(students):
    return sorted(students, key=lambda s: s["age"])
)",
    .good = R"(from operator import itemgetter


def by_age(students):
    return sorted(students, key=itemgetter("age"))
)",
    .seed =
        "§2 \"Sorting\" — \"Only knowing the lambda approach. Not knowing about operator.itemgetter.\"; §4 \"Lambda "
        "functions\" — \"operator.itemgetter('key') is faster and clearer than lambda x: x['key']\"",
};

// The literal key of `P[C]` (a string or a possibly negative integer), or null.
TSNode item_key(const Context& ctx, TSNode node, std::string_view param) {
  const Symbols& s = ctx.sym;
  node = python::unparenthesize(ctx, node);
  if (!is(node, s.subscript) || ts_node_named_child_count(node) != 2) return {};
  const TSNode value = field(node, s.field.value);
  if (!is(value, s.identifier) || ctx.text(value) != param) return {};
  const TSNode key = python::unparenthesize(ctx, field(node, s.field.subscript));
  if (is(key, s.integer)) return key;
  if (is(key, s.unary_operator) && is(field(key, s.field.operator_), s.op_minus) &&
      is(python::unparenthesize(ctx, field(key, s.field.argument)), s.integer)) {
    return key;
  }
  if (python::is_string_literal(ctx, key) && !python::is_fstring(ctx, key)) return key;
  return {};
}

// A chain `P.a.b` (at least one attribute) starting at the parameter.
bool attribute_chain(const Context& ctx, TSNode node, std::string_view param) {
  node = python::unparenthesize(ctx, node);
  if (!is(node, ctx.sym.attribute) || !python::is_name_chain(ctx, node)) return false;
  while (is(node, ctx.sym.attribute)) node = field(node, ctx.sym.field.object);
  return ctx.text(node) == param;
}

// `"a.b"` for `P.a.b`.
void append_path(const Context& ctx, TSNode node, std::string& out) {
  node = python::unparenthesize(ctx, node);
  if (!is(node, ctx.sym.attribute)) return;  // the parameter itself
  const TSNode object = field(node, ctx.sym.field.object);
  append_path(ctx, object, out);
  if (is(python::unparenthesize(ctx, object), ctx.sym.attribute)) out.push_back('.');
  out.append(ctx.text(field(node, ctx.sym.field.attribute)));
}

// Message: "Use `operator.{getter}({args})` instead of this lambda key: it is faster, states the intent and can be
// pickled"
void check(TSNode lambda, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  TSNode value = lambda;
  TSNode parent = parent_of(value);
  while (is(parent, s.parenthesized_expression)) {
    value = parent;
    parent = parent_of(value);
  }
  if (!is(parent, s.keyword_argument) || !same_node(field(parent, s.field.value), value)) return;
  if (!is(parent_of(parent_of(parent)), s.call)) return;  // not `class A(key=...)`
  if (ctx.text(field(parent, s.field.name)) != "key") return;
  const TSNode params = field(lambda, s.field.parameters);
  if (named_children(params).size() != 1) return;  // null-safe: `lambda: 0`
  const TSNode p = ts_node_named_child(params, 0);
  if (!is(p, s.identifier)) return;
  const std::string_view param = ctx.text(p);
  const TSNode body = python::unparenthesize(ctx, field(lambda, s.field.body));

  // The parts: the tuple's elements (two or more), or the body itself. Validated before any allocation.
  const bool tuple = is(body, s.tuple);
  const TSNode first_part = tuple ? ts_node_named_child(body, 0) : body;
  const bool items = !ts_node_is_null(item_key(ctx, first_part, param));
  unsigned count = 0;
  auto valid = [&](TSNode part) {
    ++count;
    return items ? !ts_node_is_null(item_key(ctx, part, param)) : attribute_chain(ctx, part, param);
  };
  if (tuple) {
    for (TSNode e : named_children(body)) {
      if (!is(e, s.comment) && !valid(e)) return;
    }
    if (count < 2) return;
  } else if (!valid(body)) {
    return;
  }
  std::string args;
  auto append = [&](TSNode part) {
    if (!args.empty()) args.append(", ");
    if (items) {
      args.append(ctx.text(item_key(ctx, part, param)));
    } else {
      args.push_back('"');
      append_path(ctx, part, args);
      args.push_back('"');
    }
  };
  if (tuple) {
    for (TSNode e : named_children(body)) {
      if (!is(e, s.comment)) append(e);
    }
  } else {
    append(body);
  }
  out.report(lambda, cat("Use `operator.", items ? "itemgetter" : "attrgetter", "(", shorten(args),
                         ")` instead of this lambda key: it is faster, states the intent and can be pickled"));
}

constexpr SymbolRef kKinds[] = {&Symbols::lambda};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
