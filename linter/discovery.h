// From command-line paths to the sorted list of files to lint.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pyflags {

struct DiscoveryOptions {
  std::vector<std::string> exclude;  // extra directory or file names to skip (besides the defaults)
  // Replaces the default excludes when set: whether a path found under a searched directory is skipped.
  std::function<bool(const std::string& path, bool is_directory)> excluded;
};

struct Discovered {
  std::vector<std::string> files;           // sorted, unique
  std::vector<std::string> missing_paths;   // named on the command line but not there
};

// Directories are searched recursively for *.py and *.pyi, skipping the default excludes (.git, .venv,
// __pycache__, node_modules, build, dist, ...); a file named explicitly is always included.
Discovered discover(const std::vector<std::string>& paths, const DiscoveryOptions& options = {});

bool is_default_excluded(const std::string& name);

}  // namespace pyflags
