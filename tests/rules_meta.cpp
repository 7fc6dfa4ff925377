// Registry <-> fixtures <-> catalog: guards against rules, fixtures or docs that go missing silently.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "linter/lint.h"
#include "linter/registry.h"

namespace {

using namespace pyflags;

struct CatalogOption {
  std::string name, type, default_text;  // "max-depth", "integer", "2" / "empty" / "`setUp`, `tearDown`"
};

struct CatalogEntry {
  std::string code, name, severity, fix;
  bool default_on = false;
  std::vector<CatalogOption> options;
};

// Parses `### PF101 mutable-default-argument` headings and the `- severity:` / `- default:` / `- fix:`
// lines under them.
std::map<std::string, CatalogEntry> read_catalog() {
  std::ifstream in(PYFLAGS_CATALOG);
  REQUIRE(in.good());
  std::map<std::string, CatalogEntry> entries;
  static const std::regex kHeading(R"(^### (PF\d{3}) ([a-z0-9-]+)\s*$)");
  // `- Option `max-depth` (integer, default 2): ...`
  static const std::regex kOption(R"(^- Option `([a-z0-9-]+)` \((integer|list of strings), default ([^)]*)\))");
  CatalogEntry* current = nullptr;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kHeading)) {
      current = &entries[m[1]];
      current->code = m[1];
      current->name = m[2];
    } else if (line.starts_with("## ")) {
      current = nullptr;
    } else if (current != nullptr && line.starts_with("- severity: ")) {
      current->severity = line.substr(12);
    } else if (current != nullptr && line.starts_with("- default: ")) {
      current->default_on = line.substr(11) == "on";
    } else if (current != nullptr && std::regex_search(line, m, kOption)) {
      current->options.push_back({m[1], m[2], m[3]});
    } else if (current != nullptr && line.starts_with("- fix: ")) {
      const std::string fix = line.substr(7);
      current->fix = fix.starts_with("safe") ? "safe" : fix.starts_with("unsafe") ? "unsafe" : "none";
    }
  }
  return entries;
}

std::vector<Diagnostic> lint_with(std::string_view text, std::span<const Rule* const> rules) {
  const Dispatch dispatch(Symbols::python(), rules);
  Linter linter;
  const LintOptions options{&dispatch, 10, true};
  return lint(SourceFile("example.py", std::string(text)), linter, options);
}

std::string describe(const std::vector<Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) s += std::string(d.rule->code) + ": " + d.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("every registered rule matches its catalog entry") {
  const auto catalog = read_catalog();
  REQUIRE(catalog.size() >= 70);
  for (const Rule* rule : all_rules()) {
    const RuleInfo& r = rule->info;
    if (r.code.starts_with("PF0")) continue;  // pyflags' own codes are not in the catalog
    INFO(r.code);
    const auto it = catalog.find(std::string(r.code));
    REQUIRE(it != catalog.end());
    CHECK(it->second.name == r.name);
    CHECK(it->second.severity == to_string(r.severity));
    CHECK(it->second.default_on == r.default_enabled);
    CHECK(it->second.fix == fix_kind(r));
  }
}

TEST_CASE("every rule declares exactly the options its catalog entry defines, with the same defaults") {
  const auto catalog = read_catalog();
  std::size_t options = 0;
  for (const Rule* rule : all_rules()) {
    const RuleInfo& r = rule->info;
    INFO(r.code);
    const auto it = catalog.find(std::string(r.code));
    const std::vector<CatalogOption> listed = it == catalog.end() ? std::vector<CatalogOption>{} : it->second.options;
    REQUIRE(listed.size() == r.options.size());
    for (std::size_t i = 0; i < listed.size(); ++i) {
      const OptionInfo& o = r.options[i];
      INFO(o.name);
      CHECK(listed[i].name == o.name);
      CHECK(listed[i].type == to_string(o.type));
      if (o.type == OptionType::Integer) {
        CHECK(listed[i].default_text == std::to_string(o.default_integer));
      } else {
        std::string expected;  // "`a`, `b`" or "empty"
        for (const std::string_view name : o.default_strings) expected += (expected.empty() ? "`" : ", `") + std::string(name) + "`";
        CHECK(listed[i].default_text == (expected.empty() ? "empty" : expected));
      }
      CHECK(!o.description.empty());
      ++options;
    }
  }
  CHECK(options == 4);
}

TEST_CASE("the registry holds every catalog rule, no more, no fewer") {
  const auto catalog = read_catalog();
  std::set<std::string> registered;
  for (const Rule* rule : all_rules()) {
    if (!rule->info.code.starts_with("PF0")) registered.insert(std::string(rule->info.code));
  }
  std::set<std::string> listed;
  for (const auto& [code, entry] : catalog) listed.insert(code);
  CHECK(registered == listed);
  CHECK(listed.size() == 70);
  const auto defaults = std::count_if(catalog.begin(), catalog.end(), [](const auto& e) { return e.second.default_on; });
  CHECK(defaults == 53);
}

TEST_CASE("codes are unique, names kebab-case, docs complete") {
  std::set<std::string_view> codes, names;
  static const std::regex kKebab("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  for (const Rule* rule : all_rules()) {
    const RuleInfo& r = rule->info;
    INFO(r.code);
    CHECK(codes.insert(r.code).second);
    CHECK(names.insert(r.name).second);
    CHECK(std::regex_match(std::string(r.name), kKebab));
    CHECK(!r.summary.empty());
    CHECK(!r.rationale.empty());
    CHECK(!r.bad.empty());
    CHECK(!r.good.empty());
    CHECK(!r.seed.empty());
    CHECK((r.fix == FixAvailability::None) == !r.fix_applicability.has_value());
    if (!r.code.starts_with("PF0")) CHECK((rule->check != nullptr && !rule->kinds.empty()));
  }
}

TEST_CASE("every rule has a fixture and every fixture names a registered rule") {
  const std::filesystem::path dir = std::filesystem::path(PYFLAGS_SOURCE_DIR) / "fixtures";
  std::set<std::string> fixture_codes;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".py" || !name.starts_with("PF")) continue;
    const std::string code = name.substr(0, 5);
    INFO(name);
    const Rule* rule = find_rule(code);
    REQUIRE(rule != nullptr);
    std::string expected_name(rule->info.name);
    std::replace(expected_name.begin(), expected_name.end(), '-', '_');
    // CODE_name.py, plus optional variants CODE_name-VARIANT.py for cases that need a file of their own
    // (a file-wide exemption such as an import of sympy).
    const std::string base = code + "_" + expected_name;
    CHECK((name == base + ".py" || (name.starts_with(base + "-") && name.size() > base.size() + 4)));
    if (name == base + ".py") fixture_codes.insert(code);
  }
  for (const Rule* rule : all_rules()) {
    INFO(rule->info.code);
    CHECK(fixture_codes.count(std::string(rule->info.code)) == 1);
  }
}

TEST_CASE("each rule's bad example fires it and its good example fires no rule") {
  const auto rules = all_rules();
  for (const Rule* rule : rules) {
    const RuleInfo& r = rule->info;
    INFO(r.code);
    const Rule* only[] = {rule};
    const auto bad = lint_with(r.bad, only);
    CHECK(!bad.empty());
    const auto good = lint_with(r.good, rules);
    INFO(describe(good));
    CHECK(good.empty());
  }
}
