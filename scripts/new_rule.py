#!/usr/bin/env python3
"""Write a rule skeleton and its fixture from the catalog entry.

    scripts/new_rule.py PF104 [--catalog ../shared/rules/catalog.md] [--force]

Creates rules/<group>/<name>.cpp (metadata filled from the catalog: code, name, severity, default,
fix, seed, bad/good examples; the rationale and the check are yours to write) and
fixtures/<CODE>_<name>.py (the catalog's Bad example with expect annotations to place, its Good
example, and the "Do not flag" bullets as comments to turn into cases).
"""
import argparse
import os
import re
import sys

GROUPS = {"1": "basics", "2": "data", "3": "classes", "4": "functions", "5": "io",
          "6": "exceptions", "7": "concurrency", "8": "datasci", "9": "style"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_entry(catalog_text, code):
    m = re.search(r"^### (%s) ([a-z0-9-]+)\n(.*?)(?=^### |^## )" % re.escape(code), catalog_text, re.S | re.M)
    if not m:
        sys.exit(f"new_rule.py: {code} is not in the catalog")
    body = m.group(3)
    entry = {"code": m.group(1), "name": m.group(2)}
    for key in ("severity", "default", "seed", "analysis", "fix", "message"):
        km = re.search(r"^- %s: (.*)$" % key, body, re.M)
        entry[key] = km.group(1).strip() if km else ""
    blocks = re.findall(r"^(Bad|Good):\n```python\n(.*?)```", body, re.S | re.M)
    for label, code_text in blocks:
        entry[label.lower()] = code_text
    dm = re.search(r"^Do not flag:\n(.*?)(?=^\w|\Z)", body, re.S | re.M)
    entry["do_not_flag"] = [line[2:] for line in (dm.group(1) if dm else "").splitlines() if line.startswith("- ")]
    fm = re.search(r"^Flag:\n(.*?)(?=^\w|\Z)", body, re.S | re.M)
    entry["flag"] = [line[2:] for line in (fm.group(1) if fm else "").splitlines() if line.startswith("- ")]
    return entry


def cxx_raw(text):
    return 'R"(' + text + ')"'


def cxx_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_rule(e):
    severity = {"error": "Error", "warning": "Warning", "info": "Info"}[e["severity"]]
    fix_kind = e["fix"].split()[0] if e["fix"] else "none"
    sometimes = " only " in e["fix"] or "only for" in e["fix"] or " when " in e["fix"]
    availability = "None" if fix_kind == "none" else ("Sometimes" if sometimes else "Always")
    applicability = "" if fix_kind == "none" else (
        "\n    .fix_applicability = Applicability::%s," % ("Safe" if fix_kind == "safe" else "Unsafe"))
    scopes = ", .needs_scopes = true" if e["analysis"] in ("scope", "flow") else ""
    return f"""// {e['code']} {e['name']}: TODO one line on what it catches.
#include "linter/python.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {{
namespace {{

constexpr RuleInfo kInfo{{
    .code = "{e['code']}",
    .name = "{e['name']}",
    .severity = Severity::{severity},
    .default_enabled = {"true" if e['default'] == "on" else "false"},
    .fix = FixAvailability::{availability},
    .summary = "TODO",
    .rationale = R"(TODO: why this is a problem, in our own words, carrying the seed's reasoning.)",
    .bad = {cxx_raw(e.get('bad', ''))},
    .good = {cxx_raw(e.get('good', ''))},
    .seed = {cxx_string(e['seed'])},{applicability}
}};

// Message: {e['message']}
void check(TSNode node, const Context& ctx, Reporter& out) {{
  (void)node;
  (void)ctx;
  (void)out;
}}

constexpr SymbolRef kKinds[] = {{&Symbols::module}};  // TODO: the node kinds this rule inspects
const Rule kRule{{.info = kInfo, .kinds = kKinds, .check = &check{scopes}}};
PYFLAGS_REGISTER_RULE(kRule);

}}  // namespace
}}  // namespace pyflags::rules
"""


def render_fixture(e):
    lines = [f"# {e['code']} {e['name']}. Lines with an expect comment must fire; no other line may.", ""]
    lines += ["# Flag (two variants of each):"] + [f"#   {b}" for b in e["flag"]] + [""]
    lines += [e.get("bad", "").rstrip() + "  # TODO: move `# expect: " + e["code"] + "` to the reported lines", "", ""]
    lines += ["# --- must not fire ---------------------------------------------------------"]
    lines += [f"# TODO: {b}" for b in e["do_not_flag"]] + [""]
    lines += [e.get("good", "").rstrip(), ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("code")
    parser.add_argument("--catalog", default=os.path.join(ROOT, "..", "shared", "rules", "catalog.md"))
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    args = parser.parse_args()
    with open(args.catalog, encoding="utf-8") as f:
        entry = parse_entry(f.read(), args.code.upper())
    stem = entry["name"].replace("-", "_")
    rule_path = os.path.join(ROOT, "rules", GROUPS[entry["code"][2]], stem + ".cpp")
    fixture_path = os.path.join(ROOT, "fixtures", f"{entry['code']}_{stem}.py")
    for path, text in ((rule_path, render_rule(entry)), (fixture_path, render_fixture(entry))):
        if os.path.exists(path) and not args.force:
            sys.exit(f"new_rule.py: {os.path.relpath(path, ROOT)} exists (use --force to overwrite)")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
