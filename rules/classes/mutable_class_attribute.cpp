// PF306 mutable-class-attribute: a list/dict/set class attribute mutated through `self` is shared by all.
#include <span>

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
the class (`cls.items`, `Cart.items`) so the intent is visible. Attributes that are only read, that
methods rebind with `self.items = ...`, that the code reaches through the class, or whose name says
`cache` or `registry`, are not reported.)",
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

// The class attributes one check looks at: the mutable ones the class body assigns. A fixed batch, so
// the common class (none, or a few) costs no allocation.
constexpr std::size_t kBatch = 16;
struct Candidate {
  TSNode assignment{};
  std::string_view name;
  std::string_view kind;
  TSNode mutator{};       // first method mutating it through `self`
  bool assigned = false;  // some method assigns `self.NAME = ...`
  bool registry = false;  // some method stores the instance itself in it (`self.NAME.append(self)`)
};
struct MethodUse {
  Use use = Use::None;
  bool stores_self = false;
};

// `self.NAME` for the receiver name: NAME when some candidate has it, else empty.
std::string_view self_attribute(const Context& ctx, TSNode node, std::string_view self, std::span<const Candidate> cands) {
  const Symbols& s = ctx.sym;
  node = python::unparenthesize(ctx, node);
  if (!is(node, s.attribute)) return {};
  const TSNode object = field(node, s.field.object);
  if (!is(object, s.identifier) || ctx.text(object) != self) return {};
  const std::string_view name = ctx.text(field(node, s.field.attribute));
  for (const Candidate& c : cands) {
    if (c.name == name) return name;
  }
  return {};
}

// Applies `f` to the use of every candidate named `name` (a name may be assigned twice in the body).
template <typename F>
void for_candidates(std::string_view name, std::span<const Candidate> cands, MethodUse* uses, F f) {
  if (name.empty()) return;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    if (cands[i].name == name) f(uses[i]);
  }
}

// Marks Assigned every candidate whose `self.NAME` is an assignment target in `target` (plain,
// annotated, tuple unpacking, augmented, for).
void mark_assigned(const Context& ctx, TSNode target, std::string_view self, std::span<const Candidate> cands,
                   MethodUse* uses) {
  const Symbols& s = ctx.sym;
  target = python::unparenthesize(ctx, target);
  if (const std::string_view name = self_attribute(ctx, target, self, cands); !name.empty()) {
    for_candidates(name, cands, uses, [](MethodUse& u) { u.use = Use::Assigned; });
    return;
  }
  const TSSymbol k = ts_node_symbol(target);
  if (k == s.pattern_list || k == s.tuple_pattern || k == s.list_pattern || k == s.list_splat_pattern ||
      k == s.expression_list || k == s.tuple || k == s.list) {
    for (TSNode t : named_children(target)) mark_assigned(ctx, t, self, cands, uses);
  }
}

void mark_mutated(MethodUse& u) {
  if (u.use == Use::None) u.use = Use::Mutated;
}

// How one method body uses each candidate's `self.NAME`: assigned anywhere wins over mutated. Also
// notes mutations that store the instance itself (`self.NAME.append(self)`, `self.NAME[k] = self`,
// `self.NAME[self] = v`).
void scan_method(const Context& ctx, TSNode fn, std::string_view self, std::span<const Candidate> cands,
                 MethodUse* uses) {
  const Symbols& s = ctx.sym;
  const TSNode body = field(fn, s.field.body);
  walk_subtree(body, [&](TSNode node) {
    const TSSymbol k = ts_node_symbol(node);
    bool descend = true;
    if (k == s.class_definition) {
      descend = false;
    } else if (k == s.function_definition || k == s.lambda) {
      descend = !has_parameter(ctx, node, self);  // a nested receiver of the same name is another object
    } else if (k == s.assignment || k == s.augmented_assignment) {
      const TSNode left = field(node, s.field.left);
      mark_assigned(ctx, left, self, cands, uses);  // incl. `self.NAME += ...`
      const TSNode target = python::unparenthesize(ctx, left);
      if (is(target, s.subscript)) {  // `self.NAME[k] = v`, `self.NAME[k] += v`
        if (const std::string_view name = self_attribute(ctx, field(target, s.field.value), self, cands); !name.empty()) {
          const bool stores_self = k == s.assignment && (python::is_identifier_named(ctx, field(node, s.field.right), self) ||
                                                         python::is_identifier_named(ctx, field(target, s.field.subscript), self));
          for_candidates(name, cands, uses, [&](MethodUse& u) {
            mark_mutated(u);
            u.stores_self = u.stores_self || stores_self;
          });
        }
      }
    } else if (k == s.for_statement || k == s.for_in_clause) {
      mark_assigned(ctx, field(node, s.field.left), self, cands, uses);
    } else if (k == s.delete_statement) {  // `del self.NAME[k]`, also in `del a, self.NAME[k]`
      const TSNode targets = ts_node_named_child(node, 0);
      const bool several = is(targets, s.expression_list);
      for (std::uint32_t j = 0, n = several ? ts_node_named_child_count(targets) : 1; j < n; ++j) {
        const TSNode item = python::unparenthesize(ctx, several ? ts_node_named_child(targets, j) : targets);
        if (!is(item, s.subscript)) continue;
        for_candidates(self_attribute(ctx, field(item, s.field.value), self, cands), cands, uses, mark_mutated);
      }
    } else if (k == s.call) {
      const TSNode callee = field(node, s.field.function);
      if (is(callee, s.attribute) && is_mutator(ctx.text(field(callee, s.field.attribute)))) {
        if (const std::string_view name = self_attribute(ctx, field(callee, s.field.object), self, cands); !name.empty()) {
          bool stores_self = false;
          for (TSNode arg : named_children(field(node, s.field.arguments))) stores_self = stores_self || python::is_identifier_named(ctx, arg, self);
          for_candidates(name, cands, uses, [&](MethodUse& u) {
            mark_mutated(u);
            u.stores_self = u.stores_self || stores_self;
          });
        }
      }
    }
    return descend ? Walk::Descend : Walk::Skip;
  });
}

// The body of the scope that defines `cls`: the enclosing function's, or the module.
TSNode defining_scope(const Context& ctx, TSNode cls) {
  TSNode up = parent_of(cls);
  while (!ts_node_is_null(parent_of(up)) && !is(up, ctx.sym.function_definition)) up = parent_of(up);
  return is(up, ctx.sym.function_definition) ? field(up, ctx.sym.field.body) : up;
}

// Marks every candidate reached through the class itself, a deliberately shared attribute: `cls.NAME` or
// `type(x).NAME` in the class body, `ClassName.NAME` anywhere in the scope that defines the class (a test
// reading `FakeRunner.calls` after using it counts as much as a classmethod).
void mark_class_access(const Context& ctx, TSNode cls, std::span<Candidate> cands) {
  const Symbols& s = ctx.sym;
  const std::string_view class_name = ctx.text(field(cls, s.field.name));
  const TSNode body = field(cls, s.field.body);
  const std::uint32_t body_start = ts_node_start_byte(body), body_end = ts_node_end_byte(body);
  walk_subtree(defining_scope(ctx, cls), [&](TSNode node) {
    if (ts_node_symbol(node) != s.attribute) return Walk::Descend;
    const std::string_view name = ctx.text(field(node, s.field.attribute));
    const bool in_body = body_start <= ts_node_start_byte(node) && ts_node_end_byte(node) <= body_end;
    for (Candidate& c : cands) {
      if (c.name != name) continue;
      const TSNode object = python::unparenthesize(ctx, field(node, s.field.object));
      if (is(object, s.identifier)) {
        const std::string_view o = ctx.text(object);
        if (o == class_name || (in_body && o == "cls")) c.registry = true;
      } else if (in_body && is(object, s.call) && ctx.text(field(object, s.field.function)) == "type") {
        const TSNode args = field(object, s.field.arguments);
        if (is(args, s.argument_list) && ts_node_named_child_count(args) == 1 &&
            is(ts_node_named_child(args, 0), s.identifier)) {
          c.registry = true;
        }
      }
    }
    return Walk::Descend;
  });
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

void report(const Context& ctx, Reporter& out, const Candidate& c) {
  const Symbols& s = ctx.sym;
  out.report(c.assignment, cat("Class attribute `", shorten(c.name), "` is a single ", c.kind,
                               " shared by every instance, and `", shorten(ctx.text(field(c.mutator, s.field.name))),
                               "` mutates it through `self`; create it in `__init__` (or annotate it `ClassVar` if "
                               "sharing is intended)"));
}

// One batch of candidates: one walk of each instance method, then (only when something would be
// reported) one walk of the defining scope for accesses through the class.
void check_batch(TSNode cls, const Context& ctx, Reporter& out, std::span<Candidate> cands) {
  const Symbols& s = ctx.sym;
  MethodUse uses[kBatch];
  for (TSNode m : named_children(field(cls, s.field.body))) {
    const TSNode fn = python::as_function(ctx, m);
    if (ts_node_is_null(fn)) continue;
    const std::string_view self = receiver(ctx, m, fn);
    if (self.empty()) continue;
    // Cheapest test first: `self.NAME` needs NAME somewhere in the method's text.
    const std::string_view text = ctx.text(fn);
    bool mentioned = false;
    for (const Candidate& c : cands) mentioned = mentioned || text.find(c.name) != std::string_view::npos;
    if (!mentioned) continue;
    for (std::size_t i = 0; i < cands.size(); ++i) uses[i] = MethodUse{};
    scan_method(ctx, fn, self, cands, uses);
    for (std::size_t i = 0; i < cands.size(); ++i) {
      Candidate& c = cands[i];
      if (uses[i].use == Use::Assigned) c.assigned = true;
      if (uses[i].use == Use::Mutated && ts_node_is_null(c.mutator)) c.mutator = fn;
      if (uses[i].stores_self) c.registry = true;
    }
  }
  bool any = false;
  for (const Candidate& c : cands) any = any || (!c.assigned && !c.registry && !ts_node_is_null(c.mutator));
  if (!any) return;
  mark_class_access(ctx, cls, cands);
  for (const Candidate& c : cands) {
    if (!c.assigned && !c.registry && !ts_node_is_null(c.mutator)) report(ctx, out, c);
  }
}

// A name that says the attribute is shared on purpose, as `ClassVar` would: a cache or a registry
// (`_registry`, `tokenTypeMapCache`, `_CACHE`), compared without case.
bool names_shared_state(std::string_view name) {
  auto contains = [&](std::string_view word) {
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (iequals_at(name, i, word)) return true;
    }
    return false;
  };
  return contains("cache") || contains("registry");
}

void check(TSNode cls, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode body = field(cls, s.field.body);
  bool checked_decorators = false;
  Candidate batch[kBatch];
  std::size_t n = 0;
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
    if (names_shared_state(name)) continue;
    if (!checked_decorators) {
      if (python::is_dataclass(ctx, cls) || python::is_attrs_class(ctx, cls)) return;
      checked_decorators = true;
    }
    batch[n++] = Candidate{.assignment = a, .name = name, .kind = container.kind};
    if (n == kBatch) {
      check_batch(cls, ctx, out, std::span(batch, n));
      n = 0;
    }
  }
  if (n > 0) check_batch(cls, ctx, out, std::span(batch, n));
}

constexpr SymbolRef kKinds[] = {&Symbols::class_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
