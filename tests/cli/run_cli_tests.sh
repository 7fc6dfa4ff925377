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
PY
then pass; else fail "rules json shape"; fi
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

# Determinism across thread counts
"$PYFLAGS" --select ALL -j 1 "$SRC/fixtures" > one.txt 2>&1
"$PYFLAGS" --select ALL -j 2 "$SRC/fixtures" > two.txt 2>&1
if cmp -s one.txt two.txt; then pass; else fail "output differs between -j 1 and -j 2"; fi

finish_tests cli
