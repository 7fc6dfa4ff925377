// PF503 json-via-string: `json.loads(f.read())` / `f.write(json.dumps(obj))` instead of `json.load(f)` / `json.dump(obj, f)`.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF503",
    .name = "json-via-string",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "`json.loads(f.read())` / `f.write(json.dumps(...))` instead of `json.load` / `json.dump`",
    .rationale = R"(The `json` module has two pairs of functions: `loads` / `dumps` work on strings, `load` / `dump` work on
file objects. Reading a whole file into a string only to hand it to `loads`, or building the full JSON
string with `dumps` only to `write` it, is the string pair doing the file pair's job; the seed's advice for
file I/O is plainly "use dump/load, not dumps/loads", and mixing them up is listed as a red flag.
`json.load(f)` is defined as `loads(f.read())`, so the replacement reads the same text, and `json.dump`
writes the same text while stating the intent in one call.)",
    .bad = R"(import json


def load_settings(path):
    with open(path, encoding="utf-8") as f:
        return json.loads(f.read())
)",
    .good = R"(import json


def load_settings(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
)",
    .seed = "§5 \"Working with JSON\" — \"Not knowing the dumps/dump vs loads/load distinction.\"; \"File I/O (use dump/load, not dumps/loads)\"",
    .fix_applicability = Applicability::Safe,
};

// Message: "Use `json.{better}()` with the file object instead of `json.{worse}()` and a manual `{method}()`"
// `json.loads(F.read(), <kw>)`: the `.read()` call, or null.
TSNode read_argument(const Context& ctx, TSNode call) {
  if (python::positional_count(ctx, call) != 1) return {};
  const TSNode arg = python::unparenthesize(ctx, python::positional_argument(ctx, call, 0));
  return ts_node_is_null(python::receiver_of_bare_method_call(ctx, arg, "read")) ? TSNode{} : arg;
}

void check_loads(TSNode call, const Context& ctx, Reporter& out) {
  const TSNode read = read_argument(ctx, call);
  if (ts_node_is_null(read)) return;
  const TSNode file = python::receiver_of_bare_method_call(ctx, read, "read");
  const TSNode name = field(field(call, ctx.sym.field.function), ctx.sym.field.attribute);
  out.report(call, "Use `json.load()` with the file object instead of `json.loads()` and a manual `read()`",
             Fix{.applicability = Applicability::Safe,
                 .title = "Use `json.load()` on the file object",
                 .edits = {{ts_node_start_byte(name), ts_node_end_byte(name), "load"},
                           {ts_node_start_byte(read), ts_node_end_byte(read), std::string(ctx.text(file))}}});
}

// `F.write(json.dumps(OBJ, <kw>))` as a statement → `json.dump(OBJ, F, <kw>)`.
void check_write(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (ctx.text(field(fn, s.field.attribute)) != "write") return;
  const TSNode statement = parent_of(call);
  if (!is(statement, s.expression_statement) || ts_node_named_child_count(statement) != 1) return;
  const TSNode args = field(call, s.field.arguments);
  if (!is(args, s.argument_list)) return;
  TSNode only{};
  for (TSNode arg : named_children(args)) {
    if (is(arg, s.comment)) continue;
    if (!ts_node_is_null(only)) return;
    only = arg;
  }
  const TSNode dumps = python::unparenthesize(ctx, only);
  if (!is(dumps, s.call) || python::callee(ctx, dumps) != "json.dumps") return;
  std::optional<Fix> fix;
  const TSNode obj = python::positional_argument(ctx, dumps, 0);
  const TSNode dumps_args = field(dumps, s.field.arguments);
  bool splat = false;
  for (TSNode arg : named_children(dumps_args)) {
    splat = splat || is(arg, s.list_splat) || is(arg, s.dictionary_splat);
  }
  if (!ts_node_is_null(obj) && !splat && python::positional_count(ctx, dumps) == 1) {
    const std::string_view dumps_text = ctx.text(dumps);
    const std::string_view fn_text = ctx.text(field(dumps, s.field.function));
    const std::uint32_t split = ts_node_end_byte(obj) - ts_node_start_byte(dumps);
    const std::string_view head = dumps_text.substr(fn_text.size(), split - fn_text.size());
    fix = Fix{.applicability = Applicability::Safe,
              .title = "Use `json.dump()` with the file object",
              .edits = {{ts_node_start_byte(call), ts_node_end_byte(call),
                         cat(fn_text.substr(0, fn_text.size() - 1), head, ", ", ctx.text(field(fn, s.field.object)),
                             dumps_text.substr(split))}}};
  }
  out.report(call, "Use `json.dump()` with the file object instead of `json.dumps()` and a manual `write()`",
             std::move(fix));
}

// Called for every call: the callee's last name is compared first.
void check(TSNode call, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.attribute)) return;
  const std::string_view method = ctx.text(field(fn, s.field.attribute));
  if (method == "loads") {
    if (python::callee(ctx, call) == "json.loads") check_loads(call, ctx, out);
  } else if (method == "write") {
    check_write(call, ctx, out);
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
