// PF502 open-without-encoding: text-mode `open()` (or `read_text()`, `TextIOWrapper`) without `encoding=` depends on the locale.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF502",
    .name = "open-without-encoding",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::Always,
    .summary = "Text file opened without an explicit `encoding=`",
    .rationale = R"(Without `encoding=`, a text-mode file is decoded and encoded with the platform's locale encoding, not
with UTF-8: the same program reads a file correctly on Linux or macOS and garbles it, or raises
UnicodeDecodeError, on a Windows machine set to cp1252. The seed puts it plainly: always specify
`encoding='utf-8'`, because otherwise the system default decides, which causes cross-platform bugs (PEP 686
makes UTF-8 the default only from Python 3.15). Binary modes carry no encoding and are not reported; any
explicit `encoding=` argument, even `"locale"`, is a deliberate choice and is accepted.)",
    .bad = R"(def read_notes(path):
    with open(path) as f:
        return f.read()
)",
    .good = R"(def read_notes(path):
    with open(path, encoding="utf-8") as f:
        return f.read()
)",
    .seed = "§5 \"Reading and writing files\" — \"Not specifying encoding.\"; \"Always specify encoding='utf-8': Without it, Python uses the system default encoding\"",
    .fix_applicability = Applicability::Unsafe,
};

// Message: "`{func}()` in text mode without `encoding=` uses the platform's locale encoding; pass `encoding='utf-8'`"
// The argument list's last argument that is not a comment, or null.
TSNode last_argument(const Context& ctx, TSNode args) {
  TSNode last{};
  for (TSNode arg : named_children(args)) {
    if (!is(arg, ctx.sym.comment)) last = arg;
  }
  return last;
}

bool has_splat(const Context& ctx, TSNode call, bool positional_too) {
  for (TSNode arg : named_children(field(call, ctx.sym.field.arguments))) {
    if (is(arg, ctx.sym.dictionary_splat) || (positional_too && is(arg, ctx.sym.list_splat))) return true;
  }
  return false;
}

// Unsafe: the file is now decoded as UTF-8 wherever the locale says otherwise.
Fix add_encoding(const Context& ctx, TSNode call) {
  const TSNode args = field(call, ctx.sym.field.arguments);
  const TSNode last = last_argument(ctx, args);
  const std::uint32_t at = ts_node_is_null(last) ? ts_node_start_byte(args) + 1 : ts_node_end_byte(last);
  return Fix{.applicability = Applicability::Unsafe,
             .title = "Pass `encoding=\"utf-8\"`",
             .edits = {{at, at, ts_node_is_null(last) ? "encoding=\"utf-8\"" : ", encoding=\"utf-8\""}}};
}

// Whether the call passes an encoding: `encoding=` or the positional argument at `index`.
bool passes_encoding(const Context& ctx, TSNode call, unsigned index) {
  return !ts_node_is_null(python::keyword_argument(ctx, call, "encoding")) ||
         python::positional_count(ctx, call) > index;
}

// Called for every call: method / callee names are compared before any scope lookup.
void check(TSNode call, const Context& ctx, Reporter& out) {
  if (ctx.target_minor >= 15 || ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  std::string_view last;
  if (is(fn, s.identifier)) last = ctx.text(fn);
  else if (is(fn, s.attribute)) last = ctx.text(field(fn, s.field.attribute));
  else return;
  if (last != "open" && last != "read_text" && last != "write_text" && last != "TextIOWrapper") return;
  if (!is(field(call, s.field.arguments), s.argument_list)) return;
  const std::string_view written = ctx.text(fn);
  if (last == "read_text" || last == "write_text") {
    if (!is(fn, s.attribute) || has_splat(ctx, call, true)) return;
    if (passes_encoding(ctx, call, last == "read_text" ? 0 : 1)) return;
    out.report(call, cat("`", shorten(written), "()` in text mode without `encoding=` uses the platform's locale encoding; "
                         "pass `encoding='utf-8'`"),
               add_encoding(ctx, call));
    return;
  }
  if (last == "TextIOWrapper") {
    if (!python::refers_to(ctx, fn, "io.TextIOWrapper") || has_splat(ctx, call, true)) return;
    if (passes_encoding(ctx, call, 1)) return;
    out.report(call, cat("`", shorten(written), "()` in text mode without `encoding=` uses the platform's locale encoding; "
                         "pass `encoding='utf-8'`"),
               add_encoding(ctx, call));
    return;
  }
  if (last != "open") return;
  const std::string_view opener = python::file_opener(ctx, call);
  if (opener != "open" && opener != "io.open") return;
  if (has_splat(ctx, call, true) || python::open_mode(ctx, call) != python::OpenMode::Text) return;
  if (passes_encoding(ctx, call, 3)) return;  // encoding is open()'s fourth positional parameter
  std::string message = cat("`", shorten(written), "()` in text mode without `encoding=` uses the platform's locale "
                                                   "encoding; pass `encoding='utf-8'`");
  out.report_unless_bound(ctx.scopes.module(), opener == "open" ? "open" : "", call, std::move(message),
                          add_encoding(ctx, call));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
