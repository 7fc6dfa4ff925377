#include "linter/lsp/workspace_settings.h"

#include <stdexcept>

#include "linter/config.h"

namespace pyflags::lsp {

WorkspaceSettings::WorkspaceSettings()
    : settings_(std::make_shared<Settings>(CliOverrides{})),
      defaults_(std::make_shared<Settings>(CliOverrides{}, std::nullopt, /*isolated=*/true)) {}

ResolvedSetup WorkspaceSettings::for_file(const std::string& path, const Log& log) {
  std::string problem;
  try {
    return {settings_->for_file(path), settings_};
  } catch (const ConfigError& e) {
    problem = e.what();
  } catch (const std::invalid_argument& e) {
    problem = std::string(e.what()) + " (see `pyflags rules`)";
  }
  if (reported_.insert(problem).second) log("pyflags: configuration error: " + problem + "; using the default rules");
  return {defaults_->for_file(path), defaults_};
}

void WorkspaceSettings::reload() {
  settings_ = std::make_shared<Settings>(CliOverrides{});
  reported_.clear();
}

bool WorkspaceSettings::is_config_file(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return name == "pyproject.toml" || name == "pyflags.toml" || name == ".pyflags.toml";
}

}  // namespace pyflags::lsp
