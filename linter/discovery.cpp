#include "linter/discovery.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace pyflags {
namespace fs = std::filesystem;

bool is_default_excluded(const std::string& name) {
  static constexpr std::array<std::string_view, 12> kExcluded = {
      ".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules", ".tox", ".nox", ".mypy_cache", "build", "dist"};
  return std::find(kExcluded.begin(), kExcluded.end(), name) != kExcluded.end();
}

namespace {

bool is_python_file(const fs::path& p) { return p.extension() == ".py" || p.extension() == ".pyi"; }

// Paths as the user wrote them, without a leading "./" for files found under ".".
std::string display(const fs::path& p) {
  std::string s = p.lexically_normal().string();
  if (s.starts_with("./")) s.erase(0, 2);
  return s;
}

}  // namespace

Discovered discover(const std::vector<std::string>& paths, const DiscoveryOptions& options) {
  Discovered out;
  auto excluded = [&](const fs::path& p, bool is_directory) {
    const std::string name = p.filename().string();
    if (std::find(options.exclude.begin(), options.exclude.end(), name) != options.exclude.end()) return true;
    return options.excluded ? options.excluded(display(p), is_directory) : is_default_excluded(name);
  };
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::path root(arg);
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      out.missing_paths.push_back(arg);
      continue;
    }
    if (!fs::is_directory(status)) {
      out.files.push_back(display(root));  // named explicitly: always linted
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        if (excluded(p, true)) it.disable_recursion_pending();
        continue;
      }
      if (is_python_file(p) && it->is_regular_file(type_ec) && !excluded(p, false)) out.files.push_back(display(p));
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace pyflags
