// Settings from configuration files ([tool.pyflags] in pyproject.toml, or pyflags.toml /
// .pyflags.toml) merged with the command line. The nearest configuration file above each linted file
// applies, as in ruff.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "linter/registry.h"

namespace pyflags {

// A configuration error names the file and line: `pyproject.toml:12: unknown key "slect"`.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PerFileIgnore {
  std::string pattern;                 // glob, relative to the configuration file's directory
  std::vector<std::string> selectors;  // codes, prefixes, names
};

struct Config {
  std::string path;  // the file it came from; empty for the built-in defaults
  std::string root;  // that file's directory ("." for the defaults)
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select, ignore;
  std::vector<PerFileIgnore> per_file_ignores;
  std::vector<std::string> exclude, extend_exclude;
  std::optional<bool> respect_gitignore, fix, unsafe_fixes;
  std::optional<std::string> output_format, cache_dir;
  std::optional<int> target_minor;  // target-version "py311" → 11
  RuleOptions rule_options;         // [tool.pyflags.rules.<name>], checked against each rule's OptionInfo
  std::uint64_t digest = 0;         // hash of the file's bytes (0: built-in defaults), for the result cache
};

// Parses one configuration file. Returns nullopt for a pyproject.toml without [tool.pyflags].
// Throws ConfigError on a syntax error, an unknown key, a wrong type or an unknown rule selector,
// and on a rule option the rule does not declare or whose value has the wrong type or range.
std::optional<Config> load_config(const std::string& path);

// The configuration file that applies to `directory` (searching upwards), or nullopt.
std::optional<std::string> find_config_file(const std::string& directory);

// Whether a glob (`*`, `?`, `[...]`, `**`) matches a path relative to the configuration root, or the
// path's file name when the pattern has no '/'.
bool glob_matches(const std::string& pattern, const std::string& relative_path);

// Caches configurations by directory, for a run over many files (thread-safe).
class ConfigCache {
 public:
  explicit ConfigCache(std::optional<std::string> forced = std::nullopt) : forced_(std::move(forced)) {}
  // The configuration for a file (its directory's nearest config, or the defaults). Throws ConfigError.
  std::shared_ptr<const Config> for_file(const std::string& path);

 private:
  std::shared_ptr<const Config> for_directory(const std::string& absolute_dir);
  std::optional<std::string> forced_;  // --config FILE: used for every file
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Config>> by_dir_, by_file_;
};

}  // namespace pyflags
