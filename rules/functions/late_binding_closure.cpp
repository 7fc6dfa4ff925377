// PF401 late-binding-closure: a lambda or def created in a loop that reads the loop variable sees only its last value.
#include "linter/python.h"
#include "linter/python_io.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF401",
    .name = "late-binding-closure",
    .severity = Severity::Error,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Closure in a loop captures the loop variable, not its value",
    .rationale = R"(A closure does not copy the variables it uses; it keeps a reference to the enclosing variable and looks
the value up only when it is called. A lambda or nested function created inside a loop (or a
comprehension) and called later therefore sees whatever the loop variable holds at call time, which is
its final value: `[lambda: i for i in range(5)]` gives five functions that all return 4. The seed calls this
the late binding gotcha. Bind the current value when the closure is created, with a default argument
(`lambda i=i: i`) or `functools.partial`. Closures that are used immediately (called on the spot, passed
as a `key=` to `sorted`, passed to `assertRaises` or `raises`, passed to a function of the same module
whose result is then used, returned from the loop) never see a later value and are not reported.)",
    .bad = R"(def make_callbacks():
    return [lambda: i for i in range(5)]
)",
    .good = R"(def make_callbacks():
    return [lambda i=i: i for i in range(5)]
)",
    .seed = "§4 \"Closures\" — \"Not knowing the late binding gotcha (closures capture variables, not values).\"; §4 \"Lambda functions\" — \"funcs = [lambda: i for i in range(5)]\"",
};

// Message: "This {kind} captures the loop variable `{name}`, not its current value, so every call sees the last value; bind it now with a default argument (`{name}={name}`) or `functools.partial`"
struct Loop {
  TSNode node;
  bool comprehension;
  std::uint32_t body_begin, body_end;
};

struct Loops {
  Loop items[8];
  unsigned count = 0;
  TSNode scope_body{};  // body of the enclosing def/lambda/class, or null at module level
};

// The enclosing loops whose body holds `closure`, and comprehensions whose element holds it, up to the
// enclosing def / lambda / class.
Loops enclosing_loops(const Context& ctx, TSNode closure) {
  const Symbols& s = ctx.sym;
  Loops out;
  const std::uint32_t at = ts_node_start_byte(closure);
  const auto frames = ctx.stack.frames();
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (same_node(it->node, closure)) continue;
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) {
      out.scope_body = field(it->node, s.field.body);
      break;
    }
    if (out.count == 8) break;
    if ((it->kind == FrameKind::For || it->kind == FrameKind::While) && it->body_begin <= at && at < it->body_end) {
      out.items[out.count++] = {it->node, false, it->body_begin, it->body_end};
    } else if (it->kind == FrameKind::Comprehension) {
      const TSNode element = field(it->node, s.field.body);
      if (contains(element, closure)) {
        out.items[out.count++] = {it->node, true, ts_node_start_byte(element), ts_node_end_byte(element)};
      }
    }
  }
  return out;
}

bool target_binds(const Context& ctx, TSNode target, std::string_view name) {
  if (is(target, ctx.sym.identifier)) return ctx.text(target) == name;
  for (TSNode c : named_children(target)) {
    if (target_binds(ctx, c, name)) return true;
  }
  return false;
}

// Whether `n` (nested scopes excluded) assigns `name` with `=`, an augmented assignment or a walrus.
bool assigns(const Context& ctx, TSNode n, std::string_view name) {
  const Symbols& s = ctx.sym;
  if (python::is_scope_boundary(ctx, n)) return false;
  if (is(n, s.identifier)) {
    if (ctx.text(n) != name || !python::is_name_binding(ctx, n)) return false;
    for (TSNode up = parent_of(n); !ts_node_is_null(up); up = parent_of(up)) {
      const TSSymbol k = ts_node_symbol(up);
      if (k == s.assignment || k == s.augmented_assignment || k == s.named_expression) return true;
      if (k == s.for_statement || k == s.for_in_clause || k == s.block || k == s.expression_statement) return false;
    }
    return false;
  }
  for (TSNode c : named_children(n)) {
    if (assigns(ctx, c, name)) return true;
  }
  return false;
}

// Whether `name` is a loop variable of one of `loops` (seen from `closure`).
bool is_loop_variable(const Context& ctx, TSNode closure, const Loops& loops, std::string_view name) {
  const Symbols& s = ctx.sym;
  for (unsigned i = 0; i < loops.count; ++i) {
    const Loop& l = loops.items[i];
    if (l.comprehension) {
      for (TSNode c : named_children(l.node)) {
        if (is(c, s.for_in_clause) && target_binds(ctx, field(c, s.field.left), name)) return true;
      }
      continue;
    }
    if (is(l.node, s.for_statement) && target_binds(ctx, field(l.node, s.field.left), name)) return true;
    // Assigned in the loop body before the closure (binding table) ...
    const std::uint32_t outer = ctx.scopes.scope(ctx.current_scope()).parent;
    if (outer != ScopeTable::kNone) {
      for (const std::uint32_t id : ctx.scopes.scope(outer).bindings) {
        const Binding& b = ctx.scopes.binding(id);
        if (b.name == name && l.body_begin <= b.offset && b.offset < l.body_end &&
            (b.kind == BindingKind::Assignment || b.kind == BindingKind::AugmentedAssignment ||
             b.kind == BindingKind::Walrus)) {
          return true;
        }
      }
    }
    // ... or after it (the statements that follow, up to the end of the loop body).
    const TSNode body = field(l.node, s.field.body);
    for (TSNode n = closure; !ts_node_is_null(n) && !same_node(n, body); n = parent_of(n)) {
      for (TSNode sib = ts_node_next_named_sibling(n); !ts_node_is_null(sib); sib = ts_node_next_named_sibling(sib)) {
        if (assigns(ctx, sib, name)) return true;
      }
    }
  }
  return false;
}

// Whether the closure binds `name` itself (a parameter, or an assignment in its own body).
bool binds_locally(const Context& ctx, TSNode closure, std::string_view name) {
  if (python::has_parameter(ctx, closure, name)) return true;
  const Symbols& s = ctx.sym;
  return walk_subtree(field(closure, s.field.body), [&](TSNode n) {
    if (python::is_scope_boundary(ctx, n)) {  // a nested def binds its name here; its inside is another scope
      return is(n, s.function_definition) && ctx.text(field(n, s.field.name)) == name ? Walk::Stop : Walk::Skip;
    }
    if (!is(n, s.identifier)) return Walk::Descend;
    if (ctx.text(n) != name || !python::is_name_binding(ctx, n)) return Walk::Skip;
    const TSNode p = parent_of(n);
    return is(p, s.global_statement) || is(p, s.nonlocal_statement) ? Walk::Skip : Walk::Stop;
  });
}

// A call that consumes its function argument at once (b), or an exception-assertion helper in its
// callable form, which calls the argument before it returns: `self.assertRaises(E, f)` (also
// `assertRaisesRegex`, `assertWarns`, `assertWarnsRegex`), `pytest.raises(E, f)`, a bare `raises(E, f)`.
bool consumes_now(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (is(fn, s.attribute)) {
    const std::string_view method = ctx.text(field(fn, s.field.attribute));
    if (method == "sort" || method == "sub" || method == "subn") return true;
    if (method == "assertRaises" || method == "assertRaisesRegex" || method == "assertWarns" ||
        method == "assertWarnsRegex") {
      return true;
    }
  }
  if (is(fn, s.identifier)) {
    if (ctx.text(fn) == "raises") return true;
    static constexpr std::string_view kEager[] = {"sorted", "min", "max", "sum", "map", "filter", "any", "all"};
    for (std::string_view e : kEager) {
      if (ctx.text(fn) == e && ctx.scopes.is_builtin(ctx.current_scope(), e)) return true;
    }
  }
  const std::string q = python::qualified_name(ctx, fn);
  return q == "reduce" || q == "functools.reduce" || q.starts_with("itertools.") || q == "heapq.nlargest" ||
         q == "heapq.nsmallest" || q == "re.sub" || q == "re.subn" || q == "pytest.raises";
}

// A call to a helper of this module whose result is used: `vars = scanvars(reader, frame)`,
// `a, b = _split_list(items, lambda t: t is cls)`. The callee is a plain name that, seen from the scope
// around the closure, resolves to the module, where a statement of the module body is `def NAME` and no
// earlier module binding of NAME is anything else; the call is not an expression statement of its own
// (`register(lambda: i)` discards the result: the helper was called to keep the callback).
bool module_helper_consumes(const Context& ctx, TSNode call) {
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (!is(fn, s.identifier)) return false;
  TSNode parent = python::parent_skipping_parens(ctx, call);
  if (is(parent, s.await)) parent = python::parent_skipping_parens(ctx, parent);
  if (ts_node_is_null(parent) || is(parent, s.expression_statement)) return false;
  const std::string_view name = ctx.text(fn);
  const std::uint32_t module = ctx.scopes.module();
  const std::uint32_t outer = ctx.scopes.scope(ctx.current_scope()).parent;  // the closure's own scope is current
  if (outer == ScopeTable::kNone) return false;
  const std::uint32_t home = ctx.scopes.resolving_scope(outer, name);
  if (home != module && home != ScopeTable::kNone) return false;  // a local or enclosing name
  if (!ctx.facts.has_def_named(ctx, ctx.scopes.scope(module).node, name)) return false;
  for (const std::uint32_t id : ctx.scopes.scope(module).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.name == name && b.kind != BindingKind::Function) return false;
  }
  return true;
}

// (a), (b), (d) for an expression that evaluates to the closure (a lambda, or a def's name).
enum class Use { Escapes, Called, Consumed, Returned };
Use use_of(const Context& ctx, TSNode expr) {
  const Symbols& s = ctx.sym;
  TSNode child{};
  const TSNode parent = python::parent_skipping_parens(ctx, expr, &child);
  if (is(parent, s.call) && same_node(field(parent, s.field.function), child)) return Use::Called;
  if (is(parent, s.return_statement)) return Use::Returned;
  const TSNode receiver = python::call_receiving_argument(ctx, expr);
  if (!ts_node_is_null(receiver) && (consumes_now(ctx, receiver) || module_helper_consumes(ctx, receiver))) {
    return Use::Consumed;
  }
  return Use::Escapes;
}

// (c)/(d) for a def: every use of its name in the innermost loop body is a call, a `return` or an
// eager argument, and it is not used after that loop.
bool def_stays_in_loop(const Context& ctx, TSNode def, const Loops& loops) {
  const Symbols& s = ctx.sym;
  if (is(parent_of(def), s.decorated_definition)) return false;  // handed to its decorators
  const std::string_view name = ctx.text(field(def, s.field.name));
  const Loop& inner = loops.items[0];
  TSNode region = loops.scope_body;
  if (ts_node_is_null(region)) {
    region = def;
    while (!ts_node_is_null(parent_of(region))) region = parent_of(region);
  }
  return !walk_subtree(region, [&](TSNode n) {
    if (same_node(n, def)) return Walk::Skip;
    if (!is(n, s.identifier)) return Walk::Descend;
    if (ctx.text(n) != name || !python::is_name_read(ctx, n)) return Walk::Skip;
    const std::uint32_t at = ts_node_start_byte(n);
    if (at < inner.body_begin) return Walk::Skip;  // before the loop: an earlier binding
    return at >= inner.body_end || use_of(ctx, n) == Use::Escapes ? Walk::Stop : Walk::Skip;
  });
}

// Called for every lambda and def: returns at once unless it sits in a loop body or comprehension element.
void check(TSNode closure, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const Loops loops = enclosing_loops(ctx, closure);
  if (loops.count == 0) return;
  const bool lambda = is(closure, s.lambda);
  if (lambda && use_of(ctx, closure) != Use::Escapes) return;
  // The first read of each loop variable inside the closure.
  TSNode found[8];
  unsigned nfound = 0;
  const TSNode body = field(closure, s.field.body);
  walk_subtree(body, [&](TSNode n) {
    if (is(n, s.identifier) && nfound < 8 && python::is_name_read(ctx, n)) {
      const std::string_view name = ctx.text(n);
      bool seen = false;
      for (unsigned i = 0; i < nfound; ++i) seen = seen || ctx.text(found[i]) == name;
      if (!seen && is_loop_variable(ctx, closure, loops, name) && !binds_locally(ctx, closure, name)) found[nfound++] = n;
    }
    return same_node(n, body) || !python::is_scope_boundary(ctx, n) ? Walk::Descend : Walk::Skip;
  });
  if (nfound == 0) return;
  if (!lambda && def_stays_in_loop(ctx, closure, loops)) return;
  const std::string kind = lambda ? std::string("lambda") : cat("function ", shorten(ctx.text(field(closure, s.field.name))));
  for (unsigned i = 0; i < nfound; ++i) {
    const std::string name = shorten(ctx.text(found[i]));
    out.report(found[i], cat("This ", kind, " captures the loop variable `", name,
                             "`, not its current value, so every call sees the last value; bind it now with a default "
                             "argument (`", name, "=", name, "`) or `functools.partial`"));
  }
}

constexpr SymbolRef kKinds[] = {&Symbols::lambda, &Symbols::function_definition};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
