// PF709 unlocked-global-update: `global counter; counter += 1` outside any lock in a threaded module.
#include "linter/python.h"
#include "linter/python_style.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF709",
    .name = "unlocked-global-update",
    .severity = Severity::Warning,
    .default_enabled = false,
    .fix = FixAvailability::None,
    .summary = "Unguarded read-modify-write of a global in a threaded module",
    .rationale = R"(The GIL guarantees that one bytecode instruction runs at a time, not that a Python
statement does. `counter += 1` on a global is several instructions (load the global, add, store it
back), and the interpreter may switch threads between the load and the store: two threads read the same
old value and one increment is lost. So the GIL does not make such updates atomic and does not remove
race conditions from application code; in a module that uses threads, guard shared read-modify-write
updates with a `threading.Lock` (`with lock:`). Plain rebinding (`x = value`) is a single store and is
not reported, nor are updates already inside a `with` block.)",
    .bad = R"(import threading

counter = 0


def worker():
    global counter
    for _ in range(1_000_000):
        counter += 1
)",
    .good = R"(import threading

counter = 0
counter_lock = threading.Lock()


def worker():
    global counter
    for _ in range(1_000_000):
        with counter_lock:
            counter += 1
)",
    .seed = "§8 \"The GIL\" — \"Thinking the GIL prevents all race conditions.\"; \"counter += 1  # NOT atomic! Read-modify-write can be interrupted between bytecodes\"",
};

// Message: "`{name} {op}` on a shared global is a read-modify-write that threads can interleave (the GIL does not make it atomic); guard it with a lock"
// Called for every augmented assignment.
void check(TSNode stmt, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;
  const Symbols& s = ctx.sym;
  const TSNode target = field(stmt, s.field.left);
  if (!is(target, s.identifier)) return;  // attributes and subscripts are not this rule's business
  const Frame* scope = ctx.stack.enclosing_scope();
  if (scope == nullptr || scope->kind != FrameKind::Function) return;
  if (ctx.stack.innermost_in_scope(FrameKind::With) != nullptr) return;  // assumed to hold a lock
  const std::string_view name = ctx.text(target);
  bool declared_global = false;
  for (std::uint32_t id : ctx.scopes.scope(ctx.current_scope()).bindings) {
    const Binding& b = ctx.scopes.binding(id);
    if (b.kind == BindingKind::Global && b.name == name) {
      declared_global = true;
      break;
    }
  }
  if (!declared_global) return;
  if (!python::module_imports(ctx, "threading") && !python::module_imports(ctx, "concurrent.futures")) return;
  out.report(stmt, cat("`", shorten(name), " ", ctx.text(field(stmt, s.field.operator_)),
                       "` on a shared global is a read-modify-write that threads can interleave (the GIL does not "
                       "make it atomic); guard it with a lock"));
}

constexpr SymbolRef kKinds[] = {&Symbols::augmented_assignment};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
