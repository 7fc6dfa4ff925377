#!/usr/bin/env bash
# End-to-end tests of the built binary: exit codes, formats, stdin, bad input.
#   run_cli_tests.sh path/to/pyflags
source "$(dirname "${BASH_SOURCE[0]}")/testlib.sh" "$1"
# expect_exit CODE DESCRIPTION -- COMMAND...
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >out.txt 2>err.txt
  local got=$?
  if [[ $got == "$want" ]]; then pass; else fail "$what: exit $got, want $want"; cat out.txt err.txt | head -20; fi
}
expect_contains() {  # FILE TEXT DESCRIPTION
  if grep -qF -- "$2" "$1"; then pass; else fail "$3: '$2' not in $1"; head -20 "$1"; fi
}
expect_not_contains() {
  if grep -qF -- "$2" "$1"; then fail "$3: '$2' unexpectedly in $1"; head -20 "$1"; else pass; fi
}

mkdir -p proj/pkg proj/.venv proj/build proj/node_modules empty
printf 'def f(x=[]):\n    return x\n' > proj/pkg/bad.py
printf 'def f(x=None):\n    return x\n' > proj/pkg/good.py
printf 'def f(x=[]):\n    return x\n' > proj/.venv/skipped.py
printf 'def f(x=[]):\n    return x\n' > proj/build/skipped.py
printf 'def f(x=[]):\n    return x\n' > proj/node_modules/skipped.py
printf 'def f(x=[]): ...\n' > proj/pkg/stub.pyi
printf 'not python\n' > proj/pkg/notes.txt

# Exit codes
expect_exit 1 "diagnostics exit 1" -- "$PYFLAGS" proj
expect_contains out.txt "proj/pkg/bad.py:1:9: PF101" "text format location"
expect_not_contains out.txt "skipped.py" "default excludes"
expect_not_contains out.txt "stub.pyi" "stub files have no evaluated defaults"
expect_contains out.txt "Found 1 error." "summary line"
expect_exit 0 "clean exit 0" -- "$PYFLAGS" proj/pkg/good.py
expect_contains out.txt "All checks passed!" "clean summary"
expect_exit 0 "--exit-zero" -- "$PYFLAGS" --exit-zero proj
expect_exit 2 "missing path" -- "$PYFLAGS" does/not/exist.py
expect_contains err.txt "does/not/exist.py" "missing path is named"
expect_exit 2 "unknown option" -- "$PYFLAGS" --no-such-option proj
expect_exit 2 "unknown selector" -- "$PYFLAGS" --select PF999 proj
expect_contains err.txt "PF999" "unknown selector is named"
expect_exit 2 "bad format" -- "$PYFLAGS" --format yaml proj
expect_exit 0 "directory without python files" -- "$PYFLAGS" empty
expect_contains err.txt "no Python files" "warns about no files"
expect_exit 1 "explicit check subcommand" -- "$PYFLAGS" check proj/pkg/bad.py
expect_exit 1 "excluded dir named explicitly is linted" -- "$PYFLAGS" proj/.venv/skipped.py

# Selection
expect_exit 0 "--ignore by code" -- "$PYFLAGS" --ignore PF101 proj/pkg/bad.py
expect_exit 0 "--ignore by name" -- "$PYFLAGS" --ignore mutable-default-argument proj/pkg/bad.py
expect_exit 0 "--select another prefix" -- "$PYFLAGS" --select PF6 proj/pkg/bad.py
expect_exit 1 "--select ALL" -- "$PYFLAGS" --select ALL proj/pkg/bad.py
expect_exit 1 "--extend-select" -- "$PYFLAGS" --select PF6 --extend-select PF1 proj/pkg/bad.py

# Formats
expect_exit 1 "github" -- "$PYFLAGS" --format github proj/pkg/bad.py
expect_contains out.txt "::error file=proj/pkg/bad.py,line=1,col=9,endLine=1,endColumn=11,title=PF101 (mutable-default-argument)::Mutable default" "github workflow command"
printf 'def f(x=[]):\n    return x\n' > 'odd,name:%.py'
expect_exit 1 "github escaping" -- "$PYFLAGS" --format github 'odd,name:%.py'
expect_contains out.txt "::error file=odd%2Cname%3A%25.py,line=1" "github escapes , : % in properties"
expect_exit 1 "concise" -- "$PYFLAGS" --format concise proj/pkg/bad.py
expect_contains out.txt "proj/pkg/bad.py:1:9: PF101 Mutable default" "concise line"
expect_not_contains out.txt " | " "concise has no source excerpt"
expect_exit 1 "json" -- "$PYFLAGS" --format json proj/pkg/bad.py
if python3 - out.txt <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
assert len(data) == 1, data
d = data[0]
assert d["code"] == "PF101" and d["name"] == "mutable-default-argument", d
assert d["location"] == {"row": 1, "column": 9} and d["end_location"] == {"row": 1, "column": 11}, d
assert d["severity"] == "error" and d["filename"] == "proj/pkg/bad.py" and d["noqa_row"] == 1, d
assert d["fix"]["applicability"] == "unsafe" and d["fix"]["edits"][0]["content"] == "None", d
PY
then pass; else fail "json shape"; fi
# GitLab Code Quality: shape, severities, unique fingerprints that survive a line inserted above.
printf 'def f(x=[]):\n    return x is 1\n\n\ndef g(y=[]):\n    return y is 1\n' > gl.py
expect_exit 1 "gitlab" -- "$PYFLAGS" --no-cache --format gitlab gl.py
cp out.txt gl_before.json
printf '# a comment inserted above\n' | cat - gl.py > gl2.py && mv gl2.py gl.py
expect_exit 1 "gitlab after an insert" -- "$PYFLAGS" --no-cache --format gitlab gl.py
if python3 - gl_before.json out.txt <<'PY'
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
assert isinstance(before, list) and len(before) == 4, before
for d in before:
    assert set(d) == {"description", "check_name", "fingerprint", "severity", "location"}, d
    assert d["severity"] in {"info", "minor", "major", "critical", "blocker"}, d
    assert d["location"]["path"] == "gl.py" and set(d["location"]["positions"]) == {"begin", "end"}, d
d = before[0]
assert d["check_name"] == "PF101 mutable-default-argument" and d["severity"] == "critical", d
assert d["description"].startswith("PF101 Mutable default"), d
assert d["location"]["positions"]["begin"] == {"line": 1, "column": 9}, d
assert len({d["fingerprint"] for d in before}) == 4, "fingerprints must be unique"
assert [d["fingerprint"] for d in before] == [d["fingerprint"] for d in after], "fingerprints must be stable"
assert after[0]["location"]["positions"]["begin"]["line"] == 2, after[0]
PY
then pass; else fail "gitlab shape and fingerprints"; fi
mkdir -p fmt && printf 'output-format = "gitlab"\n' > fmt/pyflags.toml
printf 'def f(x=[]):\n    return x\n' > fmt/m.py
expect_exit 1 "output-format = gitlab in config" -- "$PYFLAGS" --no-cache fmt/m.py
expect_contains out.txt '"check_name": "PF101 mutable-default-argument"' "gitlab from config"
# --statistics: per-rule counts, most frequent first, `[*]` when a safe fix exists; still exit 1.
printf 'def f(x=[]):\n    return x is 1\n\n\ndef g(y=[]):\n    return y\n' > stats.py
expect_exit 1 "--statistics" -- "$PYFLAGS" --no-cache --statistics stats.py
if [[ "$(cat out.txt)" == $'2\tPF101\t[ ] mutable-default-argument\n1\tPF102\t[*] is-literal' ]]; then pass; else fail "--statistics text: $(cat out.txt)"; fi
expect_exit 1 "--statistics json" -- "$PYFLAGS" --no-cache --statistics --format json stats.py
if python3 -c 'import json,sys; d=json.load(open("out.txt")); assert d==[{"code":"PF101","name":"mutable-default-argument","count":2,"fixable":False},{"code":"PF102","name":"is-literal","count":1,"fixable":True}], d'; then pass; else fail "--statistics json"; fi
expect_exit 1 "output file" -- "$PYFLAGS" --format json --output-file report.json proj/pkg/bad.py
if [[ -s report.json && ! -s out.txt ]]; then pass; else fail "--output-file writes the file, not stdout"; fi

# Standard input
expect_exit 1 "stdin" -- bash -c "printf 'def f(x={}):\n    pass\n' | '$PYFLAGS' - --stdin-filename src/mod.py"
expect_contains out.txt "src/mod.py:1:9: PF101" "stdin filename"
expect_exit 0 "clean stdin" -- bash -c "printf 'x = 1\n' | '$PYFLAGS' -"

# Bad input never crashes
printf 'def f(:\n    pass\n\ndef g(y=[]):\n    return y\n' > syntax.py
expect_exit 1 "syntax error" -- "$PYFLAGS" syntax.py
expect_contains out.txt "PF001" "syntax error reported"
expect_contains out.txt "syntax.py:4:9: PF101" "rest of the file still linted"
printf 'x = 1\0\ndef f(x=[]): pass\n' > nul.py
expect_exit 1 "NUL bytes" -- "$PYFLAGS" nul.py proj/pkg/bad.py
expect_contains out.txt "nul.py:1:1: PF002" "NUL byte is PF002"
expect_contains out.txt "proj/pkg/bad.py:1:9: PF101" "other files still linted"
printf 'name = "caf\xe9"\n' > latin1.py
expect_exit 1 "latin-1 without cookie" -- "$PYFLAGS" latin1.py
expect_contains out.txt "PF002" "invalid utf-8 is PF002"
printf '# -*- coding: latin-1 -*-\nname = "caf\xe9"\n' > latin1_cookie.py
expect_exit 0 "latin-1 with a cookie" -- "$PYFLAGS" latin1_cookie.py
: > empty.py
expect_exit 0 "empty file" -- "$PYFLAGS" empty.py
printf 'def f(x=[]):\n    return x' > no_newline.py
expect_exit 1 "no trailing newline" -- "$PYFLAGS" no_newline.py
expect_contains out.txt "no_newline.py:1:9: PF101" "no trailing newline located"
printf 'def f(x=[]):\r\n    return x\r\n' > crlf.py
expect_exit 1 "CRLF" -- "$PYFLAGS" --format concise crlf.py
expect_contains out.txt "crlf.py:1:9: PF101" "crlf located"
printf '\xef\xbb\xbfdef f(x=[]):\n    return x\n' > bom.py
expect_exit 1 "BOM" -- "$PYFLAGS" --format concise bom.py
expect_contains out.txt "bom.py:1:9: PF101" "BOM is not a column"
mkdir unreadable_dir.py
expect_exit 0 "a directory named like a python file is searched, not read" -- "$PYFLAGS" unreadable_dir.py

# Pathological inputs: very long chains and deep nesting never crash any rule (a 50,000-operand `+`
# chain once overflowed the stack in PF103).
python3 - <<'PY'
cases = {
    "plus_chain": 'x = ""\nfor i in y:\n    x = x + ' + " + ".join(['"a"'] * 50000),
    "right_nested": 'x = ""\nfor i in y:\n    x = x + ' + "(" * 2000 + '"a"' + ' + "b")' * 2000,
    "bool_chain": "x = " + " and ".join(["a"] * 50000),
    "comparison_chain": "x = " + " == ".join(["None"] * 20000),
    "attribute_chain": "x = a" + ".b" * 50000,
    "nested_calls": "x = " + "f(" * 3000 + ")" * 3000,
    "nested_lambdas": "x = " + "lambda: " * 2000 + "1",
    "nested_comprehensions": "x = " + "[x for x in " * 1000 + "y" + "]" * 1000,
    "elif_chain": "if a: pass\n" + "elif a: pass\n" * 20000,
    "nested_defs": "".join("    " * i + "def f%d(a=[]):\n" % i for i in range(300)) + "    " * 300 + "pass",
}
for name, text in cases.items():
    with open("patho_%s.py" % name, "w") as f:
        f.write(text + "\n")
PY
for f in patho_*.py; do
  timeout 60 "$PYFLAGS" --select ALL --format concise "$f" >/dev/null 2>&1
  rc=$?
  if [[ $rc == 0 || $rc == 1 ]]; then pass; else fail "$f: exit $rc (crash or hang)"; fi
done

# Rule documentation
expect_exit 0 "rule by code" -- "$PYFLAGS" rule PF101
expect_contains out.txt "mutable-default-argument" "rule doc names the rule"
expect_contains out.txt "def add_item" "rule doc shows the example"
expect_exit 0 "rule with options" -- "$PYFLAGS" rule nested-comprehension
expect_contains out.txt '- `max-depth` (integer, default `2`): ' "rule doc lists options with defaults"
expect_contains out.txt '[tool.pyflags.rules.nested-comprehension]' "rule doc says where options go"
expect_exit 0 "rule by name" -- "$PYFLAGS" rule bare-except
expect_exit 2 "unknown rule" -- "$PYFLAGS" rule PF999
expect_exit 0 "rules" -- "$PYFLAGS" rules
expect_contains out.txt "PF101" "rules lists PF101"
expect_exit 0 "rules json" -- "$PYFLAGS" rules --format json
if python3 - out.txt <<'PY'
import json, sys
rules = json.load(open(sys.argv[1]))
codes = [r["code"] for r in rules]
assert codes == sorted(codes) and len(codes) == len(set(codes)), codes
for r in rules:
    assert set(["code", "name", "severity", "default", "fix", "summary"]) <= set(r), r
    assert r["severity"] in ("error", "warning", "info") and r["fix"] in ("none", "safe", "unsafe"), r
    assert isinstance(r["default"], bool), r
    for o in r["options"]:
        assert set(o) == {"name", "type", "default", "description"}, o
options = {r["code"]: {o["name"]: o["default"] for o in r["options"]} for r in rules if r["options"]}
assert options == {"PF205": {"max-depth": 2}, "PF309": {"allowed-names": []}, "PF706": {"min-run": 3},
                   "PF903": {"ignore-names": ["setUp", "tearDown", "setUpClass", "tearDownClass", "setUpModule",
                                              "tearDownModule", "asyncSetUp", "asyncTearDown", "setUpTestData"]}}, options
PY
then pass; else fail "rules json shape"; fi
"$PYFLAGS" --format sarif proj/pkg/bad.py > sarif.json
if python3 - sarif.json <<'PY'
import json, sys
rules = {r["id"]: r for r in json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]}
assert rules["PF205"]["defaultConfiguration"]["parameters"] == {"max-depth": 2}, rules["PF205"]
assert rules["PF903"]["defaultConfiguration"]["parameters"]["ignore-names"][0] == "setUp", rules["PF903"]
assert "parameters" not in rules["PF101"]["defaultConfiguration"], rules["PF101"]
PY
then pass; else fail "SARIF rule descriptors carry option defaults in defaultConfiguration.parameters"; fi
"$PYFLAGS" rules --format markdown > rules.md
if cmp -s rules.md "$SRC/docs/rules.md"; then pass; else fail "docs/rules.md is stale: regenerate with pyflags rules --format markdown > docs/rules.md"; fi
expect_exit 0 "version" -- "$PYFLAGS" --version
expect_contains out.txt "pyflags " "version output"

# Configuration: [tool.pyflags] in pyproject.toml, pyflags.toml, nearest file wins, errors name file:line
mkdir -p cfg/sub cfg/tests cfg/generated
printf '[tool.pyflags]\nignore = ["PF102"]\nper-file-ignores = {"tests/*.py" = ["PF101"]}\nextend-exclude = ["generated"]\n' > cfg/pyproject.toml
printf 'def f(x=[]):\n    return x is 1\n' | tee cfg/sub/a.py cfg/tests/t.py cfg/generated/g.py > /dev/null
expect_exit 1 "pyproject config" -- "$PYFLAGS" --format concise cfg
expect_contains out.txt "cfg/sub/a.py:1:9: PF101" "config keeps PF101"
expect_not_contains out.txt "PF102" "config ignore"
expect_not_contains out.txt "tests/t.py" "per-file-ignores"
expect_not_contains out.txt "generated" "extend-exclude"
expect_exit 1 "--select replaces the config selection" -- "$PYFLAGS" --format concise --select PF102 cfg/sub/a.py
expect_contains out.txt "PF102" "command-line select overrides config select"
printf 'select = ["PF102"]\n' > cfg/sub/pyflags.toml
expect_exit 1 "nearest config wins" -- "$PYFLAGS" --format concise cfg
expect_contains out.txt "cfg/sub/a.py:2:12: PF102" "sub config selects PF102"
expect_not_contains out.txt "sub/a.py:1:9: PF101" "sub config replaces the parent"
expect_exit 1 "--isolated ignores configs" -- "$PYFLAGS" --isolated --format concise cfg/sub/a.py
expect_contains out.txt "PF101" "isolated uses defaults"
printf '[tool.pyflags]\nslect = ["PF1"]\n' > cfg/pyproject.toml
expect_exit 2 "unknown config key" -- "$PYFLAGS" cfg/tests
expect_contains err.txt "pyproject.toml:2: unknown key \`slect\`" "config error names file and line"
printf '[tool.pyflags]\nselect = ["PF999"]\n' > cfg/pyproject.toml
expect_exit 2 "unknown rule in config" -- "$PYFLAGS" cfg/tests
expect_contains err.txt "pyproject.toml:2: unknown rule selector" "unknown rule names file and line"
printf '[tool.pyflags\n' > cfg/pyproject.toml
expect_exit 2 "broken TOML" -- "$PYFLAGS" cfg/tests
expect_contains err.txt "pyproject.toml:1:" "TOML error names file and line"
printf '[tool.other]\nx = 1\n' > cfg/pyproject.toml
expect_exit 1 "pyproject without [tool.pyflags] is not a config" -- "$PYFLAGS" --format concise cfg/tests
printf 'output-format = "json"\n' > cfg/tests/.pyflags.toml
expect_exit 1 "output-format from config" -- "$PYFLAGS" cfg/tests
expect_contains out.txt '"code": "PF101"' "config output-format json"
expect_exit 2 "--config missing" -- "$PYFLAGS" --config nope.toml cfg

# Per-rule options: [tool.pyflags.rules.<name>] in pyproject.toml, [rules.<name>] in pyflags.toml, keyed
# by name or code; each of the four options changes what its rule reports; bad ones exit 2 naming file:line
mkdir -p opt/depth/sub opt/dunder opt/awaits opt/names opt/bad
printf 'x = [c for p in cube for r in p for c in r]\n' | tee opt/depth/m.py opt/depth/sub/m.py > /dev/null
printf 'select = ["PF205"]\n' > opt/depth/sub/pyflags.toml
expect_exit 1 "max-depth default 2: depth 3 fires" -- "$PYFLAGS" --format concise --select PF205 opt/depth/m.py
expect_contains out.txt "opt/depth/m.py:1:5: PF205 Comprehension nested 3 levels deep; beyond 2 " "max-depth default in message"
printf '[tool.pyflags]\nselect = ["PF205"]\n\n[tool.pyflags.rules.nested-comprehension]\nmax-depth = 3\n' > opt/depth/pyproject.toml
expect_exit 1 "max-depth from the nearest config only" -- "$PYFLAGS" --format concise opt/depth
expect_not_contains out.txt "opt/depth/m.py" "max-depth = 3 silences a depth-3 comprehension"
expect_contains out.txt "opt/depth/sub/m.py:1:5: PF205 Comprehension nested 3 levels deep; beyond 2 " "a nearer config without options keeps the default"
expect_exit 0 "max-depth = 3 applies with --select too" -- "$PYFLAGS" --format concise --select PF205 opt/depth/m.py
expect_exit 1 "--isolated ignores options" -- "$PYFLAGS" --isolated --format concise --select PF205 opt/depth/m.py
printf 'x = [a for r in m for a in r]\n' > opt/depth/two.py
printf '[tool.pyflags]\nselect = ["PF205"]\n\n[tool.pyflags.rules.PF205]\nmax-depth = 1\n' > opt/depth/pyproject.toml
expect_exit 1 "max-depth by code" -- "$PYFLAGS" --format concise opt/depth/two.py
expect_contains out.txt "two.py:1:5: PF205 Comprehension nested 2 levels deep; beyond 1 " "max-depth = 1 fires on depth 2"

printf 'class C:\n    def __foo__(self):\n        pass\n\n    def __bar__(self):\n        pass\n' > opt/dunder/m.py
printf 'select = ["PF309"]\n' > opt/dunder/pyflags.toml
expect_exit 1 "allowed-names default empty" -- "$PYFLAGS" --format concise opt/dunder/m.py
expect_contains out.txt "m.py:2:9: PF309 \`__foo__\`" "__foo__ fires by default"
printf 'select = ["PF309"]\n\n[rules.invented-dunder-name]\nallowed-names = ["__foo__"]\n' > opt/dunder/pyflags.toml
expect_exit 1 "allowed-names" -- "$PYFLAGS" --format concise opt/dunder/m.py
expect_not_contains out.txt "__foo__" "allowed-names accepts __foo__"
expect_contains out.txt "m.py:5:9: PF309 \`__bar__\`" "names not listed still fire"

printf 'async def main():\n    a = await f(1)\n    b = await f(2)\n    return a, b\n' > opt/awaits/m.py
printf 'select = ["PF706"]\n' > opt/awaits/.pyflags.toml
expect_exit 0 "min-run default 3: a run of two is quiet" -- "$PYFLAGS" --format concise opt/awaits/m.py
printf 'select = ["PF706"]\n\n[rules.PF706]\nmin-run = 2\n' > opt/awaits/.pyflags.toml
expect_exit 1 "min-run = 2" -- "$PYFLAGS" --format concise opt/awaits/m.py
expect_contains out.txt "m.py:2:5: PF706 2 independent \`await\`s" "min-run = 2 fires on a run of two"
expect_exit 1 "--config FILE carries its options" -- "$PYFLAGS" --format concise --config opt/awaits/.pyflags.toml opt/dunder/m.py opt/awaits/m.py
expect_contains out.txt "opt/awaits/m.py:2:5: PF706" "--config options"

printf 'import unittest\n\n\nclass T(unittest.TestCase):\n    def setUp(self):\n        pass\n\n    def doIt(self):\n        pass\n' > opt/names/m.py
printf '[tool.pyflags]\nselect = ["PF903"]\n' > opt/names/pyproject.toml
expect_exit 1 "ignore-names default" -- "$PYFLAGS" --format concise opt/names/m.py
expect_contains out.txt "m.py:8:9: PF903 Function name \`doIt\`" "doIt fires by default"
expect_not_contains out.txt "setUp" "setUp is in the default ignore-names"
printf '[tool.pyflags]\nselect = ["PF903"]\n\n[tool.pyflags.rules.naming-convention]\nignore-names = ["doIt"]\n' > opt/names/pyproject.toml
expect_exit 1 "ignore-names replaces the default list" -- "$PYFLAGS" --format concise opt/names/m.py
expect_contains out.txt "m.py:5:9: PF903 Function name \`setUp\`" "setUp fires when not listed"
expect_not_contains out.txt "doIt" "doIt is ignored"

printf 'x = 1\n' > opt/bad/m.py
bad_option() {  # FILE TEXT EXPECTED-ERROR DESCRIPTION
  rm -f opt/bad/pyproject.toml opt/bad/pyflags.toml
  printf "$2" > "opt/bad/$1"
  expect_exit 2 "$4" -- "$PYFLAGS" opt/bad/m.py
  expect_contains err.txt "opt/bad/$1:$3" "$4: message names file and line"
}
bad_option pyproject.toml '[tool.pyflags]\n\n[tool.pyflags.rules.nested-comprehension]\nmax-depht = 3\n' \
  "4: rule \`nested-comprehension\` has no option \`max-depht\` (options: \`max-depth\`)" "unknown option key"
bad_option pyproject.toml '[tool.pyflags]\n\n[tool.pyflags.rules.nested-comprehension]\nmax-depth = "3"\n' \
  "4: \`rules.nested-comprehension.max-depth\` must be an integer of at least 1" "string for an integer"
bad_option pyproject.toml '[tool.pyflags]\n\n[tool.pyflags.rules.PF205]\nmax-depth = 0\n' \
  "4: \`rules.PF205.max-depth\` must be an integer of at least 1" "zero max-depth"
bad_option pyflags.toml '[rules.sequential-awaits]\nmin-run = -2\n' \
  "2: \`rules.sequential-awaits.min-run\` must be an integer of at least 1" "negative min-run"
bad_option pyflags.toml '[rules.PF309]\nallowed-names = [\n  "__a__",\n  3,\n]\n' \
  "4: \`rules.PF309.allowed-names\` must be a list of strings" "non-string list element"
bad_option pyflags.toml '[rules.naming-convention]\nignore-names = "setUp"\n' \
  "2: \`rules.naming-convention.ignore-names\` must be a list of strings" "string for a list"
bad_option pyflags.toml '[rules.PF101]\nmax-depth = 3\n' \
  "2: rule \`PF101\` has no option \`max-depth\` (it takes no options)" "option on a rule without options"
bad_option pyflags.toml '[rules.no-such-rule]\nx = 1\n' "1: unknown rule \`no-such-rule\` in \`rules\`" "unknown rule in rules"

# PF003 unused-noqa: off by default; --fix removes the stale directive and keeps the used one
mkdir -p noqa
printf 'def f(x=[]):  # noqa: PF101\n    return x\n\n\ny = 1  # noqa\nz = 2  # type: ignore  # noqa: PF101, E501\n' > noqa/m.py
cp noqa/m.py noqa/before.py
expect_exit 0 "PF003 is off by default" -- "$PYFLAGS" --no-cache noqa/m.py
expect_exit 1 "PF003 with --extend-select" -- "$PYFLAGS" --no-cache --extend-select PF003 --format concise noqa/m.py
expect_contains out.txt "noqa/m.py:5:8: PF003 Unused blanket \`noqa\` directive" "blanket noqa reported at the directive"
expect_contains out.txt "noqa/m.py:6:24: PF003 Unused \`noqa\` directive (unused: \`PF101\`)" "unused code reported, E501 not"
expect_not_contains out.txt "m.py:1:" "a used noqa is not reported"
expect_exit 0 "PF003 --fix" -- "$PYFLAGS" --no-cache --extend-select PF003 --fix noqa/m.py
printf 'def f(x=[]):  # noqa: PF101\n    return x\n\n\ny = 1\nz = 2  # type: ignore  # noqa: E501\n' > noqa/want.py
if cmp -s noqa/m.py noqa/want.py; then pass; else fail "PF003 --fix result"; diff noqa/want.py noqa/m.py; fi
expect_exit 0 "PF003 --fix leaves nothing behind" -- "$PYFLAGS" --no-cache --extend-select PF003 noqa/m.py
printf '[tool.pyflags]\nper-file-ignores = { "m.py" = ["PF101"] }\n' > noqa/pyproject.toml
expect_exit 1 "PF003 and per-file-ignores" -- "$PYFLAGS" --no-cache --extend-select PF003 --format concise noqa/before.py noqa/m.py
expect_contains out.txt "noqa/m.py:1:15: PF003 Unused \`noqa\` directive (unused: \`PF101\`)" "a noqa for a per-file-ignored rule is unused"
expect_not_contains out.txt "noqa/before.py:1:" "per-file-ignores apply only where they match"

# Determinism across thread counts
"$PYFLAGS" --select ALL -j 1 "$SRC/fixtures" > one.txt 2>&1
"$PYFLAGS" --select ALL -j 2 "$SRC/fixtures" > two.txt 2>&1
if cmp -s one.txt two.txt; then pass; else fail "output differs between -j 1 and -j 2"; fi

finish_tests cli
