// Runs one fixture: the rule named by the file's first five characters (plus every code named in its
// annotations) must fire exactly on the annotated lines — a multiset of (line, code). When
// `<fixture>.fixed` exists, the file after the fix loop (safe and unsafe fixes) must equal it.
//
//   fixture_runner fixtures/PF101_mutable_default_argument.py
//   fixture_runner --write-fixed fixtures/PF101_mutable_default_argument.py   (regenerates .fixed)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "linter/fix.h"
#include "linter/lint.h"
#include "linter/registry.h"
#include "linter/walker.h"

namespace {

using namespace pyflags;
using Key = std::pair<std::uint32_t, std::string>;  // (line, code)

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads `# expect: PF101, PF204` annotations from comment nodes. Throws on a malformed list.
std::multiset<Key> expectations(const SourceFile& file) {
  // Walk with no rules (even a file that fails the encoding check has readable comments).
  Linter linter;
  const Dispatch none(Symbols::python(), {});
  std::unique_ptr<TSTree, TreeDeleter> tree(linter.parser.parse(file.text()));
  std::vector<Diagnostic> ignored;
  walk(tree.get(), file, none, linter.walk, 10, ignored);
  std::multiset<Key> want;
  static const std::regex kCode("^PF[0-9]{3}$");
  for (const TSNode comment : linter.walk.comments) {
    const std::string_view text = file.slice(ts_node_start_byte(comment), ts_node_end_byte(comment));
    const auto at = text.find("# expect:");
    if (at == std::string_view::npos) continue;
    std::string list(text.substr(at + 9));
    std::stringstream items(list);
    for (std::string item; std::getline(items, item, ',');) {
      const auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t\r");
      const std::string code = b == std::string::npos ? "" : item.substr(b, e - b + 1);
      if (!std::regex_match(code, kCode)) {
        throw std::runtime_error("line " + std::to_string(file.line_of(ts_node_start_byte(comment))) +
                                 ": malformed annotation `" + std::string(text) + "`");
      }
      want.insert({file.line_of(ts_node_start_byte(comment)), code});
    }
  }
  return want;
}

}  // namespace

int main(int argc, char** argv) {
  bool write_fixed = false;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--write-fixed") write_fixed = true;
    else path = arg;
  }
  if (path.empty()) {
    std::cerr << "usage: fixture_runner [--write-fixed] FIXTURE.py\n";
    return 2;
  }
  try {
    const std::string name = std::filesystem::path(path).filename().string();
    const std::string code = name.substr(0, 5);
    const SourceFile file(path, slurp(path));
    const std::multiset<Key> want = expectations(file);

    Selection selection;
    selection.select.push_back(code);
    for (const auto& [line, c] : want) selection.select.push_back(c);
    if (find_rule(code) == nullptr) throw std::runtime_error("no registered rule " + code);
    const std::vector<const Rule*> enabled = resolve(selection);
    const Dispatch dispatch(Symbols::python(), enabled);
    const LintOptions options{&dispatch, 10, true};
    Linter linter;

    std::multiset<Key> got;
    std::map<Key, std::string> messages;
    for (const Diagnostic& d : lint(file, linter, options)) {
      const Key key{file.line_of(d.begin), std::string(d.rule->code)};
      got.insert(key);
      messages[key] = d.message;
    }
    int failures = 0;
    std::set<Key> keys(want.begin(), want.end());
    keys.insert(got.begin(), got.end());
    for (const Key& k : keys) {
      const auto w = want.count(k), g = got.count(k);
      if (w > g) std::cout << path << ":" << k.first << ": missing " << k.second << " (" << (w - g) << ")\n";
      if (g > w) std::cout << path << ":" << k.first << ": unexpected " << k.second << ": " << messages[k] << "\n";
      failures += w != g;
    }

    const std::string fixed_path = path + ".fixed";
    const bool has_fixed = std::filesystem::exists(fixed_path);
    if (has_fixed || write_fixed) {
      auto lint_text = [&](std::string_view text) {
        return lint(SourceFile(path, std::string(text)), linter, options);
      };
      const Dispatch syntax_only(Symbols::python(), std::vector<const Rule*>{find_rule("PF001")});
      auto syntax_errors = [&](std::string_view text) {
        const LintOptions o{&syntax_only, 10, false};
        return static_cast<int>(lint(SourceFile(path, std::string(text)), linter, o).size());
      };
      const FixOutcome outcome = fix_until_stable(std::string(file.text()), true, lint_text, syntax_errors);
      for (const auto& w : outcome.warnings) std::cout << path << ": warning: " << w << "\n";
      if (write_fixed) {
        std::ofstream(fixed_path, std::ios::binary) << outcome.text;
        std::cout << "wrote " << fixed_path << "\n";
      } else if (outcome.text != slurp(fixed_path)) {
        std::cout << path << ": the fixed file differs from " << fixed_path
                  << " (rerun with --write-fixed to see the new result in git diff)\n";
        ++failures;
      } else {
        // Idempotence: fixing the fixed file changes nothing.
        const FixOutcome again = fix_until_stable(outcome.text, true, lint_text, syntax_errors);
        if (again.text != outcome.text) {
          std::cout << fixed_path << ": a second fix pass still changes the file\n";
          ++failures;
        }
      }
    }
    if (failures == 0) std::cout << path << ": ok (" << got.size() << " diagnostics)\n";
    return failures == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cout << path << ": error: " << e.what() << "\n";
    return 1;
  }
}
