// Per-rule options: declared in RuleInfo, read from [tool.pyflags.rules.<name>] (pyproject.toml) or
// [rules.<name>] (pyflags.toml), validated with file:line errors, resolved per file through Settings
// (and so the language server), and read by the four rules that take them.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "linter/config.h"
#include "linter/lint.h"
#include "linter/lsp/workspace_settings.h"
#include "linter/registry.h"
#include "linter/settings.h"
#include "temp_dir.h"

using namespace pyflags;
namespace fs = std::filesystem;

namespace {

using pyflags::testing::TempDir;

const OptionInfo& option_of(std::string_view rule, std::string_view name) {
  const Rule* r = find_rule(rule);
  REQUIRE(r != nullptr);
  for (const OptionInfo& o : r->info.options) {
    if (o.name == name) return o;
  }
  FAIL("no option " << name << " on " << rule);
  static const OptionInfo none{};
  return none;
}

// The error load_config throws for `text` in a pyproject.toml, or "" when it loads.
std::string pyproject_error(const std::string& text) {
  TempDir dir;
  const std::string file = dir.write("pyproject.toml", text);
  try {
    load_config(file);
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    // Every message starts with the file and line; strip the directory for readable comparisons.
    CHECK(message.starts_with(file + ":"));
    return message.substr(file.size() - std::string("pyproject.toml").size());
  }
  return "";
}

std::vector<std::string> lint_with(const RuleOptions& options, std::string_view code, std::string_view text) {
  const Rule* rule = find_rule(code);
  REQUIRE(rule != nullptr);
  const Rule* enabled[] = {rule};
  const Dispatch dispatch(Symbols::python(), enabled, options);
  Linter linter;
  std::vector<std::string> out;
  for (const Diagnostic& d : lint(SourceFile("t.py", std::string(text)), linter, LintOptions{&dispatch, 12, true})) {
    out.push_back(d.message);
  }
  return out;
}

constexpr std::string_view kDepth3 = "x = [c for p in cube for r in p for c in r]\n";
constexpr std::string_view kTwoAwaits = "async def main():\n    a = await f(1)\n    b = await f(2)\n    return a, b\n";
constexpr std::string_view kInvented = "class C:\n    def __foo__(self):\n        pass\n";
constexpr std::string_view kSetUp = "class T:\n    def setUp(self):\n        pass\n\n    def doIt(self):\n        pass\n";

}  // namespace

TEST_CASE("the four catalog options are declared with their defaults") {
  const OptionInfo& max_depth = option_of("PF205", "max-depth");
  CHECK(max_depth.type == OptionType::Integer);
  CHECK(max_depth.default_integer == 2);
  CHECK(default_text(max_depth) == "2");
  const OptionInfo& allowed = option_of("invented-dunder-name", "allowed-names");
  CHECK(allowed.type == OptionType::StringList);
  CHECK(default_text(allowed) == "[]");
  CHECK(option_of("PF706", "min-run").default_integer == 3);
  const OptionInfo& ignore = option_of("PF903", "ignore-names");
  CHECK(ignore.type == OptionType::StringList);
  CHECK(ignore.default_strings.size() == 9);
  CHECK(default_text(ignore).starts_with("[\"setUp\", \"tearDown\","));
  std::size_t with_options = 0;
  for (const Rule* rule : all_rules()) {
    if (!rule->info.options.empty()) ++with_options;
    for (const OptionInfo& o : rule->info.options) CHECK(!o.description.empty());
  }
  CHECK(with_options == 4);
}

TEST_CASE("RuleOptions: defaults when unset, configured values when set, lists sorted and searched") {
  const OptionInfo& max_depth = option_of("PF205", "max-depth");
  const OptionInfo& ignore = option_of("PF903", "ignore-names");
  RuleOptions options;
  CHECK(options.empty());
  CHECK(options.integer(max_depth) == 2);
  CHECK(options.contains(ignore, "setUp"));
  CHECK_FALSE(options.contains(ignore, "doIt"));
  options.set_integer(max_depth, 5);
  options.set_strings(ignore, {"zeta", "doIt", "alpha", "doIt"});
  CHECK(options.integer(max_depth) == 5);
  CHECK(options.contains(ignore, "doIt"));
  CHECK(options.contains(ignore, "alpha"));
  CHECK(options.contains(ignore, "zeta"));
  CHECK_FALSE(options.contains(ignore, "setUp"));  // a configured list replaces the default
  CHECK_FALSE(options.contains(ignore, "do"));
  options.set_integer(max_depth, 4);  // set again: one value, the last
  CHECK(options.integer(max_depth) == 4);
}

TEST_CASE("options load from pyproject.toml and pyflags.toml, keyed by rule name or code") {
  TempDir dir;
  const auto pyproject = load_config(dir.write("a/pyproject.toml",
                                               "[tool.pyflags]\nselect = [\"PF2\"]\n\n"
                                               "[tool.pyflags.rules.nested-comprehension]\nmax-depth = 3\n\n"
                                               "[tool.pyflags.rules.PF903]\nignore-names = [\"doIt\"]\n"));
  REQUIRE(pyproject);
  CHECK(pyproject->rule_options.integer(option_of("PF205", "max-depth")) == 3);
  CHECK(pyproject->rule_options.contains(option_of("PF903", "ignore-names"), "doIt"));
  CHECK_FALSE(pyproject->rule_options.contains(option_of("PF903", "ignore-names"), "setUp"));
  CHECK(pyproject->rule_options.integer(option_of("PF706", "min-run")) == 3);  // untouched: default

  const auto plain = load_config(dir.write("b/pyflags.toml",
                                           "[rules.sequential-awaits]\nmin-run = 2\n\n"
                                           "[rules.PF309]\nallowed-names = [\"__foo__\", \"__bar__\"]\n"));
  REQUIRE(plain);
  CHECK(plain->rule_options.integer(option_of("PF706", "min-run")) == 2);
  CHECK(plain->rule_options.contains(option_of("PF309", "allowed-names"), "__foo__"));
  CHECK(plain->rule_options.contains(option_of("PF309", "allowed-names"), "__bar__"));

  const auto inline_table = load_config(dir.write("c/.pyflags.toml", "rules = { PF205 = { max-depth = 4 } }\n"));
  REQUIRE(inline_table);
  CHECK(inline_table->rule_options.integer(option_of("PF205", "max-depth")) == 4);

  const auto empty_table = load_config(dir.write("d/pyflags.toml", "[rules.PF101]\n"));
  REQUIRE(empty_table);
  CHECK(empty_table->rule_options.empty());
}

TEST_CASE("bad rule options are errors naming the file and line") {
  const std::string head = "[tool.pyflags]\nselect = [\"ALL\"]\n\n";
  CHECK(pyproject_error(head + "[tool.pyflags.rules.nested-comprehension]\nmax-depht = 3\n") ==
        "pyproject.toml:5: rule `nested-comprehension` has no option `max-depht` (options: `max-depth`)");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF101]\nmax-depth = 3\n") ==
        "pyproject.toml:5: rule `PF101` has no option `max-depth` (it takes no options)");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.no-such-rule]\nx = 1\n") ==
        "pyproject.toml:4: unknown rule `no-such-rule` in `rules`");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = \"3\"\n") ==
        "pyproject.toml:5: `rules.PF205.max-depth` must be an integer of at least 1");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = 0\n") ==
        "pyproject.toml:5: `rules.PF205.max-depth` must be an integer of at least 1");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = -2\n") ==
        "pyproject.toml:5: `rules.PF205.max-depth` must be an integer of at least 1");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = 2.5\n") ==
        "pyproject.toml:5: `rules.PF205.max-depth` must be an integer of at least 1");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = true\n") ==
        "pyproject.toml:5: `rules.PF205.max-depth` must be an integer of at least 1");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = 99999999999\n") ==
        "pyproject.toml:5: `rules.PF205.max-depth` is too large");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.sequential-awaits]\nmin-run = 0\n") ==
        "pyproject.toml:5: `rules.sequential-awaits.min-run` must be an integer of at least 1");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF309]\nallowed-names = \"__foo__\"\n") ==
        "pyproject.toml:5: `rules.PF309.allowed-names` must be a list of strings");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF309]\nallowed-names = [\n  \"__foo__\",\n  3,\n]\n") ==
        "pyproject.toml:7: `rules.PF309.allowed-names` must be a list of strings");
  CHECK(pyproject_error(head + "[tool.pyflags.rules]\nPF205 = 3\n") ==
        "pyproject.toml:5: `rules.PF205` must be a table of options");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = 3\n[tool.pyflags.rules.nested-comprehension]\n"
                               "max-depth = 4\n") ==
        "pyproject.toml:6: options for rule `PF205` (nested-comprehension) are given twice");
  CHECK(pyproject_error(head + "[tool.pyflags.rules.PF205]\nmax-depth = 3\n").empty());
}

TEST_CASE("each option changes what its rule reports") {
  RuleOptions defaults;
  // PF205 max-depth: depth 3 fires by default (the message names the limit) and not at max-depth 3.
  CHECK(lint_with(defaults, "PF205", kDepth3) ==
        std::vector<std::string>{"Comprehension nested 3 levels deep; beyond 2 it stops being readable: use a loop, a "
                                 "helper function or `itertools.chain.from_iterable`"});
  RuleOptions deeper;
  deeper.set_integer(option_of("PF205", "max-depth"), 3);
  CHECK(lint_with(deeper, "PF205", kDepth3).empty());
  RuleOptions shallow;
  shallow.set_integer(option_of("PF205", "max-depth"), 1);
  const auto two = lint_with(shallow, "PF205", "x = [a for r in m for a in r]\n");
  REQUIRE(two.size() == 1);
  CHECK(two[0].starts_with("Comprehension nested 2 levels deep; beyond 1 "));

  // PF706 min-run: two awaits are quiet by default, reported at min-run 2.
  CHECK(lint_with(defaults, "PF706", kTwoAwaits).empty());
  RuleOptions run2;
  run2.set_integer(option_of("PF706", "min-run"), 2);
  CHECK(lint_with(run2, "PF706", kTwoAwaits).size() == 1);

  // PF309 allowed-names: more names accepted; the known ones stay known.
  CHECK(lint_with(defaults, "PF309", kInvented).size() == 1);
  RuleOptions allowed;
  allowed.set_strings(option_of("PF309", "allowed-names"), {"__foo__"});
  CHECK(lint_with(allowed, "PF309", kInvented).empty());
  CHECK(lint_with(allowed, "PF309", "class C:\n    def __init__(self):\n        pass\n").empty());

  // PF903 ignore-names: replaces the default list.
  CHECK(lint_with(defaults, "PF903", kSetUp) ==
        std::vector<std::string>{"Function name `doIt` should be snake_case (PEP 8)"});
  RuleOptions ignore;
  ignore.set_strings(option_of("PF903", "ignore-names"), {"doIt", "my_Class"});
  CHECK(lint_with(ignore, "PF903", kSetUp) ==
        std::vector<std::string>{"Function name `setUp` should be snake_case (PEP 8)"});
  CHECK(lint_with(ignore, "PF903", "class my_Class:\n    pass\n").empty());  // class names too
}

TEST_CASE("Settings resolve options per file from the nearest configuration") {
  TempDir dir;
  dir.write("pyproject.toml", "[tool.pyflags]\nselect = [\"PF205\"]\n[tool.pyflags.rules.PF205]\nmax-depth = 3\n");
  dir.write("sub/pyflags.toml", "select = [\"PF205\"]\n");  // nearest for sub/: no options, defaults
  const std::string top = dir.write("top.py", std::string(kDepth3));
  const std::string nested = dir.write("sub/nested.py", std::string(kDepth3));
  Settings settings(CliOverrides{});
  Linter linter;
  const FileSetup top_setup = settings.for_file(top);
  CHECK(top_setup.dispatch->options().integer(option_of("PF205", "max-depth")) == 3);
  CHECK(lint(SourceFile(top, std::string(kDepth3)), linter, top_setup.lint_options()).empty());
  const FileSetup nested_setup = settings.for_file(nested);
  CHECK(nested_setup.dispatch->options().integer(option_of("PF205", "max-depth")) == 2);
  CHECK(lint(SourceFile(nested, std::string(kDepth3)), linter, nested_setup.lint_options()).size() == 1);
  // --isolated: no configuration, the defaults.
  Settings isolated(CliOverrides{}, std::nullopt, true);
  CHECK(isolated.for_file(top).dispatch->options().empty());
}

TEST_CASE("the language server reads options from the same configuration files") {
  TempDir dir;
  const std::string config = dir.write("pyflags.toml", "select = [\"PF706\"]\n[rules.sequential-awaits]\nmin-run = 2\n");
  const std::string file = dir.write("m.py", std::string(kTwoAwaits));
  lsp::WorkspaceSettings workspace;
  std::vector<std::string> logged;
  const auto log = [&](const std::string& m) { logged.push_back(m); };
  Linter linter;
  {
    const lsp::ResolvedSetup resolved = workspace.for_file(file, log);
    CHECK(lint(SourceFile(file, std::string(kTwoAwaits)), linter, resolved.setup.lint_options()).size() == 1);
  }
  // A bad option: reported once with file and line, and the defaults apply (min-run 3: quiet).
  dir.write("pyflags.toml", "select = [\"PF706\"]\n[rules.sequential-awaits]\nmin-run = \"two\"\n");
  workspace.reload();
  const lsp::ResolvedSetup fallback = workspace.for_file(file, log);
  REQUIRE(logged.size() == 1);
  CHECK(logged[0].find(config + ":3: `rules.sequential-awaits.min-run` must be an integer of at least 1") !=
        std::string::npos);
  CHECK(lint(SourceFile(file, std::string(kTwoAwaits)), linter, fallback.setup.lint_options()).empty());
}
