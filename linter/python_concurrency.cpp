#include "linter/python_concurrency.h"

#include "linter/python.h"

namespace pyflags::python {

TSNode enclosing_coroutine(const Context& ctx, TSNode node) {
  const Frame* scope = ctx.stack.enclosing_scope();
  if (scope == nullptr || scope->kind != FrameKind::Function || !scope->is_async) return {};
  const TSNode body = field(scope->node, ctx.sym.field.body);
  return contains(body, node) ? scope->node : TSNode{};
}

std::string resolved_import_name(const Context& ctx, TSNode expr) {
  expr = unparenthesize(ctx, expr);
  if (!is_name_chain(ctx, expr)) return {};
  TSNode head = expr;
  while (is(head, ctx.sym.attribute)) head = field(head, ctx.sym.field.object);
  const Binding* b = ctx.scopes.lookup(ctx.current_scope(), ctx.text(head));
  if (b != nullptr && b->kind != BindingKind::Import && b->kind != BindingKind::ImportFrom) return {};
  return qualified_name(ctx, expr);
}

}  // namespace pyflags::python
