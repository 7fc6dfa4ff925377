#include <catch2/catch.hpp>

#include "linter/source.h"

using pyflags::SourceFile;

TEST_CASE("line index maps offsets to lines and code-point columns") {
  const SourceFile f("t.py", "a = 1\nb = 'é'\r\nc\n");
  CHECK(f.line_count() == 4);
  CHECK(f.line_of(0) == 1);
  CHECK(f.line_of(6) == 2);
  CHECK(f.position(6).column == 1);
  const auto after_e = f.position(13);  // the closing quote, after a 2-byte é
  CHECK(after_e.line == 2);
  CHECK(after_e.column == 7);
  CHECK(f.line_text(2) == "b = 'é'");
  CHECK(f.offset_of({2, 7}) == 13);
  CHECK(f.line_start(8) == 6);
}

TEST_CASE("a file without a trailing newline has its last line") {
  const SourceFile f("t.py", "x = 1\ny = 2");
  CHECK(f.line_count() == 2);
  CHECK(f.line_text(2) == "y = 2");
  CHECK(f.position(11).line == 2);
}

TEST_CASE("newline style follows the first line") {
  CHECK(SourceFile("t.py", "a\r\nb\n").newline() == "\r\n");
  CHECK(SourceFile("t.py", "a\nb\r\n").newline() == "\n");
}

TEST_CASE("the BOM is not a column") {
  const SourceFile f("t.py", "\xEF\xBB\xBFx = 1\n");
  CHECK(f.has_bom());
  CHECK(f.position(3).column == 1);
  CHECK(f.position(5).column == 3);
}

TEST_CASE("encoding problems: NUL bytes, invalid UTF-8 unless a cookie declares another encoding") {
  CHECK(!SourceFile("t.py", "x = 'ok'\n").encoding_problem());
  CHECK(SourceFile("t.py", std::string("x = 1\0\n", 7)).encoding_problem());
  CHECK(SourceFile("t.py", "x = '\xE9'\n").encoding_problem());
  CHECK(!SourceFile("t.py", "# -*- coding: latin-1 -*-\nx = '\xE9'\n").encoding_problem());
  CHECK(SourceFile("t.py", "# coding: utf-8\nx = '\xE9'\n").encoding_problem());
  CHECK(SourceFile("t.py", "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n").coding_cookie() == "iso-8859-15");
  CHECK(SourceFile("t.py", "x = 1\n\n# coding: latin-1\n").coding_cookie().empty());  // only lines 1-2
}

TEST_CASE("utf-8 validation rejects overlongs and surrogates") {
  CHECK(pyflags::is_valid_utf8("h\xC3\xA9llo \xF0\x9F\x98\x80"));
  CHECK(!pyflags::is_valid_utf8("\xC0\xAF"));
  CHECK(!pyflags::is_valid_utf8("\xED\xA0\x80"));
  CHECK(!pyflags::is_valid_utf8("\xE2\x82"));
}

TEST_CASE("indent_before") {
  const SourceFile f("t.py", "def f():\n    return 1\n");
  CHECK(f.indent_before(13).value() == "    ");
  CHECK(!f.indent_before(4).has_value());
}
