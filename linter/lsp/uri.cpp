#include "linter/lsp/uri.h"

#include "linter/text.h"

namespace pyflags::lsp {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `%XX` → byte; a `%` not followed by two hex digits is kept as it is.
std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}


}  // namespace

std::optional<std::string> uri_to_path(std::string_view uri) {
  if (!iequals_at(uri, 0, "file:")) return std::nullopt;
  std::string_view rest = uri.substr(5);
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const std::size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    // `file://host/share/x.py` names another machine; keep it as a UNC-like path rather than drop it.
    const std::string prefix = authority.empty() || iequals_at(authority, 0, "localhost") ? "" : "//" + std::string(authority);
    rest = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
    if (const std::size_t cut = rest.find_first_of("?#"); cut != std::string_view::npos) rest = rest.substr(0, cut);
    return prefix + percent_decode(rest);
  }
  if (const std::size_t cut = rest.find_first_of("?#"); cut != std::string_view::npos) rest = rest.substr(0, cut);
  return percent_decode(rest);  // `file:/x.py`
}

std::string uri_file_name(std::string_view uri) {
  std::string_view rest = uri;
  if (const std::size_t cut = rest.find_first_of("?#"); cut != std::string_view::npos) rest = rest.substr(0, cut);
  const std::size_t slash = rest.find_last_of("/:");
  return percent_decode(slash == std::string_view::npos ? rest : rest.substr(slash + 1));
}

}  // namespace pyflags::lsp
