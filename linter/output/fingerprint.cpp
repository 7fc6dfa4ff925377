// Stable identities for diagnostics, shared by the formats that track issues across runs (SARIF's
// partialFingerprints, GitLab Code Quality's fingerprint).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "linter/output/output.h"

namespace pyflags::output {
namespace {

// FNV-1a, 64 bits: stable across runs and platforms, no dependency.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Hash of rule, path and the source line with all whitespace removed: unaffected by edits elsewhere in
// the file, by re-indentation, or by the line moving.
std::uint64_t line_hash(const Message& m) {
  std::string normalized;
  for (const char c : m.source_line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') normalized.push_back(c);
  }
  std::uint64_t h = fnv1a(m.rule->code);
  h = fnv1a("\x1f", h);
  h = fnv1a(m.filename, h);
  h = fnv1a("\x1f", h);
  return fnv1a(normalized, h);
}

std::string hex(std::uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kHex[v & 15];
  return out;
}

}  // namespace

std::vector<std::string> line_fingerprints(const std::vector<Message>& messages) {
  std::vector<std::string> out;
  out.reserve(messages.size());
  std::map<std::pair<std::string, std::uint64_t>, int> occurrences;  // (file, hash) → count so far
  for (const Message& m : messages) {
    const std::uint64_t hash = line_hash(m);
    const int occurrence = ++occurrences[{m.filename, hash}];
    out.push_back(hex(hash) + ":" + std::to_string(occurrence));
  }
  return out;
}

}  // namespace pyflags::output
