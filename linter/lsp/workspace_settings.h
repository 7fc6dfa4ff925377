// The configuration the server lints with. Re-created whenever a configuration file may have changed
// (didChangeConfiguration, a saved or watched config file); a broken configuration is reported once
// and the built-in defaults apply instead, so the editor keeps getting diagnostics.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "linter/settings.h"

namespace pyflags::lsp {

// A file's setup and the Settings that own its Dispatch (kept alive as long as the setup is used,
// across a reload).
struct ResolvedSetup {
  FileSetup setup;
  std::shared_ptr<Settings> owner;
};

class WorkspaceSettings {
 public:
  using Log = std::function<void(const std::string& message)>;
  WorkspaceSettings();

  // Never throws: a configuration error goes to `log` (once per message until the next reload).
  ResolvedSetup for_file(const std::string& path, const Log& log);
  // Forgets every configuration read so far; the next for_file() reads the files again.
  void reload();

  // pyproject.toml, pyflags.toml or .pyflags.toml: saving one changes the settings.
  static bool is_config_file(std::string_view path);

 private:
  std::shared_ptr<Settings> settings_;
  std::shared_ptr<Settings> defaults_;  // isolated: no configuration files
  std::set<std::string> reported_;
};

}  // namespace pyflags::lsp
