// The pyflags command line: `pyflags [check] [PATH...]`, `pyflags rule CODE`, `pyflags rules`,
// `pyflags clean`.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "linter/cache.h"
#include "linter/discovery.h"
#include "linter/lsp/server.h"
#include "linter/output/output.h"
#include "linter/registry.h"
#include "linter/runner.h"
#include "linter/settings.h"

namespace {

using namespace pyflags;

constexpr int kExitClean = 0, kExitDiagnostics = 1, kExitError = 2;

struct CheckArgs {
  std::vector<std::string> paths;
  std::vector<std::string> select, ignore, extend_select, exclude;
  std::string format = "text";
  std::string output_file;
  std::string stdin_filename;
  bool exit_zero = false;
  bool no_cache = false;
  std::string cache_dir;  // --cache-dir; empty: $PYFLAGS_CACHE_DIR, `cache-dir`, <project>/.pyflags_cache
  bool fix = false, unsafe_fixes = false, diff = false, show_fixes = false, fix_only = false, no_fix = false;
  bool statistics = false;
  bool select_given = false, format_given = false, target_given = false, isolated = false;
  std::string config;
  unsigned threads = 0;
  int target_minor = 10;
};

// "PF101,PF102" and repeated flags both work.
std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::size_t start = 0;
    while (start <= v.size()) {
      const std::size_t comma = v.find(',', start);
      const std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
      if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

int run_check(CheckArgs args) {
  CliOverrides cli;
  if (args.select_given) cli.select = split_commas(args.select);
  cli.extend_select = split_commas(args.extend_select);
  cli.ignore = split_commas(args.ignore);
  if (args.target_given) cli.target_minor = args.target_minor;
  std::optional<std::string> config_file;
  if (!args.config.empty()) {
    if (!std::filesystem::is_regular_file(args.config)) {
      std::cerr << "pyflags: error: " << args.config << ": no such configuration file\n";
      return kExitError;
    }
    config_file = args.config;
  }
  Settings settings(cli, config_file, args.isolated);

  std::vector<std::string> paths = args.paths.empty() ? std::vector<std::string>{"."} : args.paths;
  std::vector<std::string> files;
  bool has_stdin = false;
  std::vector<std::string> to_discover;
  for (const std::string& p : paths) {
    if (p == "-") has_stdin = true;
    else to_discover.push_back(p);
  }
  const std::string stdin_name = args.stdin_filename.empty() ? "-" : args.stdin_filename;
  RunOptions options;
  std::unique_ptr<ResultCache> cache;
  try {
    // Settings that the command line leaves open come from the configuration of the first path.
    const std::shared_ptr<const Config> main_config =
        settings.config_for(paths.front() == "-" ? stdin_name : (std::filesystem::path(paths.front()) / "x.py").string());
    if (!args.format_given && main_config->output_format) args.format = *main_config->output_format;
    if (!args.fix && !args.fix_only && !args.diff && main_config->fix.value_or(false) && !args.no_fix) args.fix = true;
    if (!args.unsafe_fixes && main_config->unsafe_fixes.value_or(false)) args.unsafe_fixes = true;
    if (!to_discover.empty()) {
      DiscoveryOptions discovery{split_commas(args.exclude),
                                 [&](const std::string& p, bool is_dir) { return settings.is_excluded(p, is_dir); }};
      const Discovered found = discover(to_discover, discovery);
      if (!found.missing_paths.empty()) {
        for (const auto& m : found.missing_paths) std::cerr << "pyflags: error: " << m << ": no such file or directory\n";
        return kExitError;
      }
      files = found.files;
    }
    if (has_stdin) files.insert(files.begin(), "-");
    // The cache lives with the project: the directory of the configuration that applies to the first
    // path, else the current directory. It is created only when a file on disk is linted.
    if (!args.no_cache && !cache_disabled_by_environment() && files.size() > (has_stdin ? 1u : 0u)) {
      const std::string root = main_config->path.empty() ? "." : main_config->root;
      cache = std::make_unique<ResultCache>(
          resolve_cache_dir(args.cache_dir.empty() ? std::nullopt : std::optional(args.cache_dir), main_config->cache_dir, root));
    }
    if (files.empty()) std::cerr << "pyflags: warning: no Python files found under " << paths.front() << "\n";
    std::vector<FileSetup> setups;
    for (const std::string& f : files) setups.push_back(settings.for_file(f == "-" ? stdin_name : f));
    options.per_file.reserve(setups.size());
    for (const FileSetup& setup : setups) options.per_file.push_back(setup.lint_options());
    if (cache) {
      options.cache = cache.get();
      options.fingerprints.reserve(setups.size());
      for (const FileSetup& setup : setups) options.fingerprints.push_back(setup.fingerprint());
    }
    options.keep_alive = std::move(setups);
  } catch (const ConfigError& e) {
    std::cerr << "pyflags: error: " << e.what() << "\n";
    return kExitError;
  } catch (const std::invalid_argument& e) {
    std::cerr << "pyflags: error: " << e.what() << " (see `pyflags rules`)\n";
    return kExitError;
  }
  const FixMode fix_mode = args.diff ? FixMode::Diff : (args.fix || args.fix_only) ? FixMode::Apply : FixMode::None;
  options.threads = args.threads;
  options.fix = fix_mode;
  options.unsafe_fixes = args.unsafe_fixes;
  const RunResult result = run(files, options, stdin_name);
  for (const std::string& w : result.warnings) std::cerr << "pyflags: warning: " << w << "\n";

  std::size_t fixed = 0;
  for (const FileFixes& f : result.fixes) fixed += f.applied.size();
  if (fix_mode == FixMode::Diff) {
    for (const FileFixes& f : result.fixes) std::cout << f.diff;
    std::cerr << (fixed == 0 ? std::string("No errors would be fixed.")
                             : "Would fix " + std::to_string(fixed) + (fixed == 1 ? " error." : " errors."))
              << "\n";
    return fixed == 0 || args.exit_zero ? kExitClean : kExitDiagnostics;
  }
  // Fixing stdin prints the fixed source; the report then goes to stderr.
  bool stdin_fixed = false;
  for (const FileFixes& f : result.fixes) {
    if (fix_mode == FixMode::Apply && has_stdin && f.filename == stdin_name) {
      std::cout << f.fixed_stdin;
      stdin_fixed = true;
    }
  }
  if (args.show_fixes || args.fix_only) {
    std::ostream& note = stdin_fixed ? std::cerr : std::cout;
    if (fixed > 0) {
      note << "Fixed " << fixed << (fixed == 1 ? " error:" : " errors:") << "\n";
      for (const FileFixes& f : result.fixes) {
        if (f.applied.empty()) continue;
        note << "- " << f.filename << ":\n";
        std::map<std::string_view, std::pair<const RuleInfo*, int>> counts;
        for (const RuleInfo* r : f.applied) counts[r->code] = {r, counts[r->code].second + 1};
        for (const auto& [code, entry] : counts) {
          note << "    " << entry.second << " \u00d7 " << code << " (" << entry.first->name << ")\n";
        }
      }
    } else if (args.fix_only) {
      note << "No errors fixed.\n";
    }
  }
  if (args.fix_only) return kExitClean;

  std::ofstream file_out;
  std::ostream* out = stdin_fixed ? &std::cerr : &std::cout;
  if (!args.output_file.empty()) {
    file_out.open(args.output_file, std::ios::binary);
    if (!file_out) {
      std::cerr << "pyflags: error: " << args.output_file << ": cannot open for writing\n";
      return kExitError;
    }
    out = &file_out;
  }
  const bool color = args.output_file.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  if (args.statistics) {
    output::write_statistics(*out, result.messages, args.format == "json");
  } else if (args.format == "text") {
    output::write_text(*out, result.messages, color, true, fixed);
  } else if (args.format == "concise") {
    output::write_concise(*out, result.messages, color);
    if (!result.messages.empty() || args.output_file.empty()) output::write_summary(*out, result.messages, false);
  } else if (args.format == "json") {
    output::write_json(*out, result.messages);
  } else if (args.format == "sarif") {
    output::write_sarif(*out, result.messages, result.unreadable);
  } else if (args.format == "github") {
    output::write_github(*out, result.messages);
  } else if (args.format == "gitlab") {
    output::write_gitlab(*out, result.messages);
  }
  out->flush();
  if (!*out) {
    std::cerr << "pyflags: error: writing the report failed\n";
    return kExitError;
  }
  if (args.exit_zero) return kExitClean;
  return result.messages.empty() ? kExitClean : kExitDiagnostics;
}

int run_rules(const std::string& format) {
  if (format == "markdown") {
    std::cout << output::rules_markdown();
    return kExitClean;
  }
  if (format == "json") {
    nlohmann::json array = nlohmann::json::array();
    for (const Rule* rule : all_rules()) {
      const RuleInfo& r = rule->info;
      nlohmann::json options = nlohmann::json::array();
      for (const OptionInfo& o : r.options) {
        const nlohmann::json value = o.type == OptionType::Integer
                                         ? nlohmann::json(o.default_integer)
                                         : nlohmann::json(std::vector<std::string>(o.default_strings.begin(), o.default_strings.end()));
        options.push_back({{"name", o.name}, {"type", to_string(o.type)}, {"default", value}, {"description", o.description}});
      }
      array.push_back({{"code", r.code}, {"name", r.name}, {"severity", to_string(r.severity)},
                       {"default", r.default_enabled}, {"fix", fix_kind(r)}, {"summary", r.summary},
                       {"group", group_of(r)}, {"options", options}});
    }
    std::cout << array.dump(2) << '\n';
    return kExitClean;
  }
  for (const Rule* rule : all_rules()) {
    const RuleInfo& r = rule->info;
    std::string name(r.name);
    name.resize(std::max<std::size_t>(name.size(), 34), ' ');
    std::string severity(to_string(r.severity));
    severity.resize(8, ' ');
    std::cout << r.code << "  " << name << "  " << severity << (r.default_enabled ? "  on " : "  off") << "  fix:"
              << fix_kind(r) << "  " << r.summary << '\n';
  }
  return kExitClean;
}

// `pyflags clean`: removes the cache of the project in the current directory (as `check` would resolve
// it) and every .pyflags_cache directory below the current directory, like `ruff clean`.
int run_clean(const std::string& cache_dir) {
  namespace fs = std::filesystem;
  std::optional<std::string> configured;
  std::string root = ".";
  try {
    if (const std::optional<std::string> file = find_config_file(".")) {
      if (const std::optional<Config> config = load_config(*file)) {
        configured = config->cache_dir;
        root = config->root;
      }
    }
  } catch (const ConfigError& e) {
    std::cerr << "pyflags: error: " << e.what() << "\n";
    return kExitError;
  }
  std::vector<fs::path> dirs = {resolve_cache_dir(cache_dir.empty() ? std::nullopt : std::optional(cache_dir), configured, root)};
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(".", fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec) && it->path().filename() == ".pyflags_cache") {
      dirs.push_back(it->path());
      it.disable_recursion_pending();
    }
  }
  int status = kExitClean;
  std::vector<fs::path> done;
  for (const fs::path& dir : dirs) {
    const fs::path absolute = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    if (std::find(done.begin(), done.end(), absolute) != done.end() || !fs::exists(fs::symlink_status(dir, ec))) continue;
    done.push_back(absolute);
    std::string error;
    if (remove_cache_dir(dir, error)) {
      std::cout << "Removing cache at: " << dir.lexically_normal().string() << "\n";
    } else {
      std::cerr << "pyflags: error: " << error << "\n";
      status = kExitError;
    }
  }
  return status;
}

// `pyflags tree FILE`: the tree-sitter syntax tree, for rule authors.
int run_tree(const std::string& path) {
  std::string error;
  const auto text = read_file(path, error);
  if (!text) {
    std::cerr << "pyflags: error: " << path << ": " << error << "\n";
    return kExitError;
  }
  Parser parser;
  std::unique_ptr<TSTree, TreeDeleter> tree(parser.parse(*text));
  char* sexp = ts_node_string(ts_tree_root_node(tree.get()));
  std::cout << sexp << '\n';
  std::free(sexp);
  return kExitClean;
}

bool is_subcommand(const std::string& arg) {
  return arg == "check" || arg == "rule" || arg == "rules" || arg == "tree" || arg == "server" || arg == "clean" || arg == "--help" || arg == "-h" || arg == "--version" ||
         arg == "-V";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> raw(argv + 1, argv + argc);
  if (raw.empty() || !is_subcommand(raw.front())) raw.insert(raw.begin(), "check");  // `pyflags src/`

  CLI::App app{"pyflags: a fast linter for the Python red flags senior engineers look for", "pyflags"};
  app.set_version_flag("-V,--version", std::string("pyflags ") + PYFLAGS_VERSION);
  app.require_subcommand(1);

  CheckArgs check;
  CLI::App* check_cmd = app.add_subcommand("check", "Lint files and directories (the default command)");
  check_cmd->add_option("paths", check.paths, "Files or directories to lint (default: .); - reads stdin");
  check_cmd->add_option("--select", check.select, "Enable only these rules (codes, prefixes, names, ALL)")->delimiter(',')->allow_extra_args(false);
  check_cmd->add_option("--ignore", check.ignore, "Disable these rules")->delimiter(',')->allow_extra_args(false);
  check_cmd->add_option("--extend-select", check.extend_select, "Enable these rules in addition")->delimiter(',')->allow_extra_args(false);
  check_cmd->add_option("--exclude", check.exclude, "Also skip files and directories with these names")->delimiter(',')->allow_extra_args(false);
  check_cmd->add_option("--format,--output-format", check.format, "Output format")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(output::kFormats), std::end(output::kFormats))));
  check_cmd->add_option("-o,--output-file", check.output_file, "Write the report to this file");
  check_cmd->add_option("--stdin-filename", check.stdin_filename, "The name to report for stdin (-)");
  check_cmd->add_flag("-e,--exit-zero", check.exit_zero, "Exit 0 even when there are diagnostics");
  check_cmd->add_flag("-n,--no-cache", check.no_cache, "Do not read or write the cache (also: PYFLAGS_NO_CACHE=1)");
  check_cmd->add_option("--cache-dir", check.cache_dir,
                        "Cache directory (also: PYFLAGS_CACHE_DIR; default: .pyflags_cache in the project root)");
  check_cmd->add_flag("--fix", check.fix, "Apply safe fixes (stdin: print the fixed source)");
  check_cmd->add_flag("--unsafe-fixes", check.unsafe_fixes, "Also apply fixes that may change behaviour");
  check_cmd->add_flag("--diff", check.diff, "Print the diff --fix would apply; change nothing (exit 1 if any)");
  check_cmd->add_flag("--show-fixes", check.show_fixes, "List the fixes that were applied");
  check_cmd->add_flag("--statistics", check.statistics,
                      "Print how many diagnostics each rule produced instead of the diagnostics (json with --format json)");
  check_cmd->add_flag("--fix-only", check.fix_only, "Apply fixes and report nothing else (exit 0)");
  check_cmd->add_flag("--no-fix", check.no_fix, "Do not fix, even if the configuration says `fix = true`");
  check_cmd->add_option("--config", check.config, "Use this configuration file for every path");
  check_cmd->add_flag("--isolated", check.isolated, "Ignore all configuration files");
  check_cmd->add_option("-j,--threads", check.threads, "Worker threads (default: every core)")
      ->check(CLI::Range(1u, 1024u));
  std::string target = "py310";
  check_cmd->add_option("--target-version", target, "Python version to target (py38 ... py314)")
      ->check(CLI::IsMember({"py38", "py39", "py310", "py311", "py312", "py313", "py314"}));

  std::string rule_name;
  CLI::App* rule_cmd = app.add_subcommand("rule", "Print a rule's documentation");
  rule_cmd->add_option("rule", rule_name, "Code or name, e.g. PF101 or mutable-default-argument")->required();

  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule");
  rules_cmd->add_option("--format,--output-format", rules_format, "text, json or markdown (docs/rules.md)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));

  std::string tree_path;
  CLI::App* tree_cmd = app.add_subcommand("tree", "Print a file's syntax tree (for rule authors)");
  tree_cmd->add_option("file", tree_path, "A Python file, or - for stdin")->required();

  CLI::App* server_cmd = app.add_subcommand("server", "Run the language server (LSP over stdio)");

  std::string clean_cache_dir;
  CLI::App* clean_cmd = app.add_subcommand("clean", "Remove the cache here and every .pyflags_cache below");
  clean_cmd->add_option("--cache-dir", clean_cache_dir, "Also remove this cache directory");

  try {
    std::vector<std::string> reversed(raw.rbegin(), raw.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pyflags: error: " << e.what() << "\n";
    return kExitError;
  }

  try {
    if (*check_cmd) {
      check.target_minor = std::stoi(target.substr(3));
      check.select_given = check_cmd->count("--select") > 0;
      check.format_given = check_cmd->count("--format") > 0;
      check.target_given = check_cmd->count("--target-version") > 0;
      return run_check(check);
    }
    if (*rule_cmd) {
      const Rule* rule = find_rule(rule_name);
      if (rule == nullptr) {
        std::cerr << "pyflags: error: no rule `" << rule_name << "` (see `pyflags rules`)\n";
        return kExitError;
      }
      std::cout << output::rule_markdown(rule->info);
      return kExitClean;
    }
    if (*rules_cmd) return run_rules(rules_format);
    if (*tree_cmd) return run_tree(tree_path);
    if (*server_cmd) return lsp::run_server(std::cin, std::cout);
    if (*clean_cmd) return run_clean(clean_cache_dir);
  } catch (const std::exception& e) {
    std::cerr << "pyflags: internal error: " << e.what() << "\n";
    return kExitError;
  }
  return kExitError;
}
