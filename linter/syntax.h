// tree-sitter wrapper: symbol ids resolved once, a parser per thread, small node helpers.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <iterator>
#include <string_view>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace pyflags {

// Every named node kind of tree-sitter-python 0.25 that appears in trees (supertypes such as
// `expression` never do). Rules name kinds as `&Symbols::lambda`: a typo fails to compile.
#define PYFLAGS_NODE_KINDS(X)                                                                              \
  X(aliased_import) X(argument_list) X(as_pattern) X(as_pattern_target) X(assert_statement) X(assignment) X(attribute)          \
  X(augmented_assignment) X(await) X(binary_operator) X(block) X(boolean_operator) X(break_statement)      \
  X(call) X(case_clause) X(case_pattern) X(chevron) X(class_definition) X(class_pattern) X(comment)        \
  X(comparison_operator) X(complex_pattern) X(concatenated_string) X(conditional_expression)               \
  X(constrained_type) X(continue_statement) X(decorated_definition) X(decorator) X(default_parameter)      \
  X(delete_statement) X(dict_pattern) X(dictionary) X(dictionary_comprehension) X(dictionary_splat)        \
  X(dictionary_splat_pattern) X(dotted_name) X(elif_clause) X(ellipsis) X(else_clause)                     \
  X(escape_interpolation) X(escape_sequence) X(except_clause) X(exec_statement) X(expression_list)         \
  X(expression_statement) X(false_) X(finally_clause) X(float_) X(for_in_clause) X(for_statement)         \
  X(format_expression) X(format_specifier) X(function_definition) X(future_import_statement)              \
  X(generator_expression) X(generic_type) X(global_statement) X(identifier) X(if_clause) X(if_statement)   \
  X(import_from_statement) X(import_prefix) X(import_statement) X(integer) X(interpolation)                \
  X(keyword_argument) X(keyword_pattern) X(keyword_separator) X(lambda) X(lambda_parameters)              \
  X(line_continuation) X(list) X(list_comprehension) X(list_pattern) X(list_splat) X(list_splat_pattern)   \
  X(match_statement) X(member_type) X(module) X(named_expression) X(none) X(nonlocal_statement)            \
  X(not_operator) X(pair) X(parameters) X(parenthesized_expression) X(parenthesized_list_splat)            \
  X(pass_statement) X(pattern_list) X(positional_separator) X(print_statement) X(raise_statement)          \
  X(relative_import) X(return_statement) X(set) X(set_comprehension) X(slice) X(splat_pattern)            \
  X(splat_type) X(string) X(string_content) X(string_end) X(string_start) X(subscript) X(true_)            \
  X(try_statement) X(tuple) X(tuple_pattern) X(type) X(type_alias_statement) X(type_conversion)           \
  X(type_parameter) X(typed_default_parameter) X(typed_parameter) X(unary_operator) X(union_pattern)       \
  X(union_type) X(while_statement) X(wildcard_import) X(with_clause) X(with_item) X(with_statement) X(yield)

// Anonymous tokens rules compare against: member name, grammar text.
#define PYFLAGS_TOKENS(X)                                                                                  \
  X(op_is, "is") X(op_is_not, "is not") X(op_in, "in") X(op_not_in, "not in") X(op_not, "not")            \
  X(op_eq, "==") X(op_ne, "!=") X(op_lt, "<") X(op_le, "<=") X(op_gt, ">") X(op_ge, ">=")                 \
  X(op_ltgt, "<>") X(op_plus, "+") X(op_minus, "-") X(op_star, "*") X(op_slash, "/") X(op_percent, "%")  \
  X(op_and, "and") X(op_or, "or") X(op_plus_eq, "+=") X(op_assign, "=") X(kw_async, "async")               \
  X(kw_await, "await") X(kw_from, "from") X(kw_except, "except") X(kw_finally, "finally")                 \
  X(kw_else, "else") X(kw_def, "def") X(kw_lambda, "lambda") X(kw_return, "return") X(kw_yield, "yield")  \
  X(star, "*") X(double_star, "**") X(colon, ":") X(comma, ",") X(lparen, "(") X(rparen, ")")

#define PYFLAGS_FIELDS(X)                                                                                  \
  X(alias) X(alternative) X(argument) X(arguments) X(attribute) X(body) X(cause) X(code) X(condition)      \
  X(consequence) X(definition) X(expression) X(format_specifier) X(function) X(guard) X(key) X(left)      \
  X(module_name) X(name) X(object) X(operator_) X(operators) X(parameters) X(return_type) X(right)        \
  X(subject) X(subscript) X(superclasses) X(type) X(type_conversion) X(type_parameters) X(value)

// Symbol ids of one language, resolved by name once per process. Throws if the grammar lacks a name.
struct Symbols {
#define PYFLAGS_DECLARE(k) TSSymbol k = 0;
  PYFLAGS_NODE_KINDS(PYFLAGS_DECLARE)
#undef PYFLAGS_DECLARE
#define PYFLAGS_DECLARE(k, text) TSSymbol k = 0;
  PYFLAGS_TOKENS(PYFLAGS_DECLARE)
#undef PYFLAGS_DECLARE
  struct Fields {
#define PYFLAGS_DECLARE(f) TSFieldId f = 0;
    PYFLAGS_FIELDS(PYFLAGS_DECLARE)
#undef PYFLAGS_DECLARE
  } field;
  std::uint32_t count = 0;  // ts_language_symbol_count: dispatch tables are this long

  explicit Symbols(const TSLanguage* language);
  static const Symbols& python();  // the process-wide instance for tree_sitter_python()
};

// Iterates the children of a node — only the named ones, or all of them (anonymous tokens included).
// A null node has none (ts_node_named_child on a null node would crash). ts_node_child(n, i) walks the
// children from the first, so indexing is quadratic over a long block; past kCursorFrom children the
// range walks them with a tree cursor instead (one small allocation per range, none per child).
template <bool NamedOnly>
class ChildRange {
 public:
  static constexpr std::uint32_t kCursorFrom = 8;

  class iterator {
   public:
    using value_type = TSNode;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const ChildRange* range, std::uint32_t i) : range_(range), i_(i) { load(); }
    TSNode operator*() const { return current_; }
    iterator& operator++() {
      ++i_;
      if (range_->cursor_ != nullptr) {
        next_in_cursor();
      } else {
        load();
      }
      return *this;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }

   private:
    void load() {
      if (range_ == nullptr || i_ >= range_->count_) return;
      if (range_->cursor_ != nullptr) {
        if (i_ == 0) first_in_cursor();
        return;
      }
      current_ = NamedOnly ? ts_node_named_child(range_->node_, i_) : ts_node_child(range_->node_, i_);
    }
    void first_in_cursor() {
      TSTreeCursor* c = range_->cursor_;
      ts_tree_cursor_reset(c, range_->node_);
      ts_tree_cursor_goto_first_child(c);
      settle(c);
    }
    void next_in_cursor() {
      if (i_ >= range_->count_) return;
      TSTreeCursor* c = range_->cursor_;
      ts_tree_cursor_goto_next_sibling(c);
      settle(c);
    }
    void settle(TSTreeCursor* c) {  // on the next child to yield (named ones only when NamedOnly)
      current_ = ts_tree_cursor_current_node(c);
      while (NamedOnly && !ts_node_is_named(current_) && ts_tree_cursor_goto_next_sibling(c)) {
        current_ = ts_tree_cursor_current_node(c);
      }
    }
    const ChildRange* range_ = nullptr;
    std::uint32_t i_ = 0;
    TSNode current_{};
  };

  explicit ChildRange(TSNode n)
      : node_(n), count_(ts_node_is_null(n) ? 0 : NamedOnly ? ts_node_named_child_count(n) : ts_node_child_count(n)) {
    if (count_ > kCursorFrom) {
      cursor_storage_ = ts_tree_cursor_new(n);
      cursor_ = &cursor_storage_;
    }
  }
  ~ChildRange() {
    if (cursor_ != nullptr) ts_tree_cursor_delete(cursor_);
  }
  ChildRange(const ChildRange&) = delete;
  ChildRange& operator=(const ChildRange&) = delete;

  // Iterate once per range: a long range's iterators share its cursor.
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {nullptr, count_}; }
  std::uint32_t size() const { return count_; }

 private:
  TSNode node_;
  std::uint32_t count_;
  TSTreeCursor cursor_storage_{};
  TSTreeCursor* cursor_ = nullptr;
};
using NamedChildren = ChildRange<true>;
using Children = ChildRange<false>;
inline NamedChildren named_children(TSNode n) { return NamedChildren(n); }
inline Children children(TSNode n) { return Children(n); }

inline bool is(TSNode n, TSSymbol kind) { return !ts_node_is_null(n) && ts_node_symbol(n) == kind; }
// `ts_node_child_by_field_id` scans the node's children from the first each time, and ~30 rules ask
// the same few fields (a call's `function`, a def's `body` ...) of the node the walk dispatches: a small
// per-thread direct-mapped memo answers the repeats. Keyed by node id, tree and start byte; cleared
// when a walk starts and when a tree is deleted, so an address reused by a later tree never hits.
struct FieldMemo {
  const void* id;
  const TSTree* tree;
  std::uint32_t start;
  TSFieldId field;
  TSNode result;
};
inline thread_local FieldMemo g_field_memo[1024];
inline thread_local FieldMemo g_parent_memo[1024];
inline void clear_field_memo() {
  for (FieldMemo& e : g_field_memo) e.id = nullptr;
  for (FieldMemo& e : g_parent_memo) e.id = nullptr;
}
inline TSNode field(TSNode n, TSFieldId f) {
  if (ts_node_is_null(n)) return TSNode{};
  const std::size_t h = ((reinterpret_cast<std::uintptr_t>(n.id) >> 3) ^ (std::size_t{f} * 0x9E3779B1u)) & 1023;
  FieldMemo& e = g_field_memo[h];
  if (e.id == n.id && e.tree == n.tree && e.start == n.context[0] && e.field == f) return e.result;
  const TSNode r = ts_node_child_by_field_id(n, f);
  e = FieldMemo{n.id, n.tree, n.context[0], f, r};
  return r;
}
// The same memo idea for `ts_node_parent`, which descends from the root to find a node's parent: rules
// ask for the parents of the dispatched node and its neighbours over and over.
inline TSNode parent_of(TSNode n) {
  if (ts_node_is_null(n)) return TSNode{};
  const std::size_t h = (reinterpret_cast<std::uintptr_t>(n.id) >> 3) & 1023;
  FieldMemo& e = g_parent_memo[h];
  if (e.id == n.id && e.tree == n.tree && e.start == n.context[0]) return e.result;
  const TSNode r = ts_node_parent(n);
  e = FieldMemo{n.id, n.tree, n.context[0], 0, r};
  return r;
}
inline bool same_node(TSNode a, TSNode b) { return a.id == b.id && a.tree == b.tree; }
inline bool contains(TSNode outer, TSNode inner) {
  return !ts_node_is_null(outer) && !ts_node_is_null(inner) && ts_node_start_byte(outer) <= ts_node_start_byte(inner) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

// What a walk visitor wants next: enter the node's children, skip them, or end the walk.
enum class Walk : std::uint8_t { Descend, Skip, Stop };

// Pre-order walk of `root`'s subtree, `root` included: `visit(node)` returns a Walk. Returns true when
// a visitor stopped the walk. The one cursor loop that bounded looks into a subtree share; it
// allocates nothing beyond the cursor.
template <typename Visit>
bool walk_subtree(TSNode root, Visit&& visit) {
  if (ts_node_is_null(root)) return false;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool stopped = false;
  for (bool more = true; more;) {
    const Walk step = visit(ts_tree_cursor_current_node(&cursor));
    if (step == Walk::Stop) {
      stopped = true;
      break;
    }
    if (step == Walk::Descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return stopped;
}

// One tree-sitter parser for Python; not thread-safe, so one per thread.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  // Parses `text`; `old` (may be null) is a previous tree already edited with ts_tree_edit.
  TSTree* parse(std::string_view text, const TSTree* old = nullptr);
 private:
  TSParser* parser_;
};

// Owns a TSTree.
struct TreeDeleter {
  void operator()(TSTree* t) const {
    clear_field_memo();
    ts_tree_delete(t);
  }
};

}  // namespace pyflags
