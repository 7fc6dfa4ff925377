#include <catch2/catch.hpp>

#include "linter/diff.h"

using pyflags::unified_diff;

TEST_CASE("unified diff of equal texts is empty") { CHECK(unified_diff("a\nb\n", "a\nb\n", "f", "f").empty()); }

TEST_CASE("unified diff with one changed line and context") {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
  CHECK(unified_diff(before, after, "a.py", "a.py") ==
        "--- a.py\n+++ a.py\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
}

TEST_CASE("distant changes make separate hunks; close ones merge") {
  std::string before, after;
  for (int i = 1; i <= 30; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 3 || i == 25 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string diff = unified_diff(before, after, "f", "f");
  CHECK(diff.find("@@ -1,6 +1,6 @@") != std::string::npos);
  CHECK(diff.find("@@ -22,7 +22,7 @@") != std::string::npos);
}

TEST_CASE("insertions, and a last line without a newline") {
  CHECK(unified_diff("a\n", "a\nb\n", "f", "f") == "--- f\n+++ f\n@@ -1 +1,2 @@\n a\n+b\n");
  CHECK(unified_diff("a", "b", "f", "f") ==
        "--- f\n+++ f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n");
  CHECK(unified_diff("", "x\n", "f", "f") == "--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n");
}
