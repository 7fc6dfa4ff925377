#include "linter/context.h"

#include "linter/text.h"

namespace pyflags {

const Frame* FrameStack::enclosing_scope() const {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) return &*it;
  }
  return nullptr;
}

const Frame* FrameStack::enclosing_function() const {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->kind == FrameKind::Function) return &*it;
  }
  return nullptr;
}

const Frame* FrameStack::enclosing_class() const {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->kind == FrameKind::Class) return &*it;
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda) return nullptr;
  }
  return nullptr;
}

const Frame* FrameStack::loop_body_containing(TSNode node) const {
  const std::uint32_t at = ts_node_start_byte(node);
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) {
      if (!same_node(it->node, node)) return nullptr;
      continue;
    }
    if ((it->kind == FrameKind::For || it->kind == FrameKind::While) && it->body_begin <= at && at < it->body_end) {
      return &*it;
    }
  }
  return nullptr;
}

bool FrameStack::in_async_function() const {
  const Frame* f = nullptr;
  for (auto it = frames_.rbegin(); it != frames_.rend() && f == nullptr; ++it) {
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) f = &*it;
  }
  return f != nullptr && f->kind == FrameKind::Function && f->is_async;
}

const Frame* FrameStack::innermost_in_scope(FrameKind kind) const {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->kind == kind) return &*it;
    if (it->kind == FrameKind::Function || it->kind == FrameKind::Lambda || it->kind == FrameKind::Class) return nullptr;
  }
  return nullptr;
}

void Reporter::report(TSNode node, std::string message, std::optional<Fix> fix) {
  if (ts_node_has_error(node)) return;  // inside a broken region: PF001 speaks for it
  report_range(ts_node_start_byte(node), ts_node_end_byte(node), std::move(message), std::move(fix));
}

void Reporter::report_range(std::uint32_t begin, std::uint32_t end, std::string message, std::optional<Fix> fix) {
  sink_.push_back(Diagnostic{rule_, begin, end, std::move(message), std::move(fix), {}, UINT32_MAX});
}

void Reporter::report_unless_bound(std::uint32_t scope, std::string_view name, TSNode node, std::string message,
                                   std::optional<Fix> fix) {
  if (ts_node_has_error(node)) return;
  report_range(ts_node_start_byte(node), ts_node_end_byte(node), std::move(message), std::move(fix));
  if (name.empty()) return;
  sink_.back().veto_name = name;
  sink_.back().veto_scope = scope;
}

std::string shorten(std::string_view text, std::size_t max_code_points) {
  bool cut = false;
  if (const auto nl = text.find_first_of("\r\n"); nl != std::string_view::npos) {
    text = text.substr(0, nl);
    cut = true;
  }
  std::size_t points = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == max_code_points - 1) {
      // Keep this code point only if it is the last one.
      std::size_t rest = 0;
      for (std::size_t j = i; j < text.size(); ++j) rest += (static_cast<unsigned char>(text[j]) & 0xC0) != 0x80;
      if (rest > 1 || cut) return cat(text.substr(0, i), "…");
      return std::string(text);
    }
    ++points;
  }
  return cut ? cat(text, "…") : std::string(text);
}

}  // namespace pyflags
