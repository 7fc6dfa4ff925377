// PF506 read-whole-file-loop: `for line in f.readlines():` (or `f.read().splitlines()`) loads the whole file to loop over it.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF506",
    .name = "read-whole-file-loop",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::Sometimes,
    .summary = "Loop over `f.readlines()` / `f.read().splitlines()` reads the whole file first",
    .rationale = R"(A file object is already an iterator over its lines: `for line in f:` reads one buffered chunk at a time
and uses constant memory however large the file is. Looping over `f.readlines()` or
`f.read().splitlines()` first loads the entire file into a list of strings, so a multi-gigabyte log needs
gigabytes of memory before the first iteration, the very mistake the seed warns about with `f.read()` on
a huge file. Iterate over the file object itself. (Unlike `readlines()`, `splitlines()` and `split("\n")`
also drop the line endings, so strip them in the loop when switching.))",
    .bad = R"(def count_errors(path):
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f.readlines():
            if "ERROR" in line:
                count += 1
    return count
)",
    .good = R"(def count_errors(path):
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "ERROR" in line:
                count += 1
    return count
)",
    .seed = "§5 \"Reading and writing files\" — \"Using f.read() on a multi-GB file.\"; \"for line in f:           # File object is an iterator -- constant memory\"",
    .fix_applicability = Applicability::Safe,
};

// Message: "`{expr}` reads the whole file into memory before looping; iterate over the file object itself (`for line in {file}:`)"
// F when `iterable` is `F.readlines()`, `F.read().splitlines([keepends=True])` or `F.read().split("\n")`;
// `*readlines` tells which form.
TSNode whole_file_receiver(const Context& ctx, TSNode iterable, bool* readlines) {
  const Symbols& s = ctx.sym;
  if (!is(iterable, s.call)) return {};
  const TSNode fn = field(iterable, s.field.function);
  if (!is(fn, s.attribute)) return {};
  const std::string_view method = ctx.text(field(fn, s.field.attribute));
  *readlines = method == "readlines";
  if (*readlines) return python::receiver_of_bare_method_call(ctx, iterable, "readlines");
  if (method != "splitlines" && method != "split") return {};
  const TSNode read = python::unparenthesize(ctx, field(fn, s.field.object));
  const TSNode file = python::receiver_of_bare_method_call(ctx, read, "read");
  if (ts_node_is_null(file)) return {};
  const TSNode args = field(iterable, s.field.arguments);
  unsigned count = 0;
  TSNode arg{};
  for (TSNode a : named_children(args)) {
    if (is(a, s.comment)) continue;
    ++count;
    arg = a;
  }
  if (count == 0) return method == "splitlines" ? file : TSNode{};
  if (count != 1) return {};
  if (method == "splitlines") {
    TSNode value = arg;
    if (is(arg, s.keyword_argument)) {
      if (ctx.text(field(arg, s.field.name)) != "keepends") return {};
      value = field(arg, s.field.value);
    }
    return is(python::unparenthesize(ctx, value), s.true_) ? file : TSNode{};
  }
  const std::string_view sep = ctx.text(python::unparenthesize(ctx, arg));
  return sep == "\"\\n\"" || sep == "'\\n'" ? file : TSNode{};
}

// Whether the subtree `n` mentions an expression written like `file`.
bool mentions(const Context& ctx, TSNode n, TSNode file, std::string_view file_text) {
  if (ts_node_end_byte(n) - ts_node_start_byte(n) >= file_text.size() && python::same_expression(ctx, n, file)) {
    return true;
  }
  for (TSNode c : named_children(n)) {
    if (mentions(ctx, c, file, file_text)) return true;
  }
  return false;
}

// Called for every `for` statement and comprehension `for` clause.
void check(TSNode loop, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  const TSNode iterable = python::unparenthesize(ctx, field(loop, s.field.right));
  bool readlines = false;
  const TSNode file = whole_file_receiver(ctx, iterable, &readlines);
  if (ts_node_is_null(file)) return;
  std::optional<Fix> fix;
  if (readlines) {
    // The rest of the loop: a `for` statement's body (and else), or the comprehension around the clause.
    TSNode body = is(loop, s.for_statement) ? loop : parent_of(loop);
    bool mentioned = false;
    for (TSNode part : named_children(body)) {
      if (same_node(part, loop) && is(loop, s.for_in_clause)) {
        mentioned = mentioned || mentions(ctx, field(loop, s.field.left), file, ctx.text(file));
        continue;
      }
      if (is(loop, s.for_statement) && (same_node(part, field(loop, s.field.right)) || same_node(part, field(loop, s.field.left)))) {
        continue;
      }
      mentioned = mentioned || mentions(ctx, part, file, ctx.text(file));
    }
    if (!mentioned) {
      fix = Fix{.applicability = Applicability::Safe,
                .title = "Iterate over the file object",
                .edits = {{ts_node_end_byte(file), ts_node_end_byte(iterable), ""}}};
    }
  }
  const std::string file_text = shorten(ctx.text(file));
  out.report(iterable, cat("`", shorten(ctx.text(iterable)),
                           "` reads the whole file into memory before looping; iterate over the file object itself "
                           "(`for line in ", file_text, ":`)"),
             std::move(fix));
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement, &Symbols::for_in_clause};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
