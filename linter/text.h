// cat(): string concatenation (GCC 12 has no <format>; string + string_view is C++26).
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

namespace pyflags {

namespace detail {
inline void append(std::string& out, std::string_view s) { out.append(s); }
inline void append(std::string& out, char c) { out.push_back(c); }
template <typename T>
  requires std::is_integral_v<T> && (!std::is_same_v<T, char>) && (!std::is_same_v<T, bool>)
void append(std::string& out, T n) {
  out.append(std::to_string(n));
}
}  // namespace detail

template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (detail::append(out, parts), ...);
  return out;
}

// A node's text for a message: the first line only, cut to 40 code points with "…".
std::string shorten(std::string_view text, std::size_t max_code_points = 40);

// Whether `text` holds `lower_word` (written in lower case) at byte `at`, ignoring ASCII case.
inline bool iequals_at(std::string_view text, std::size_t at, std::string_view lower_word) {
  if (at > text.size() || text.size() - at < lower_word.size()) return false;
  for (std::size_t i = 0; i < lower_word.size(); ++i) {
    const char c = text[at + i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower_word[i]) return false;
  }
  return true;
}

}  // namespace pyflags
