// The single pass over a tree: dispatch each node to the rules registered for its kind.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "linter/context.h"
#include "linter/rule.h"

namespace pyflags {

// symbol id → rules interested in it, as one flat array (offsets + rules), built once per run.
class Dispatch {
 public:
  // `options`: the per-rule option values of the configuration this dispatch serves.
  Dispatch(const Symbols& sym, std::span<const Rule* const> enabled, RuleOptions options = {});
  std::span<const Rule* const> rules_for(TSSymbol symbol) const {
    if (symbol >= offsets_.size() - 1) return {};  // ERROR (65535) and anything unknown
    return {rules_.data() + offsets_[symbol], rules_.data() + offsets_[symbol + 1]};
  }
  bool needs_scopes() const { return needs_scopes_; }
  const RuleInfo* syntax_error_rule() const { return syntax_error_; }
  const RuleInfo* io_error_rule() const { return io_error_; }
  const RuleInfo* unused_noqa_rule() const { return unused_noqa_; }
  std::span<const Rule* const> enabled() const { return enabled_; }  // as given, for settings fingerprints
  const RuleOptions& options() const { return options_; }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<const Rule*> rules_;
  std::vector<const Rule*> enabled_;
  bool needs_scopes_ = false;
  const RuleInfo* syntax_error_ = nullptr;  // PF001, when enabled
  const RuleInfo* io_error_ = nullptr;      // PF002, when enabled
  const RuleInfo* unused_noqa_ = nullptr;   // PF003, when enabled
  RuleOptions options_;
};

// Per-thread state reused from file to file, so the walk allocates nothing per node.
struct WalkState {
  FrameStack stack;
  ScopeTable scopes;
  FileFacts facts;
  std::vector<std::uint8_t> frame_kind_of;  // symbol → FrameKind, filled on first use
  std::vector<TSNode> comments;             // every comment node of the file, for # noqa
  std::vector<std::uint8_t> opened;         // per depth: did the node open a frame (1) / scope (2)
};

// Walks `tree` once, appending diagnostics to `out`. Reports PF001 (when enabled) for ERROR and
// MISSING nodes and does not descend into ERROR nodes.
void walk(const TSTree* tree, const SourceFile& file, const Dispatch& dispatch, WalkState& state,
          int target_minor, std::vector<Diagnostic>& out);

}  // namespace pyflags
