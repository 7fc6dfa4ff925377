#!/usr/bin/env python3
"""SARIF output: valid against the official 2.1.0 schema, within GitHub code scanning's upload limits,
and with fingerprints that survive unrelated edits.

    sarif_test.py PYFLAGS SOURCE_DIR SCHEMA
Runs with Debian's /usr/bin/python3 and python3-jsonschema (scripts/test.sh installs them).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

PYFLAGS, SOURCE_DIR, SCHEMA = (os.path.abspath(p) for p in sys.argv[1:4])
failures = []
passed = 0


def check(condition, what):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what)


def sarif(args, cwd):
    proc = subprocess.run([PYFLAGS, "--format", "sarif", "--exit-zero"] + args, cwd=cwd, capture_output=True, text=True)
    check(proc.returncode == 0, f"pyflags {args} exit code {proc.returncode}: {proc.stderr}")
    return json.loads(proc.stdout)


with open(SCHEMA, encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft7Validator(schema)

work = tempfile.mkdtemp()
# The result cache stays in the scratch directory even for the run whose working directory is the source
# tree (part 3), so no .pyflags_cache is left in the checkout.
os.environ["PYFLAGS_CACHE_DIR"] = os.path.join(work, ".pyflags_cache")
try:
    # 1. The fixtures folder, every rule on: schema-valid and complete.
    shutil.copytree(os.path.join(SOURCE_DIR, "fixtures"), os.path.join(work, "fixtures"))
    log = sarif(["--select", "ALL", "fixtures"], work)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors[:5]:
        print("schema:", list(e.path), e.message[:200])
    check(not errors, "SARIF validates against sarif-schema-2.1.0.json")
    runs = log["runs"]
    check(len(runs) == 1, "one run per tool (GitHub)")
    run = runs[0]
    driver = run["tool"]["driver"]
    check(driver["name"] == "pyflags" and driver.get("semanticVersion") and driver.get("informationUri"),
          "driver name, semanticVersion, informationUri")
    rules = driver["rules"]
    listed = json.loads(subprocess.run([PYFLAGS, "rules", "--format", "json"], capture_output=True, text=True).stdout)
    check([r["id"] for r in rules] == [r["code"] for r in listed], "rules[] holds every registered rule, in order")
    for r in rules:
        for key in ("id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration"):
            check(key in r, f"rule {r.get('id')} has {key}")
        check(r["help"].get("text") and r["help"].get("markdown"), f"rule {r['id']} help text and markdown")
        tags = r["properties"]["tags"]
        check(tags[0] in ("pyflags", "basics", "data", "classes", "functions", "io", "exceptions", "concurrency",
                          "datasci", "style"), f"rule {r['id']} group tag")
        if not r["id"].startswith("PF0"):
            check(any(t.startswith("seed:§") for t in tags), f"rule {r['id']} seed tag")
    results = run["results"]
    check(len(results) > 0, "results present")
    check(len(results) <= 25000 and len(rules) <= 25000, "GitHub limits: at most 25,000 results and rules per run")
    check(run.get("columnKind") == "unicodeCodePoints", "columnKind")
    check(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///") and
          run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/"), "%SRCROOT% is an absolute file URI ending in /")
    for res in results:
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        check(loc["artifactLocation"].get("uriBaseId") == "%SRCROOT%" and not uri.startswith("/") and "://" not in uri,
              f"relative URI {uri}")
        check(rules[res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex points at ruleId")
        check(res["level"] in ("error", "warning", "note"), "level")
        region = loc["region"]
        check(region["startLine"] >= 1 and region["startColumn"] >= 1, "1-based region")
        check(list(res["partialFingerprints"].values())[0], "partialFingerprints")
    with_fix = [r for r in results if "fixes" in r]
    check(with_fix and all(r["fixes"][0]["artifactChanges"][0]["replacements"] for r in with_fix), "fixes carried")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    check(run["invocations"][0]["executionSuccessful"] is True, "executionSuccessful")
    check(any("PF002" in n.get("descriptor", {}).get("id", "") for n in notes), "unreadable file notified")
    check(any("PF001" in n.get("descriptor", {}).get("id", "") for n in notes), "unparseable file notified")

    # 2. Fingerprints stay put when an unrelated line is inserted above the diagnostic.
    os.makedirs(os.path.join(work, "fp"))
    src = "import os\n\n\ndef add(item, items=[]):\n    items.append(item)\n    return items\n\n\ndef other(x=[]):\n    return x\n"
    path = os.path.join(work, "fp", "mod.py")
    with open(path, "w") as f:
        f.write(src)
    before = sarif(["fp"], work)["runs"][0]["results"]
    with open(path, "w") as f:
        f.write("# a new comment\nimport sys\n" + src)
    after = sarif(["fp"], work)["runs"][0]["results"]
    check(len(before) == 2 and len(after) == 2, "two results before and after")
    check([r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after],
          "fingerprints unchanged by an unrelated insertion")
    check(before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 ==
          after[0]["locations"][0]["physicalLocation"]["region"]["startLine"], "the location itself moved")
    check(before[0]["partialFingerprints"] != before[1]["partialFingerprints"], "distinct results, distinct fingerprints")

    # 3. A path outside the working directory is an absolute file URI; names with spaces are encoded.
    os.makedirs(os.path.join(work, "with space"))
    with open(os.path.join(work, "with space", "a b.py"), "w") as f:
        f.write("def f(x=[]):\n    return x\n")
    log = sarif(["with space"], work)
    check(not list(validator.iter_errors(log)), "valid with spaces")
    check(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "with%20space/a%20b.py", "percent-encoded relative URI")
    log = sarif([os.path.join(work, "with space")], os.path.join(SOURCE_DIR))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check(uri.startswith("file:///") if not os.path.join(work).startswith(SOURCE_DIR) else True, "absolute file URI outside %SRCROOT%")
finally:
    shutil.rmtree(work)

print(f"sarif: {passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
