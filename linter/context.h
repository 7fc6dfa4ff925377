// What a check sees besides its node: the file, symbols, enclosing constructs, bindings, settings;
// and the Reporter it emits diagnostics through.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/facts.h"
#include "linter/rule.h"
#include "linter/scope.h"
#include "linter/source.h"
#include "linter/syntax.h"

namespace pyflags {

enum class FrameKind : std::uint8_t {
  None, Function, Lambda, Class, For, While, Try, ExceptClause, Finally, With, Comprehension
};

struct Frame {
  TSNode node;
  FrameKind kind;
  std::uint32_t body_begin, body_end;  // loops: the body block (not the header, not `else:`)
  bool is_async;                        // `async def`, `async for`, `async with`
};

// The stack of enclosing function / class / loop / try / except / with / comprehension constructs of
// the node being visited. The node itself is on the stack when it is one of those.
class FrameStack {
 public:
  void reset() { frames_.clear(); }
  void push(const Frame& f) { frames_.push_back(f); }
  void pop() { frames_.pop_back(); }
  bool top_is(TSNode n) const { return !frames_.empty() && same_node(frames_.back().node, n); }

  std::span<const Frame> frames() const { return frames_; }
  // The innermost def/lambda/class frame, or nullptr at module level.
  const Frame* enclosing_scope() const;
  // The innermost `def` (not lambda), or nullptr.
  const Frame* enclosing_function() const;
  const Frame* enclosing_class() const;  // only when no def lies between
  // The innermost for/while whose body holds `node`, within the current def/lambda/class (or module).
  const Frame* loop_body_containing(TSNode node) const;
  bool in_async_function() const;  // innermost def is `async def` (lambdas are never async)
  // Innermost frame of `kind` inside the current scope (stops at def/lambda/class), or nullptr.
  const Frame* innermost_in_scope(FrameKind kind) const;

 private:
  std::vector<Frame> frames_;
};

class Reporter;

struct Context {
  const SourceFile& file;
  const Symbols& sym;
  const FrameStack& stack;
  const ScopeTable& scopes;  // filled as the walk goes; complete for everything before the node
  int target_minor = 10;     // target-version: 3.<minor>
  const FileFacts& facts;    // per-file facts, each computed on first use (linter/facts.h)
  const RuleOptions& options;  // the configuration's per-rule option values (defaults when unset)

  std::string_view text(TSNode n) const {
    return ts_node_is_null(n) ? std::string_view{} : file.slice(ts_node_start_byte(n), ts_node_end_byte(n));
  }
  // The scope that holds the node being visited.
  std::uint32_t current_scope() const { return scopes.current(); }
};

class Reporter {
 public:
  explicit Reporter(std::vector<Diagnostic>& sink) : sink_(sink) {}
  void set_rule(const RuleInfo* rule) { rule_ = rule; }
  const RuleInfo* rule() const { return rule_; }

  // Reports `node`'s range. Dropped when the node holds a syntax error (PF001 covers it).
  void report(TSNode node, std::string message, std::optional<Fix> fix = std::nullopt);
  void report_range(std::uint32_t begin, std::uint32_t end, std::string message, std::optional<Fix> fix = std::nullopt);
  // As report(), but dropped at the end of the file if `scope` binds `name` anywhere (a shadowed
  // builtin); an empty `name` vetoes nothing, so a rule that checks a builtin or an imported function
  // reports both through this one call.
  void report_unless_bound(std::uint32_t scope, std::string_view name, TSNode node, std::string message,
                           std::optional<Fix> fix = std::nullopt);

 private:
  std::vector<Diagnostic>& sink_;
  const RuleInfo* rule_ = nullptr;
};

}  // namespace pyflags
