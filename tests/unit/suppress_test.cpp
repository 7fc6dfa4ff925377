#include <catch2/catch.hpp>

#include "linter/suppress.h"

using pyflags::parse_noqa;

TEST_CASE("noqa comments") {
  CHECK(parse_noqa("# noqa")->all);
  CHECK(parse_noqa("# NOQA")->all);
  const auto codes = parse_noqa("# noqa: PF101, PF102");
  REQUIRE(codes);
  CHECK(!codes->all);
  CHECK(codes->codes == std::vector<std::string>{"PF101", "PF102"});
  CHECK(parse_noqa("# type: ignore  # noqa:PF201")->codes == std::vector<std::string>{"PF201"});
  CHECK(!parse_noqa("# a comment about noqa-less code"));
  CHECK(!parse_noqa("# noqatest"));
  const auto file = parse_noqa("# pyflags: noqa");
  REQUIRE(file);
  CHECK(file->file_level);
  CHECK(file->all);
}

TEST_CASE("suppressions match codes and names on their line") {
  pyflags::Suppressions s;
  s.add(3, *parse_noqa("# noqa: PF101"));
  s.add(4, *parse_noqa("# noqa: is-literal"));
  const pyflags::RuleInfo pf101{.code = "PF101", .name = "mutable-default-argument"};
  const pyflags::RuleInfo pf102{.code = "PF102", .name = "is-literal"};
  CHECK(s.suppresses(3, pf101));
  CHECK(!s.suppresses(3, pf102));
  CHECK(s.suppresses(4, pf102));
  CHECK(!s.suppresses(5, pf101));
}

// --- PF003 unused-noqa: the usedness bookkeeping, the verdicts, the fix, and lint()'s ordering ------

#include <algorithm>

#include "linter/fix.h"
#include "linter/lint.h"
#include "linter/registry.h"

namespace {

using namespace pyflags;

const RuleInfo& info(std::string_view code) { return find_rule(code)->info; }

std::vector<std::string> codes_at(const Noqa& n, const std::vector<std::size_t>& indices) {
  std::vector<std::string> out;
  for (const std::size_t i : indices) out.push_back(n.codes[i]);
  return out;
}

// Lints `text` with `codes` enabled (PF003 among them when it should run) and `ignore` as per-file ignores.
std::vector<Diagnostic> lint_text(const std::string& text, const std::vector<std::string>& codes,
                                  const std::vector<std::string>& ignore = {}) {
  std::vector<const Rule*> rules;
  for (const auto& c : codes) rules.push_back(find_rule(c));
  const Dispatch dispatch(Symbols::python(), rules);
  Linter linter;
  const LintOptions options{&dispatch, 10, true, &ignore};
  return lint(SourceFile("t.py", text), linter, options);
}

std::vector<std::string> messages(const std::vector<Diagnostic>& ds, std::string_view code = "PF003") {
  std::vector<std::string> out;
  for (const auto& d : ds) {
    if (d.rule->code == code) out.push_back(d.message);
  }
  return out;
}

// The text after applying the PF003 fixes once (each directive has its own, non-overlapping edit).
std::string fixed(const std::string& text, const std::vector<std::string>& codes) {
  std::vector<Edit> edits;
  for (const auto& d : lint_text(text, codes)) {
    if (d.rule->code == "PF003") edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
  }
  return apply_edits(text, edits);
}

}  // namespace

TEST_CASE("parse_noqa records where the directive and each code are written") {
  const std::string_view text = "# type: ignore  # noqa: PF101,  E501 # why";
  const auto n = parse_noqa(text);
  REQUIRE(n);
  CHECK(text.substr(n->begin, n->end - n->begin) == "# noqa: PF101,  E501");
  REQUIRE(n->spans.size() == 2);
  CHECK(text.substr(n->spans[1].first, n->spans[1].second - n->spans[1].first) == "E501");
  const auto blanket = parse_noqa("#noqa  -- reason");
  REQUIRE(blanket);
  CHECK(blanket->begin == 0);
  CHECK(blanket->end == 5);  // `#noqa`
  const auto colon = parse_noqa("# noqa:");
  CHECK(colon->all);
  CHECK(colon->end == 7);
  const auto trailing = parse_noqa("# noqa: PF101, ");
  CHECK(trailing->end == 14);  // the trailing comma belongs to the list
}

TEST_CASE("suppress() records which directive and which code did the suppressing") {
  Suppressions s;
  s.add(1, *parse_noqa("# noqa"));
  s.add(2, *parse_noqa("# noqa: PF102, PF101, mutable-default-argument"));
  s.add(3, *parse_noqa("# noqa: PF101"));
  s.add(4, *parse_noqa("# noqa"));
  CHECK(s.suppress(2, info("PF101")));
  CHECK(!s.suppress(3, info("PF102")));  // a code list covers only its codes
  CHECK(!s.suppress(5, info("PF101")));  // no directive on that line
  const auto& ds = s.directives();
  REQUIRE(ds.size() == 4);
  CHECK(!ds[0].used);
  CHECK(ds[1].used);
  CHECK(ds[1].code_used == std::vector<bool>{false, true, false});  // the first code naming the rule
  CHECK(!ds[2].used);
  CHECK(s.suppress(4, info("PF102")));
  CHECK(ds[3].used);  // a blanket directive is used by anything it suppresses

  Suppressions file;
  file.add(1, *parse_noqa("# pyflags: noqa: PF101"));
  file.add(2, *parse_noqa("# noqa: PF101"));
  CHECK(file.file_suppresses(info("PF101")));
  CHECK(file.suppress(2, info("PF101")));
  CHECK(!file.directives()[0].used);  // the file-level directive got there first: the line one is redundant
}

TEST_CASE("find_unused_noqa: unused, duplicated and prefix codes; disabled, foreign and PF003 left alone") {
  Suppressions s;
  s.add(1, *parse_noqa("# noqa"));                                  // blanket, unused
  s.add(2, *parse_noqa("# noqa"));                                  // blanket, used below
  s.add(3, *parse_noqa("# noqa: PF101, PF102, E501, PF201, PF999"));  // PF101 used, PF102 unused
  s.add(4, *parse_noqa("# noqa: PF101, mutable-default-argument, PF1"));
  s.add(5, *parse_noqa("# noqa: E501, B006, PF201"));              // foreign and disabled: nothing
  s.add(6, *parse_noqa("# noqa: PF102, PF003"));                    // names PF003: exempt
  s.add(7, *parse_noqa("# noqa: unused-noqa, PF102"));              // by name, too
  s.add(8, *parse_noqa("# noqa: is-literal"));                      // an enabled rule by name, unused
  s.suppress(2, info("PF102"));
  s.suppress(3, info("PF101"));
  auto enabled = [](const RuleInfo& r) { return r.code == "PF101" || r.code == "PF102"; };
  const auto found = find_unused_noqa(s, enabled);
  REQUIRE(found.size() == 4);

  CHECK(found[0].directive->line == 1);
  CHECK(found[0].whole);

  CHECK(found[1].directive->line == 3);
  CHECK(!found[1].whole);
  CHECK(codes_at(found[1].directive->noqa, found[1].unused) == std::vector<std::string>{"PF102"});
  CHECK(found[1].duplicated.empty());
  CHECK(found[1].prefixes.empty());

  CHECK(found[2].directive->line == 4);
  CHECK(found[2].whole);
  CHECK(codes_at(found[2].directive->noqa, found[2].unused) == std::vector<std::string>{"PF101"});
  CHECK(codes_at(found[2].directive->noqa, found[2].duplicated) == std::vector<std::string>{"mutable-default-argument"});
  CHECK(codes_at(found[2].directive->noqa, found[2].prefixes) == std::vector<std::string>{"PF1"});

  CHECK(found[3].directive->line == 8);
  CHECK(found[3].whole);

  // With every rule enabled, line 5's PF201 becomes unused; E501 and B006 still never are.
  const auto all = find_unused_noqa(s, [](const RuleInfo&) { return true; });
  const auto line5 = std::find_if(all.begin(), all.end(), [](const UnusedNoqa& u) { return u.directive->line == 5; });
  REQUIRE(line5 != all.end());
  CHECK(codes_at(line5->directive->noqa, line5->unused) == std::vector<std::string>{"PF201"});
  CHECK(!line5->whole);
}

TEST_CASE("PF003 messages and what lint() counts as used") {
  const std::vector<std::string> on = {"PF003", "PF101", "PF102"};
  CHECK(messages(lint_text("x = 1  # noqa\n", on)) == std::vector<std::string>{"Unused blanket `noqa` directive"});
  CHECK(messages(lint_text("def f(x=[]): pass  # noqa\n", on)).empty());
  CHECK(messages(lint_text("def f(x=[]): pass  # noqa: PF101, PF102, E501, PF201\n", on)) ==
        std::vector<std::string>{"Unused `noqa` directive (unused: `PF102`)"});
  CHECK(messages(lint_text("x = 1  # noqa: PF101, PF101, PF1\n", on)) ==
        std::vector<std::string>{"Unused `noqa` directive (unused: `PF101`; duplicated: `PF101`; not a full code: `PF1`)"});
  // The range is the directive, not the whole comment.
  const auto ds = lint_text("x = 1  # type: ignore  # noqa\n", on);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].begin == 23);
  CHECK(ds[0].end == 29);
  CHECK(ds[0].fix->applicability == Applicability::Safe);
  CHECK(ds[0].fix->title == "Remove unused `noqa` directive");
  CHECK(lint_text("def f(x=[]): pass  # noqa: PF101, PF102\n", on)[0].fix->title == "Remove unused `noqa` codes");
  // Off unless selected: the same file without PF003 reports nothing.
  CHECK(lint_text("x = 1  # noqa\n", {"PF101"}).empty());
}

TEST_CASE("PF003: self-suppression, file-level noqa, per-file ignores, syntax errors") {
  const std::vector<std::string> on = {"PF003", "PF101"};
  // A line's blanket noqa does not silence PF003 about itself; naming PF003 exempts the directive.
  CHECK(messages(lint_text("x = 1  # noqa\n", on)).size() == 1);
  CHECK(messages(lint_text("x = 1  # noqa: PF003, PF101\n", on)).empty());
  // The file-level directive is never checked, and silences PF003 when it covers it.
  CHECK(messages(lint_text("# pyflags: noqa: PF101\nx = 1\n", on)).empty());
  CHECK(lint_text("# pyflags: noqa\nx = 1  # noqa\n", on).empty());
  CHECK(lint_text("# pyflags: noqa: PF003\nx = 1  # noqa\n", on).empty());
  // A line noqa made redundant by the file-level one is unused.
  CHECK(messages(lint_text("# pyflags: noqa: PF101\ndef f(x=[]): pass  # noqa: PF101\n", on)).size() == 1);
  // Per-file ignores drop the diagnostic before noqa sees it: the noqa for it is unused...
  CHECK(messages(lint_text("def f(x=[]): pass  # noqa: PF101\n", on, {"PF101"})) ==
        std::vector<std::string>{"Unused `noqa` directive (unused: `PF101`)"});
  // ...and a per-file ignore of PF003 itself turns it off.
  CHECK(lint_text("x = 1  # noqa\n", on, {"PF003"}).empty());
  // A file that does not parse: nothing can be judged.
  CHECK(messages(lint_text("x = 1  # noqa\ndef f(:\n", {"PF001", "PF003"})).empty());
  // A disabled rule's code is kept; PF001 is never suppressed by noqa, so its code is always unused.
  CHECK(messages(lint_text("x = 1  # noqa: PF102\n", on)).empty());
  CHECK(messages(lint_text("x = 1  # noqa: PF001\n", {"PF001", "PF003"})).size() == 1);
}

TEST_CASE("PF003's fix removes exactly the unused part, and fixing twice changes nothing") {
  const std::vector<std::string> on = {"PF003", "PF101", "PF102"};
  auto check = [&](const std::string& before, const std::string& after) {
    INFO(before);
    CHECK(fixed(before, on) == after);
    CHECK(fixed(after, on) == after);
  };
  check("x = 1  # noqa\ny = 2\n", "x = 1\ny = 2\n");
  check("x = 1\t# noqa: PF101\n", "x = 1\n");
  check("if x:\n    # noqa\n    y = 2\n", "if x:\n    y = 2\n");  // alone on its line: the line goes
  check("x = 1\n# noqa", "x = 1\n");
  check("x = 1  # noqa\r\ny = 2\r\n", "x = 1\r\ny = 2\r\n");
  check("x = 1  # type: ignore  # noqa\n", "x = 1  # type: ignore\n");
  check("x = 1  # noqa  # explained\n", "x = 1  # explained\n");
  check("x = 1  # noqa because of reasons\n", "x = 1  # because of reasons\n");
  check("def f(x=[]): pass  # noqa: PF101, PF102\n", "def f(x=[]): pass  # noqa: PF101\n");
  check("def f(x=[]): pass  # noqa:PF102,PF101,E501\n", "def f(x=[]): pass  # noqa:PF101,E501\n");
  check("def f(x=[]): pass  # noqa: E501 PF102 PF101  # why\n", "def f(x=[]): pass  # noqa: E501 PF101  # why\n");
  check("def f(x=[]): pass  # noqa: PF101, PF101\n", "def f(x=[]): pass  # noqa: PF101\n");
  // Used directives are left as they are.
  check("def f(x=[]): pass  # noqa\n", "def f(x=[]): pass  # noqa\n");
  check("x = 1  # noqa: E501\n", "x = 1  # noqa: E501\n");
}
