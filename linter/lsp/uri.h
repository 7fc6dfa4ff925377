// `file://` URIs → filesystem paths (RFC 8089 as clients send them: percent-encoded, empty or
// `localhost` authority).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pyflags::lsp {

// The path of a `file:` URI, percent-decoded; nullopt for other schemes (`untitled:`...).
std::optional<std::string> uri_to_path(std::string_view uri);

// The last path segment of any URI, decoded ("untitled:Untitled-1" → "Untitled-1").
std::string uri_file_name(std::string_view uri);

}  // namespace pyflags::lsp
