#include "linter/settings.h"

#include <filesystem>

#include "linter/discovery.h"
#include "linter/hash.h"

namespace pyflags {
namespace fs = std::filesystem;

namespace {

// `path` relative to the configuration's directory, with '/' separators.
std::string relative_to(const Config& config, const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  const fs::path root = fs::absolute(config.root, ec);
  std::string rel = absolute.lexically_relative(root).generic_string();
  return rel.empty() || rel.starts_with("..") ? fs::path(path).generic_string() : rel;
}

}  // namespace

LintOptions FileSetup::lint_options() const { return LintOptions{dispatch, target_minor, true, &ignore}; }

std::string FileSetup::fingerprint() const {
  std::string out = "rules:";
  for (const Rule* rule : dispatch->enabled()) out.append(rule->info.code).push_back(',');
  out += ";target:3." + std::to_string(target_minor) + ";noqa:1;ignore:";
  for (const std::string& selector : ignore) out.append(selector).push_back(',');
  // The configuration file's bytes stand for whatever else it sets, per-rule options included: an
  // edit to it can only cost cache misses, never a stale result.
  out += ";config:" + hex64(config->digest);
  return out;
}

Settings::Settings(CliOverrides cli, std::optional<std::string> config_file, bool isolated)
    : cli_(std::move(cli)), isolated_(isolated), cache_(std::move(config_file)) {
  auto defaults = std::make_shared<Config>();
  defaults->root = ".";
  defaults_ = defaults;
}

Settings::~Settings() = default;

std::shared_ptr<const Config> Settings::config_for(const std::string& path) {
  return isolated_ ? defaults_ : cache_.for_file(path);
}

const Dispatch* Settings::dispatch_for(const Config& config) {
  std::lock_guard lock(mutex_);
  if (const auto it = dispatches_.find(&config); it != dispatches_.end()) return it->second.get();
  // As in ruff: a command-line --select starts afresh (the configuration's select, extend-select and
  // ignore no longer apply); --extend-select and --ignore add to whatever is in force.
  Selection selection;
  if (cli_.select) {
    selection.select = *cli_.select;
  } else {
    selection.select = config.select.value_or(std::vector<std::string>{});
    selection.extend_select = config.extend_select;
    selection.ignore = config.ignore;
  }
  selection.extend_select.insert(selection.extend_select.end(), cli_.extend_select.begin(), cli_.extend_select.end());
  selection.ignore.insert(selection.ignore.end(), cli_.ignore.begin(), cli_.ignore.end());
  std::vector<const Rule*> enabled = resolve(selection);
  auto dispatch = std::make_unique<Dispatch>(Symbols::python(), enabled, config.rule_options);
  const Dispatch* raw = dispatch.get();
  dispatches_.emplace(&config, std::move(dispatch));
  return raw;
}

FileSetup Settings::for_file(const std::string& path) {
  FileSetup setup;
  setup.config = config_for(path);
  {
    std::lock_guard lock(mutex_);
    keep_alive_.push_back(setup.config);  // dispatches_ is keyed by the Config's address
  }
  setup.dispatch = dispatch_for(*setup.config);
  setup.target_minor = cli_.target_minor.value_or(setup.config->target_minor.value_or(10));
  if (!setup.config->per_file_ignores.empty() && path != "-") {
    const std::string rel = relative_to(*setup.config, path);
    for (const PerFileIgnore& entry : setup.config->per_file_ignores) {
      if (glob_matches(entry.pattern, rel)) setup.ignore.insert(setup.ignore.end(), entry.selectors.begin(), entry.selectors.end());
    }
  }
  return setup;
}

bool Settings::is_excluded(const std::string& path, bool is_directory) {
  (void)is_directory;
  const std::shared_ptr<const Config> config = config_for(path);
  const std::string name = fs::path(path).filename().string();
  const std::string rel = relative_to(*config, path);
  auto any = [&](const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns) {
      if (glob_matches(p, rel) || p == name) return true;
    }
    return false;
  };
  const bool default_excluded = config->exclude.empty() ? is_default_excluded(name) : any(config->exclude);
  return default_excluded || any(config->extend_exclude);
}

}  // namespace pyflags
