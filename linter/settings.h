// What applies to each file: the nearest configuration merged with the command line, as a ready
// Dispatch (built once per distinct configuration, carrying its per-rule options) plus per-file ignores.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "linter/config.h"
#include "linter/lint.h"
#include "linter/walker.h"

namespace pyflags {

// Command-line settings; they override (select, target-version) or extend (extend-select, ignore)
// what the configuration says.
struct CliOverrides {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select, ignore;
  std::optional<int> target_minor;
};

struct FileSetup {
  std::shared_ptr<const Config> config;
  const Dispatch* dispatch = nullptr;
  int target_minor = 10;
  std::vector<std::string> ignore;  // per-file-ignores that match this file
  LintOptions lint_options() const;
  // Everything besides the file's own bytes and name that changes its diagnostics, as one string; the
  // result cache (linter/cache.*) keys entries by it. Anything added that changes results must be
  // appended here.
  std::string fingerprint() const;
};

class Settings {
 public:
  // `config_file`: use this file for every path (--config); `isolated`: ignore all configuration files.
  Settings(CliOverrides cli, std::optional<std::string> config_file = std::nullopt, bool isolated = false);
  ~Settings();

  // Throws ConfigError (bad configuration) or std::invalid_argument (unknown selector).
  FileSetup for_file(const std::string& path);
  std::shared_ptr<const Config> config_for(const std::string& path);
  // Whether discovery skips `path` (a directory or file under a searched directory).
  bool is_excluded(const std::string& path, bool is_directory);

 private:
  const Dispatch* dispatch_for(const Config& config);

  CliOverrides cli_;
  bool isolated_;
  ConfigCache cache_;
  std::shared_ptr<const Config> defaults_;
  std::mutex mutex_;
  std::map<const Config*, std::unique_ptr<Dispatch>> dispatches_;
  std::vector<std::shared_ptr<const Config>> keep_alive_;
};

}  // namespace pyflags
