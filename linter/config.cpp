#include "linter/config.h"

#include <fnmatch.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <toml++/toml.h>

#include "linter/hash.h"
#include "linter/output/output.h"
#include "linter/text.h"

namespace pyflags {
namespace fs = std::filesystem;

namespace {

std::string where(const std::string& path, const toml::source_region& at) {
  return cat(path, ":", static_cast<unsigned>(at.begin.line), ": ");
}

std::vector<std::string> string_list(const std::string& path, const toml::node& node, std::string_view key) {
  const toml::array* array = node.as_array();
  if (array == nullptr) throw ConfigError(cat(where(path, node.source()), "`", key, "` must be a list of strings"));
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    const auto value = item.value<std::string>();
    if (!value) throw ConfigError(cat(where(path, item.source()), "`", key, "` must be a list of strings"));
    out.push_back(*value);
  }
  return out;
}

std::vector<std::string> selectors(const std::string& path, const toml::node& node, std::string_view key) {
  std::vector<std::string> out = string_list(path, node, key);
  const toml::array& array = *node.as_array();
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!is_valid_selector(out[i])) {
      throw ConfigError(cat(where(path, array[i].source()), "unknown rule selector `", out[i], "` in `", key, "`"));
    }
  }
  return out;
}

bool boolean(const std::string& path, const toml::node& node, std::string_view key) {
  const auto value = node.value<bool>();
  if (!value) throw ConfigError(cat(where(path, node.source()), "`", key, "` must be true or false"));
  return *value;
}

std::string string(const std::string& path, const toml::node& node, std::string_view key) {
  const auto value = node.value<std::string>();
  if (!value) throw ConfigError(cat(where(path, node.source()), "`", key, "` must be a string"));
  return *value;
}

// [tool.pyflags.rules.<name>] (or [rules.<name>] in pyflags.toml): one table per rule, keyed by name
// or code, holding only the options that rule declares, each with a value of its declared type.
void read_rule_options(const std::string& path, const toml::node& node, RuleOptions& out) {
  const toml::table* rules = node.as_table();
  if (rules == nullptr) throw ConfigError(cat(where(path, node.source()), "`rules` must be a table"));
  std::vector<const Rule*> seen;
  for (const auto& [name, options] : *rules) {
    const Rule* rule = find_rule(name.str());
    if (rule == nullptr) {
      throw ConfigError(cat(where(path, options.source()), "unknown rule `", name.str(), "` in `rules`"));
    }
    if (std::find(seen.begin(), seen.end(), rule) != seen.end()) {
      throw ConfigError(cat(where(path, options.source()), "options for rule `", rule->info.code, "` (",
                            rule->info.name, ") are given twice"));
    }
    seen.push_back(rule);
    const toml::table* table = options.as_table();
    if (table == nullptr) {
      throw ConfigError(cat(where(path, options.source()), "`rules.", name.str(), "` must be a table of options"));
    }
    const std::span<const OptionInfo> declared = rule->info.options;
    for (const auto& [key_node, value] : *table) {
      const std::string_view key = key_node.str();
      const auto option = std::find_if(declared.begin(), declared.end(), [&](const OptionInfo& o) { return o.name == key; });
      if (option == declared.end()) {
        std::string known;
        for (const OptionInfo& o : declared) known += cat(known.empty() ? "" : ", ", "`", o.name, "`");
        throw ConfigError(cat(where(path, value.source()), "rule `", name.str(), "` has no option `", key, "` (",
                              known.empty() ? std::string("it takes no options") : "options: " + known, ")"));
      }
      const std::string what = cat("`rules.", name.str(), ".", key, "`");
      if (option->type == OptionType::Integer) {
        const toml::value<std::int64_t>* integer = value.as_integer();
        if (integer == nullptr || integer->get() < option->minimum) {
          throw ConfigError(cat(where(path, value.source()), what, " must be an integer of at least ", option->minimum));
        }
        if (integer->get() > std::numeric_limits<int>::max()) {
          throw ConfigError(cat(where(path, value.source()), what, " is too large"));
        }
        out.set_integer(*option, static_cast<int>(integer->get()));
      } else {
        const toml::array* array = value.as_array();
        if (array == nullptr) throw ConfigError(cat(where(path, value.source()), what, " must be a list of strings"));
        std::vector<std::string> strings;
        for (const toml::node& item : *array) {
          const auto text = item.value_exact<std::string>();
          if (!text) throw ConfigError(cat(where(path, item.source()), what, " must be a list of strings"));
          strings.push_back(*text);
        }
        out.set_strings(*option, std::move(strings));
      }
    }
  }
}

void read_settings(const std::string& path, const toml::table& table, Config& config) {
  for (const auto& [key_node, node] : table) {
    const std::string key(key_node.str());
    if (key == "select") {
      config.select = selectors(path, node, key);
    } else if (key == "extend-select") {
      config.extend_select = selectors(path, node, key);
    } else if (key == "ignore") {
      config.ignore = selectors(path, node, key);
    } else if (key == "per-file-ignores") {
      const toml::table* entries = node.as_table();
      if (entries == nullptr) throw ConfigError(cat(where(path, node.source()), "`per-file-ignores` must be a table"));
      for (const auto& [pattern, codes] : *entries) {
        config.per_file_ignores.push_back({std::string(pattern.str()), selectors(path, codes, key)});
      }
    } else if (key == "exclude") {
      config.exclude = string_list(path, node, key);
    } else if (key == "extend-exclude") {
      config.extend_exclude = string_list(path, node, key);
    } else if (key == "respect-gitignore") {
      config.respect_gitignore = boolean(path, node, key);
    } else if (key == "fix") {
      config.fix = boolean(path, node, key);
    } else if (key == "unsafe-fixes") {
      config.unsafe_fixes = boolean(path, node, key);
    } else if (key == "output-format") {
      const std::string format = string(path, node, key);
      if (std::find(std::begin(output::kFormats), std::end(output::kFormats), format) == std::end(output::kFormats)) {
        throw ConfigError(cat(where(path, node.source()), "unknown output-format `", format, "`"));
      }
      config.output_format = format;
    } else if (key == "cache-dir") {
      config.cache_dir = string(path, node, key);
    } else if (key == "target-version") {
      const std::string version = string(path, node, key);
      int minor = -1;
      if (version.size() >= 4 && version.starts_with("py3")) {
        try {
          minor = std::stoi(version.substr(3));
        } catch (const std::exception&) {
        }
      }
      if (minor < 7 || minor > 14) {
        throw ConfigError(cat(where(path, node.source()), "`target-version` must be py37 ... py314, not `", version, "`"));
      }
      config.target_minor = minor;
    } else if (key == "rules") {
      read_rule_options(path, node, config.rule_options);
    } else {
      throw ConfigError(cat(where(path, node.source()), "unknown key `", key, "`"));
    }
  }
}

}  // namespace

std::optional<Config> load_config(const std::string& path) {
  std::string error;
  const std::optional<std::string> bytes = read_file(path, error);
  if (!bytes) throw ConfigError(cat(path, ": ", error));
  toml::table document;
  try {
    document = toml::parse(*bytes, path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(cat(path, ":", static_cast<unsigned>(e.source().begin.line), ": ", e.description()));
  }
  Config config;
  config.path = path;
  config.digest = hash64(*bytes, 1);
  const fs::path parent = fs::path(path).parent_path();
  config.root = parent.empty() ? "." : parent.string();
  const bool is_pyproject = fs::path(path).filename() == "pyproject.toml";
  if (is_pyproject) {
    const toml::node_view section = document["tool"]["pyflags"];
    if (!section) return std::nullopt;
    const toml::table* table = section.as_table();
    if (table == nullptr) throw ConfigError(cat(where(path, section.node()->source()), "[tool.pyflags] must be a table"));
    read_settings(path, *table, config);
  } else {
    read_settings(path, document, config);
  }
  return config;
}

std::optional<std::string> find_config_file(const std::string& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory, ec).lexically_normal();
  if (dir.has_relative_path() && !dir.has_filename()) dir = dir.parent_path();  // "a/b/" → "a/b"
  for (; !dir.empty(); dir = dir.parent_path()) {
    for (const char* name : {".pyflags.toml", "pyflags.toml"}) {
      if (fs::is_regular_file(dir / name, ec)) return (dir / name).string();
    }
    const fs::path pyproject = dir / "pyproject.toml";
    if (fs::is_regular_file(pyproject, ec)) {
      // Only a pyproject.toml that configures pyflags counts (it is cheap to check the text first).
      try {
        if (load_config(pyproject.string())) return pyproject.string();
      } catch (const ConfigError&) {
        return pyproject.string();  // let the caller report the error
      }
    }
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

bool glob_matches(const std::string& pattern, const std::string& relative_path) {
  std::string p = pattern;
  for (std::size_t at; (at = p.find("**/")) != std::string::npos;) p.erase(at, 3).insert(at, "*");  // `**/` = any dirs
  if (::fnmatch(p.c_str(), relative_path.c_str(), 0) == 0) return true;
  if (pattern.find('/') == std::string::npos) {
    const std::string name = fs::path(relative_path).filename().string();
    return ::fnmatch(p.c_str(), name.c_str(), 0) == 0;
  }
  return false;
}

std::shared_ptr<const Config> ConfigCache::for_directory(const std::string& absolute_dir) {
  {
    std::lock_guard lock(mutex_);
    if (const auto it = by_dir_.find(absolute_dir); it != by_dir_.end()) return it->second;
  }
  std::shared_ptr<const Config> config;
  const std::optional<std::string> file = forced_ ? forced_ : find_config_file(absolute_dir);
  if (file) {
    std::lock_guard lock(mutex_);
    if (const auto it = by_file_.find(*file); it != by_file_.end()) config = it->second;
  }
  if (!config) {
    std::optional<Config> loaded = file ? load_config(*file) : std::nullopt;
    if (!loaded) {
      loaded = Config{};
      loaded->root = ".";
    }
    config = std::make_shared<const Config>(std::move(*loaded));
  }
  std::lock_guard lock(mutex_);
  if (file) by_file_.emplace(*file, config);
  by_dir_.emplace(absolute_dir, config);
  return config;
}

std::shared_ptr<const Config> ConfigCache::for_file(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path == "-" ? fs::path("stdin.py") : fs::path(path), ec);
  return for_directory(absolute.parent_path().string());
}

}  // namespace pyflags
