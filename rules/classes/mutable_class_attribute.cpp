// PF306 mutable-class-attribute: a list/dict/set class attribute mutated through `self` is shared by all.
#include "linter/python.h"
#include "linter/python_classes.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF306",
    .name = "mutable-class-attribute",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Mutable class attribute mutated through `self`",
    .rationale = R"(Statements in a class body run once, when the class is created, so `items = []` there makes
one list that belongs to the class. Reading `self.items` finds that class attribute when the instance
has none of its own, and `self.items.append(x)` then changes the single shared list: every instance,
past and future, sees the items added through any other one. It is one of the classic Python bugs,
usually meant as a per-instance default. Create the container in `__init__` (`self.items = []`) so each
instance gets its own; if sharing really is intended, annotate it `ClassVar[...]` or mutate it through
the class (`cls.items`, `Cart.items`) so the intent is visible. Attributes that are only read, or that
methods rebind with `self.items = ...`, are not reported.)",
    .bad = R"py(class Cart:
    items = []

    def add(self, item):
        self.items.append(item)
)py",
    .good = R"py(class Cart:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)
)py",
    .seed = "§3 \"Classes and __init__\" — \"If you accidentally define a mutable class attribute (like a list), all instances share it — a classic bug.\"",
};

// Message: "Class attribute `{name}` is a single {kind} shared by every instance, and `{method}` mutates it through `self`; create it in `__init__` (or annotate it `ClassVar` if sharing is intended)"
enum class Use : std::uint8_t { None, Mutated, Assigned };

// `self.NAME` for the given receiver name.
bool is_self_attribute(const Context& ctx, TSNode node, std::string_view self, std::string_view name) {
  const Symbols& s = ctx.sym;
  node = python::unparenthesize(ctx, node);
  if (!is(node, s.attribute)) return false;
  const TSNode object = field(node, s.field.object);
  return is(object, s.identifier) && ctx.text(object) == self && ctx.text(field(node, s.field.attribute)) == name;
}

bool is_mutator(std::string_view method) {
  static constexpr std::string_view kMutators[] = {"append", "extend", "insert", "remove", "pop", "clear",
                                                   "update", "add", "discard", "setdefault", "popitem", "sort",
                                                   "reverse"};
  for (std::string_view m : kMutators) {
    if (m == method) return true;
  }
  return false;
}

// A function's parameter names include `name` (it then shadows the method's receiver).
bool has_parameter(const Context& ctx, TSNode fn, std::string_view name) {
  const Symbols& s = ctx.sym;
  for (TSNode p : named_children(field(fn, s.field.parameters))) {
    TSNode id = p;
    if (!is(p, s.identifier)) {
      id = is(field(p, s.field.name), s.identifier) ? field(p, s.field.name) : ts_node_named_child(p, 0);
    }
    if (is(id, s.identifier) && ctx.text(id) == name) return true;
  }
  return false;
}

// `self.NAME` in an assignment target position (plain, annotated, tuple unpacking, augmented, for).
bool assigns_self_attribute(const Context& ctx, TSNode target, std::string_view self, std::string_view name) {
  const Symbols& s = ctx.sym;
  target = python::unparenthesize(ctx, target);
  if (is_self_attribute(ctx, target, self, name)) return true;
  const TSSymbol k = ts_node_symbol(target);
  if (k == s.pattern_list || k == s.tuple_pattern || k == s.list_pattern || k == s.list_splat_pattern ||
      k == s.expression_list || k == s.tuple || k == s.list) {
    for (TSNode t : named_children(target)) {
      if (assigns_self_attribute(ctx, t, self, name)) return true;
    }
  }
  return false;
}

// How the method body uses `self.NAME`: assigned anywhere wins over mutated.
Use scan_method(const Context& ctx, TSNode fn, std::string_view self, std::string_view name) {
  const Symbols& s = ctx.sym;
  Use use = Use::None;
  const TSNode body = field(fn, s.field.body);
  TSTreeCursor cursor = ts_tree_cursor_new(body);
  for (bool more = true; more && use != Use::Assigned;) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    const TSSymbol k = ts_node_symbol(node);
    bool descend = true;
    if (k == s.class_definition) {
      descend = false;
    } else if (k == s.function_definition || k == s.lambda) {
      descend = !has_parameter(ctx, node, self);  // a nested receiver of the same name is another object
    } else if (k == s.assignment || k == s.augmented_assignment) {
      const TSNode left = field(node, s.field.left);
      if (assigns_self_attribute(ctx, left, self, name)) use = Use::Assigned;  // incl. `self.NAME += ...`
      const TSNode target = python::unparenthesize(ctx, left);
      if (is(target, s.subscript) && is_self_attribute(ctx, field(target, s.field.value), self, name)) {
        use = use == Use::Assigned ? use : Use::Mutated;  // `self.NAME[k] = v`, `self.NAME[k] += v`
      }
    } else if (k == s.for_statement || k == s.for_in_clause) {
      if (assigns_self_attribute(ctx, field(node, s.field.left), self, name)) use = Use::Assigned;
    } else if (k == s.delete_statement) {  // `del self.NAME[k]`, also in `del a, self.NAME[k]`
      const TSNode targets = ts_node_named_child(node, 0);
      const bool several = is(targets, s.expression_list);
      for (std::uint32_t i = 0, n = several ? ts_node_named_child_count(targets) : 1; i < n; ++i) {
        const TSNode item = python::unparenthesize(ctx, several ? ts_node_named_child(targets, i) : targets);
        if (is(item, s.subscript) && is_self_attribute(ctx, field(item, s.field.value), self, name) &&
            use == Use::None) {
          use = Use::Mutated;
        }
      }
    } else if (k == s.call) {
      const TSNode callee = field(node, s.field.function);
      if (is(callee, s.attribute) && is_mutator(ctx.text(field(callee, s.field.attribute))) &&
          is_self_attribute(ctx, field(callee, s.field.object), self, name) && use == Use::None) {
        use = Use::Mutated;
      }
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) { more = false; break; }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return use;
}

// The receiver name of an instance method (its first plain parameter), or empty for static/class methods.
std::string_view receiver(const Context& ctx, TSNode stmt, TSNode fn) {
  const Symbols& s = ctx.sym;
  if (is(stmt, s.decorated_definition)) {
    for (TSNode d : named_children(stmt)) {
      const std::string_view dn = python::decorator_name(ctx, d);
      if (dn == "staticmethod" || dn == "classmethod") return {};
    }
  }
  TSNode first{};
  for (TSNode p : named_children(field(fn, s.field.parameters))) {
    if (!is(p, s.comment)) {
      first = p;
      break;
    }
  }
  if (is(first, s.typed_parameter)) first = ts_node_named_child(first, 0);
  if (!is(first, s.identifier)) return {};
  const std::string_view name = ctx.text(first);
  if (name == "cls" || name == "mcs" || name == "mcls" || name == "metacls") return {};  // the class itself
  return name;
}

void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode body = field(cls, s.field.body);
  bool checked_decorators = false;
  for (TSNode stmt : named_children(body)) {
    const TSNode a = python::as_assignment(ctx, stmt);
    if (ts_node_is_null(a)) continue;
    const TSNode target = field(a, s.field.left);
    if (!is(target, s.identifier)) continue;
    python::MutableContainer container;
    if (!python::mutable_container(ctx, field(a, s.field.right), &container)) continue;
    const std::string_view name = ctx.text(target);
    if (name.size() > 4 && name.starts_with("__") && name.ends_with("__")) continue;  // __slots__, __all__
    if (python::is_classvar_annotation(ctx, field(a, s.field.type))) continue;
    if (!checked_decorators) {
      if (python::is_dataclass(ctx, cls) || python::is_attrs_class(ctx, cls)) return;
      checked_decorators = true;
    }
    TSNode mutator{};
    bool assigned = false;
    for (TSNode m : named_children(body)) {
      const TSNode fn = python::as_function(ctx, m);
      if (ts_node_is_null(fn)) continue;
      const std::string_view self = receiver(ctx, m, fn);
      if (self.empty()) continue;
      const Use use = scan_method(ctx, fn, self, name);
      if (use == Use::Assigned) {
        assigned = true;
        break;
      }
      if (use == Use::Mutated && ts_node_is_null(mutator)) mutator = fn;
    }
    if (assigned || ts_node_is_null(mutator)) continue;
    out.report(a, cat("Class attribute `", shorten(name), "` is a single ", container.kind,
                      " shared by every instance, and `", shorten(ctx.text(field(mutator, s.field.name))),
                      "` mutates it through `self`; create it in `__init__` (or annotate it `ClassVar` if sharing "
                      "is intended)"));
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
