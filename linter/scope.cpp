#include "linter/scope.h"

#include "linter/source.h"

namespace pyflags {
namespace {

std::string_view text_of(const SourceFile& file, TSNode n) {
  return file.slice(ts_node_start_byte(n), ts_node_end_byte(n));
}

// `a = b = value`: the value at the end of a chain of assignments.
TSNode final_value(TSNode right, const Symbols& sym) {
  while (is(right, sym.assignment)) right = field(right, sym.field.right);
  return right;
}

}  // namespace

void ScopeTable::reset(TSNode module) {
  if (relevant_.empty()) {
    const Symbols& s = Symbols::python();
    relevant_.assign(s.count, 0);
    for (const TSSymbol k : {s.function_definition, s.lambda, s.class_definition, s.assignment, s.augmented_assignment,
                             s.for_statement, s.for_in_clause, s.as_pattern, s.except_clause, s.named_expression,
                             s.import_statement, s.import_from_statement, s.future_import_statement,
                             s.global_statement, s.nonlocal_statement, s.delete_statement, s.case_pattern}) {
      relevant_[k] = 1;
    }
  }
  scopes_.clear();
  bindings_.clear();
  stack_.clear();
  scopes_.push_back(Scope{module, ScopeKind::Module, kNone, {}});
  stack_.push_back(0);
}

std::uint32_t ScopeTable::open(TSNode node, ScopeKind kind) {
  const auto id = static_cast<std::uint32_t>(scopes_.size());
  scopes_.push_back(Scope{node, kind, current(), {}});
  stack_.push_back(id);
  return id;
}

std::uint32_t ScopeTable::declared_home(std::uint32_t scope, std::string_view name) const {
  for (const std::uint32_t id : scopes_[scope].bindings) {
    const Binding& b = bindings_[id];
    if (b.name != name) continue;
    if (b.kind == BindingKind::Global) return 0;
    if (b.kind == BindingKind::Nonlocal) {
      for (std::uint32_t s = scopes_[scope].parent; s != kNone && s != 0; s = scopes_[s].parent) {
        if (scopes_[s].kind != ScopeKind::Class && binds(s, name)) return s;
      }
      return scope;  // no enclosing binding: a SyntaxError in Python; keep it local
    }
  }
  return scope;
}

void ScopeTable::add(BindingKind kind, TSNode target, TSNode statement, TSNode value, std::string_view name,
                     std::uint32_t scope, std::string_view module, std::string_view member) {
  if (kind == BindingKind::Global || kind == BindingKind::Nonlocal) {
    scopes_[scope].has_declarations = true;
  } else if (scopes_[scope].has_declarations) {
    scope = declared_home(scope, name);  // `global x; x = 1` binds the module's x
  }
  scopes_[scope].bindings.push_back(static_cast<std::uint32_t>(bindings_.size()));
  bindings_.push_back(Binding{name, scope, ts_node_start_byte(statement), kind, target, statement, value, module, member});
}

// Binds every identifier of an assignment target (`x`, `x, y`, `[a, *b]`, `(x)`); attribute and
// subscript targets bind nothing.
void ScopeTable::bind_target(BindingKind kind, TSNode target, TSNode statement, TSNode value, const Symbols& sym,
                             const SourceFile& file, std::uint32_t scope) {
  if (ts_node_is_null(target)) return;
  const TSSymbol k = ts_node_symbol(target);
  if (k == sym.identifier) {
    add(kind, target, statement, value, text_of(file, target), scope);
  } else if (k == sym.pattern_list || k == sym.tuple_pattern || k == sym.list_pattern || k == sym.expression_list ||
             k == sym.tuple || k == sym.list || k == sym.parenthesized_expression || k == sym.list_splat_pattern ||
             k == sym.list_splat || k == sym.as_pattern_target) {
    for (TSNode child : named_children(target)) bind_target(kind, child, statement, TSNode{}, sym, file, scope);
  }
}

void ScopeTable::bind_parameters(TSNode parameters, const Symbols& sym, const SourceFile& file, std::uint32_t scope) {
  for (TSNode p : named_children(parameters)) {
    const TSSymbol k = ts_node_symbol(p);
    TSNode name{};
    if (k == sym.identifier) {
      name = p;
    } else if (k == sym.default_parameter || k == sym.typed_default_parameter) {
      name = field(p, sym.field.name);
    } else if (k == sym.typed_parameter || k == sym.list_splat_pattern || k == sym.dictionary_splat_pattern) {
      for (TSNode c : named_children(p)) {
        if (is(c, sym.identifier)) { name = c; break; }
        if (is(c, sym.list_splat_pattern) || is(c, sym.dictionary_splat_pattern)) {
          name = ts_node_named_child(c, 0);
          break;
        }
      }
    }
    if (is(name, sym.identifier)) add(BindingKind::Parameter, name, p, TSNode{}, text_of(file, name), scope);
  }
}

bool ScopeTable::enter(TSNode node, const Symbols& sym, const SourceFile& file) {
  const TSSymbol k = ts_node_symbol(node);
  if (k >= relevant_.size() || relevant_[k] == 0) return false;
  const std::uint32_t here = current();
  if (k == sym.function_definition) {
    const TSNode name = field(node, sym.field.name);
    if (!ts_node_is_null(name)) add(BindingKind::Function, name, node, TSNode{}, text_of(file, name), here);
    const std::uint32_t id = open(node, ScopeKind::Function);
    bind_parameters(field(node, sym.field.parameters), sym, file, id);
    return true;
  }
  if (k == sym.lambda) {
    const std::uint32_t id = open(node, ScopeKind::Lambda);
    bind_parameters(field(node, sym.field.parameters), sym, file, id);
    return true;
  }
  if (k == sym.class_definition) {
    const TSNode name = field(node, sym.field.name);
    if (!ts_node_is_null(name)) add(BindingKind::Class, name, node, TSNode{}, text_of(file, name), here);
    open(node, ScopeKind::Class);
    return true;
  }
  if (k == sym.assignment) {
    const TSNode right = field(node, sym.field.right);
    const BindingKind kind = ts_node_is_null(right) ? BindingKind::Annotation : BindingKind::Assignment;
    const TSNode left = field(node, sym.field.left);
    // A chained `a = b = v` is an assignment whose right is an assignment: each records its own left.
    bind_target(kind, left, node, is(left, sym.identifier) ? final_value(right, sym) : TSNode{}, sym, file, here);
  } else if (k == sym.augmented_assignment) {
    bind_target(BindingKind::AugmentedAssignment, field(node, sym.field.left), node, TSNode{}, sym, file, here);
  } else if (k == sym.for_statement) {
    bind_target(BindingKind::LoopTarget, field(node, sym.field.left), node, TSNode{}, sym, file, here);
  } else if (k == sym.for_in_clause) {
    bind_target(BindingKind::ComprehensionTarget, field(node, sym.field.left), node, TSNode{}, sym, file, here);
  } else if (k == sym.as_pattern) {
    // `with x as y`, `except E as e` (older shapes) and `case P as y`.
    const TSNode parent = parent_of(node);
    const BindingKind kind = is(parent, sym.with_item)       ? BindingKind::WithTarget
                             : is(parent, sym.except_clause) ? BindingKind::ExceptTarget
                                                             : BindingKind::MatchCapture;
    bind_target(kind, field(node, sym.field.alias), node, TSNode{}, sym, file, here);
  } else if (k == sym.except_clause) {
    const TSNode alias = field(node, sym.field.alias);
    if (is(alias, sym.identifier)) add(BindingKind::ExceptTarget, alias, node, TSNode{}, text_of(file, alias), here);
  } else if (k == sym.named_expression) {
    const TSNode name = field(node, sym.field.name);
    if (is(name, sym.identifier)) {
      add(BindingKind::Walrus, name, node, field(node, sym.field.value), text_of(file, name), here);
    }
  } else if (k == sym.import_statement) {
    for (TSNode item : named_children(node)) {
      if (is(item, sym.dotted_name)) {
        const TSNode first = ts_node_named_child(item, 0);
        if (!ts_node_is_null(first)) add(BindingKind::Import, first, node, TSNode{}, text_of(file, first), here, text_of(file, first));
      } else if (is(item, sym.aliased_import)) {
        const TSNode alias = field(item, sym.field.alias);
        if (!ts_node_is_null(alias)) {
          add(BindingKind::Import, alias, node, TSNode{}, text_of(file, alias), here, text_of(file, field(item, sym.field.name)));
        }
      }
    }
  } else if (k == sym.import_from_statement || k == sym.future_import_statement) {
    const TSNode module_name = field(node, sym.field.module_name);
    const std::string_view module = ts_node_is_null(module_name) ? std::string_view("__future__") : text_of(file, module_name);
    for (TSNode item : named_children(node)) {
      if (same_node(item, module_name)) continue;
      if (is(item, sym.dotted_name)) {
        add(BindingKind::ImportFrom, item, node, TSNode{}, text_of(file, item), here, module, text_of(file, item));
      } else if (is(item, sym.aliased_import)) {
        const TSNode alias = field(item, sym.field.alias);
        if (!ts_node_is_null(alias)) {
          add(BindingKind::ImportFrom, alias, node, TSNode{}, text_of(file, alias), here, module,
              text_of(file, field(item, sym.field.name)));
        }
      }
    }
  } else if (k == sym.global_statement || k == sym.nonlocal_statement) {
    const BindingKind kind = k == sym.global_statement ? BindingKind::Global : BindingKind::Nonlocal;
    for (TSNode name : named_children(node)) {
      if (is(name, sym.identifier)) add(kind, name, node, TSNode{}, text_of(file, name), here);
    }
  } else if (k == sym.delete_statement) {
    for (TSNode target : named_children(node)) bind_target(BindingKind::Delete, target, node, TSNode{}, sym, file, here);
  } else if (k == sym.case_pattern) {
    // `case x:` captures x (a bare name pattern); dotted names are value patterns.
    const TSNode only = ts_node_named_child_count(node) == 1 ? ts_node_named_child(node, 0) : TSNode{};
    if (is(only, sym.dotted_name) && ts_node_named_child_count(only) == 1) {
      const TSNode name = ts_node_named_child(only, 0);
      const std::string_view text = text_of(file, name);
      if (text != "_") add(BindingKind::MatchCapture, name, node, TSNode{}, text, here);
    }
  }
  return false;
}

const Binding* ScopeTable::last_binding_before(std::uint32_t scope, std::string_view name, std::uint32_t offset) const {
  const auto& ids = scopes_[scope].bindings;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    const Binding& b = bindings_[*it];
    if (b.offset < offset && b.name == name) return &b;
  }
  return nullptr;
}

bool ScopeTable::binds(std::uint32_t scope, std::string_view name) const {
  for (const std::uint32_t id : scopes_[scope].bindings) {
    if (bindings_[id].name == name) return true;
  }
  return false;
}

std::uint32_t ScopeTable::resolving_scope(std::uint32_t scope, std::string_view name) const {
  bool first = true;
  for (std::uint32_t s = scope; s != kNone; s = scopes_[s].parent) {
    const Scope& sc = scopes_[s];
    if (!first && sc.kind == ScopeKind::Class) continue;  // class bodies are not enclosing scopes
    first = false;
    const Binding* found = nullptr;
    for (const std::uint32_t id : sc.bindings) {
      if (bindings_[id].name == name) found = &bindings_[id];
    }
    if (found == nullptr) continue;
    if (found->kind == BindingKind::Global) return binds(0, name) ? 0 : kNone;
    if (found->kind == BindingKind::Nonlocal) continue;
    return s;
  }
  return kNone;
}

const Binding* ScopeTable::lookup(std::uint32_t scope, std::string_view name) const {
  const std::uint32_t s = resolving_scope(scope, name);
  if (s == kNone) return nullptr;
  const auto& ids = scopes_[s].bindings;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    const Binding& b = bindings_[*it];
    if (b.name == name && b.kind != BindingKind::Global && b.kind != BindingKind::Nonlocal) return &b;
  }
  return nullptr;
}

std::uint32_t ScopeTable::scope_of(std::uint32_t from, TSNode node) const {
  for (std::uint32_t s = from; s != kNone; s = scopes_[s].parent) {
    if (s == 0 || contains(scopes_[s].node, node)) return s;
  }
  return 0;
}

}  // namespace pyflags
