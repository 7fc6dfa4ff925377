// Per-file facts that several rules (or many nodes of one rule) need: each is computed on first use,
// with one bounded look at the tree, and kept until the walk moves to the next file. They replace
// per-node scans of the module.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "linter/syntax.h"

namespace pyflags {

struct Context;

class FileFacts {
 public:
  // Forgets everything; called by the walker before each file.
  void reset();

  // `from m import *` among the module's statements, looking into `if` / `try` blocks but not into
  // def/class bodies (`os.py` does `from posix import *` under an `if`).
  bool module_has_wildcard_import(const Context& ctx) const;

  // Some direct statement of `block` (the module node or a class body) is `async def NAME`, bare or
  // decorated. The names of each block asked about are collected once (never when the file's text has
  // no `async` at all).
  bool has_async_def_named(const Context& ctx, TSNode block, std::string_view name) const;
  // Some direct statement of `block` is `def NAME` or `async def NAME`, bare or decorated. Shares the
  // per-block collection with has_async_def_named.
  bool has_def_named(const Context& ctx, TSNode block, std::string_view name) const;

  // Whether `word` occurs anywhere in the file's text (a cheap necessary condition, e.g. no
  // `from threading import Thread as T` without "Thread"). One search per word and file.
  bool mentions(const Context& ctx, std::string_view word) const;

 private:
  mutable std::int8_t wildcard_import_ = -1;  // -1: not computed yet
  struct DefName {
    std::string_view name;
    bool is_async;
  };
  // The direct defs of `block`, collected on the first question about it.
  const std::vector<DefName>& defs_of(const Context& ctx, TSNode block) const;
  // block node id → names of its direct `def`s and `async def`s
  mutable std::vector<std::pair<const void*, std::vector<DefName>>> defs_;
  mutable std::vector<std::pair<std::string_view, bool>> mentions_;
};

}  // namespace pyflags
