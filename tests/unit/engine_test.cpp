#include <catch2/catch.hpp>

#include "linter/fix.h"
#include "linter/lint.h"
#include "linter/registry.h"
#include "linter/scope.h"

using namespace pyflags;

TEST_CASE("every symbol and field the engine names exists in the grammar") {
  const Symbols& s = Symbols::python();
  CHECK(s.count > 0);
  CHECK(s.function_definition != 0);
  CHECK(s.op_is_not != s.op_is);
  CHECK(s.field.body != 0);
}

TEST_CASE("selection by code, prefix, name and ALL") {
  auto codes = [](const Selection& sel) {
    std::vector<std::string> out;
    for (const Rule* r : resolve(sel)) out.emplace_back(r->info.code);
    return out;
  };
  CHECK(codes({{"PF101"}, {}, {}}) == std::vector<std::string>{"PF101"});
  CHECK(codes({{"mutable-default-argument"}, {}, {}}) == std::vector<std::string>{"PF101"});
  const auto all = codes({{"ALL"}, {}, {}});
  CHECK(all.size() == all_rules().size());
  const auto pf1 = codes({{"PF1"}, {}, {}});
  CHECK(std::all_of(pf1.begin(), pf1.end(), [](const std::string& c) { return c.starts_with("PF1"); }));
  const auto ignored = codes({{"ALL"}, {}, {"PF0"}});
  CHECK(std::none_of(ignored.begin(), ignored.end(), [](const std::string& c) { return c.starts_with("PF0"); }));
  CHECK_THROWS_AS(resolve({{"PF999"}, {}, {}}), std::invalid_argument);
  CHECK_THROWS_AS(resolve({{}, {}, {"no-such-rule"}}), std::invalid_argument);
}

TEST_CASE("dispatch sends each kind only to its rules") {
  const Symbols& s = Symbols::python();
  const Rule* pf101 = find_rule("PF101");
  REQUIRE(pf101 != nullptr);
  const Rule* enabled[] = {pf101};
  const Dispatch dispatch(s, enabled);
  CHECK(dispatch.rules_for(s.function_definition).size() == 1);
  CHECK(dispatch.rules_for(s.call).empty());
  CHECK(dispatch.rules_for(static_cast<TSSymbol>(-1)).empty());  // ERROR
}

namespace {
std::vector<Diagnostic> lint_codes(std::string_view text, std::vector<std::string> select) {
  const auto rules = resolve({std::move(select), {}, {}});
  const Dispatch dispatch(Symbols::python(), rules);
  Linter linter;
  return lint(SourceFile("t.py", std::string(text)), linter, LintOptions{&dispatch, 10, true});
}
}  // namespace

TEST_CASE("syntax errors: PF001 once per broken region, other rules quiet inside, rest still linted") {
  // tree-sitter puts `def g(a=[])` inside the ERROR node: PF101 must stay quiet there.
  const auto inside = lint_codes("x = (1 +\ndef g(a=[]): pass\n", {"PF001", "PF101"});
  REQUIRE(inside.size() == 1);
  CHECK(inside[0].rule->code == "PF001");
  const std::string text = "foo(1 2)\n\ndef h(b=[]):\n    return b\n";
  const auto ds = lint_codes(text, {"PF001", "PF101"});
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].rule->code == "PF001");
  CHECK(ds[1].rule->code == "PF101");
  CHECK(SourceFile("t.py", text).line_of(ds[1].begin) == 3);
}

TEST_CASE("noqa suppresses by code and by name, not other codes") {
  CHECK(lint_codes("def f(x=[]): pass  # noqa: PF101\n", {"PF101"}).empty());
  CHECK(lint_codes("def f(x=[]): pass  # noqa: mutable-default-argument\n", {"PF101"}).empty());
  CHECK(lint_codes("def f(x=[]): pass  # noqa\n", {"PF101"}).empty());
  CHECK(lint_codes("def f(x=[]): pass  # noqa: PF102\n", {"PF101"}).size() == 1);
  CHECK(lint_codes("# pyflags: noqa\ndef f(x=[]): pass\n", {"PF101"}).empty());
  CHECK(lint_codes("x = '# noqa'\ndef f(x=[]): pass\n", {"PF101"}).size() == 1);
}

TEST_CASE("invalid UTF-8 gives a single PF002") {
  const auto ds = lint_codes("x = '\xE9'\n", {"PF002", "PF101"});
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].rule->code == "PF002");
}

TEST_CASE("apply_edits and choose_fixes") {
  CHECK(apply_edits("abcdef", {{4, 5, "X"}, {0, 1, "Y"}, {3, 3, "+"}}) == "Ybc+dXf");
  RuleInfo info{.code = "PF999", .name = "test"};
  std::vector<Diagnostic> ds(3);
  for (auto& d : ds) d.rule = &info;
  ds[0].fix = Fix{Applicability::Safe, "a", {{0, 2, "x"}}};
  ds[1].fix = Fix{Applicability::Safe, "b", {{2, 3, "y"}}};    // touches the first: waits
  ds[2].fix = Fix{Applicability::Unsafe, "c", {{5, 6, "z"}}};  // unsafe: only when asked
  CHECK(choose_fixes(ds, false).fixed == std::vector<std::size_t>{0});
  CHECK(choose_fixes(ds, true).fixed == std::vector<std::size_t>{0, 2});
}
