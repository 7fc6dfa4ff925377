// PF201 range-len-loop: `for i in range(len(seq))` that indexes `seq[i]`: enumerate() says it directly.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF201",
    .name = "range-len-loop",
    .severity = Severity::Info,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "`for i in range(len(seq))` that reads `seq[i]`",
    .rationale = R"(Looping over indices and then looking each item up with `seq[i]` is the C way of
iterating. In Python, `for item in seq` gives the items directly, and `enumerate(seq)` gives the index and
the item together when both are needed: shorter, no off-by-one room, and it works for any iterable, not
only for sequences that support `len()` and indexing. Index loops that only use the index, or that write
`seq[i] = ...` in place, are legitimate and not reported.)",
    .bad = R"(def show(items):
    for i in range(len(items)):
        print(i, items[i])
)",
    .good = R"(def show(items):
    for i, item in enumerate(items):
        print(i, item)
)",
    .seed = "§11 \"enumerate and zip\" — \"Using range(len(items)) instead of enumerate.\"; §11 \"Common "
            "anti-patterns\" — \"7. Not using enumerate\"",
};

// SEQ when `call` is `range(len(SEQ))` or `range(0, len(SEQ))` with SEQ a name chain; else null.
TSNode indexed_sequence(const Context& ctx, TSNode call) {
  if (!python::is_call_to(ctx, call, "range") || python::has_keywords_or_splats(ctx, call)) return {};
  const unsigned n = python::positional_count(ctx, call);
  TSNode len_call{};
  if (n == 1) {
    len_call = python::positional_argument(ctx, call, 0);
  } else if (n == 2) {
    const TSNode start = python::unparenthesize(ctx, python::positional_argument(ctx, call, 0));
    if (!is(start, ctx.sym.integer) || ctx.text(start) != "0") return {};
    len_call = python::positional_argument(ctx, call, 1);
  }
  len_call = python::unparenthesize(ctx, len_call);
  if (!python::is_call_to(ctx, len_call, "len") || python::has_keywords_or_splats(ctx, len_call) ||
      python::positional_count(ctx, len_call) != 1) {
    return {};
  }
  const TSNode seq = python::unparenthesize(ctx, python::positional_argument(ctx, len_call, 0));
  return python::is_name_chain(ctx, seq) ? seq : TSNode{};
}

struct BodyFacts {
  bool reads_item = false;      // SEQ[I] read somewhere
  bool changes_sequence = false;  // SEQ resized or rebound
};

// Whether `node` sits in a write position: an assignment / augmented assignment target, or `del`.
bool is_write_target(const Context& ctx, TSNode node) {
  const Symbols& s = ctx.sym;
  TSNode child = node;
  for (TSNode parent = parent_of(node); !ts_node_is_null(parent); child = parent, parent = parent_of(parent)) {
    const TSSymbol k = ts_node_symbol(parent);
    if (k == s.pattern_list || k == s.tuple_pattern || k == s.list_pattern || k == s.list_splat_pattern) continue;
    if (k == s.assignment || k == s.augmented_assignment) return same_node(field(parent, s.field.left), child);
    if (k == s.delete_statement) return true;
    if (k == s.expression_list && is(parent_of(parent), s.delete_statement)) continue;
    return false;
  }
  return false;
}

// One bounded pass over the loop body (nested def/lambda/class bodies excluded).
BodyFacts scan_body(const Context& ctx, TSNode body, TSNode seq, std::string_view index) {
  const Symbols& s = ctx.sym;
  BodyFacts facts;
  static constexpr std::string_view kResizers[] = {"append", "extend", "insert", "pop", "remove", "clear"};
  python::walk_scope_subtree(ctx, body, [&](TSNode node) {
    const TSSymbol k = ts_node_symbol(node);
    if (k == s.subscript && python::same_expression(ctx, field(node, s.field.value), seq)) {
      const TSNode sub = field(node, s.field.subscript);
      const bool write = is_write_target(ctx, node);
      if (write && (is(sub, s.slice) || is(parent_of(node), s.delete_statement) ||
                    is(parent_of(parent_of(node)), s.delete_statement))) {
        facts.changes_sequence = true;  // `SEQ[a:b] = ...`, `del SEQ[...]`
      }
      const bool exactly_index = is(sub, s.identifier) && ctx.text(sub) == index &&
                                 ts_node_named_child_count(node) == 2;
      if (exactly_index && !write) facts.reads_item = true;
    } else if (k == s.call) {
      const TSNode fn = field(node, s.field.function);
      if (is(fn, s.attribute) && python::same_expression(ctx, field(fn, s.field.object), seq)) {
        const std::string_view method = ctx.text(field(fn, s.field.attribute));
        for (std::string_view r : kResizers) facts.changes_sequence = facts.changes_sequence || method == r;
      }
    } else if (k == s.assignment || k == s.augmented_assignment) {
      const TSNode left = field(node, s.field.left);
      if (python::same_expression(ctx, left, seq)) facts.changes_sequence = true;  // `SEQ = ...`, `SEQ += ...`
      if (is(left, s.pattern_list) || is(left, s.tuple_pattern)) {
        for (TSNode target : named_children(left)) {
          if (python::same_expression(ctx, target, seq)) facts.changes_sequence = true;
        }
      }
    } else if (k == s.for_statement || k == s.for_in_clause) {
      if (python::same_expression(ctx, field(node, s.field.left), seq)) facts.changes_sequence = true;
    } else if (k == s.named_expression) {
      if (python::same_expression(ctx, field(node, s.field.name), seq)) facts.changes_sequence = true;
    }
    return true;
  });
  return facts;
}

void check(TSNode loop, const Context& ctx, Reporter& out) {
  const Symbols& s = ctx.sym;
  if (is(ts_node_child(loop, 0), s.kw_async)) return;
  const TSNode target = field(loop, s.field.left);
  if (!is(target, s.identifier)) return;  // a tuple target is not an index
  const TSNode call = python::unparenthesize(ctx, field(loop, s.field.right));
  const TSNode seq = indexed_sequence(ctx, call);
  if (ts_node_is_null(seq)) return;
  const BodyFacts facts = scan_body(ctx, field(loop, s.field.body), seq, ctx.text(target));
  if (!facts.reads_item || facts.changes_sequence) return;
  const std::string name = shorten(ctx.text(seq)), index = shorten(ctx.text(target));
  out.report(call, cat("`range(len(", name, "))` only to index `", name, "`; loop with `for ", index,
                       ", item in enumerate(", name, ")`, or `for item in ", name, "` if the index isn't needed"));
}

constexpr SymbolRef kKinds[] = {&Symbols::for_statement};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
