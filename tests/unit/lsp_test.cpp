// The language server's building blocks: Content-Length framing, LSP position conversion, document
// edits (text and tree stay in step), URIs and the noqa quick fix.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>

#include "linter/lsp/code_actions.h"
#include "linter/lsp/documents.h"
#include "linter/lsp/jsonrpc.h"
#include "linter/lsp/positions.h"
#include "linter/lsp/uri.h"

using namespace pyflags;
using namespace pyflags::lsp;

namespace {

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

// Every frame the reader produces for `input`, as "M:<body>", "X:" (malformed), "G:" (garbage), until End.
std::vector<std::string> read_all(const std::string& input) {
  std::istringstream in(input);
  FrameReader reader(in);
  Frame f;
  std::vector<std::string> out;
  for (int guard = 0; guard < 100; ++guard) {
    reader.next(f);
    switch (f.kind) {
      case Frame::Kind::End: return out;
      case Frame::Kind::Message: out.push_back("M:" + f.body); break;
      case Frame::Kind::Malformed: out.push_back("X:"); break;
      case Frame::Kind::Garbage: out.push_back("G:"); break;
    }
  }
  FAIL("the reader did not reach the end");
  return out;
}

std::string tree_text(const TSTree* tree) {
  char* s = ts_node_string(ts_tree_root_node(tree));
  std::string out(s);
  std::free(s);
  return out;
}

}  // namespace

TEST_CASE("framing: consecutive frames, any header case, Content-Type, bare LF") {
  const std::string input = frame("{\"a\":1}") + "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}" +
                            "Content-Length: 3\n\n[1]";
  CHECK(read_all(input) == std::vector<std::string>{"M:{\"a\":1}", "M:{}", "M:[1]"});
}

TEST_CASE("framing: a body is read by length, newlines and all") {
  CHECK(read_all(frame("{\n\"a\": \"x\\r\\n\"\n}")) == std::vector<std::string>{"M:{\n\"a\": \"x\\r\\n\"\n}"});
}

TEST_CASE("framing: malformed headers are reported and the next frame is found") {
  CHECK(read_all("Garbage\r\n\r\n" + frame("{}")) == std::vector<std::string>{"X:", "M:{}"});
  CHECK(read_all("Content-Length: abc\r\n\r\n{\"x\":1}" + frame("{}")) == std::vector<std::string>{"X:", "M:{}"});
  CHECK(read_all("Content-Length: -4\r\n\r\n" + frame("{}")) == std::vector<std::string>{"X:", "M:{}"});
  CHECK(read_all("Content-Type: x\r\n\r\n" + frame("{}")) == std::vector<std::string>{"X:", "M:{}"});  // no length
  CHECK(read_all("Content-Length: 99999999999999999999\r\n\r\n" + frame("{}")) == std::vector<std::string>{"X:", "M:{}"});
}

TEST_CASE("framing: a too-short Content-Length leaves bytes that are skipped up to the next header") {
  const std::string input = "Content-Length: 4\r\n\r\n{\"a\":1}" + frame("{}");
  CHECK(read_all(input) == std::vector<std::string>{"M:{\"a\"", "G:", "M:{}"});
}

TEST_CASE("framing: end of input, inside headers or inside a body, ends the stream") {
  CHECK(read_all("").empty());
  CHECK(read_all("Content-Length: 10\r\n").empty());
  CHECK(read_all("Content-Length: 10\r\n\r\n{}").empty());
  CHECK(read_all("\r\n\r\n" + frame("{}")) == std::vector<std::string>{"M:{}"});  // stray blank lines
}

TEST_CASE("framing: the writer frames with the byte length") {
  std::ostringstream out;
  MessageWriter writer(out);
  writer.write(nlohmann::json{{"s", "é"}});
  CHECK(out.str() == "Content-Length: 10\r\n\r\n{\"s\":\"é\"}");
}

TEST_CASE("positions: UTF-16 and UTF-8 columns, both ways") {
  const SourceFile f("t.py", "a = \"é😀x\"\r\nb\n");
  // 'x' is byte 11 (a = " 5 bytes, é 2, 😀 4); UTF-16 column 8 (é 1 unit, 😀 2).
  CHECK(position_at(f, 11, PositionEncoding::Utf16) == LspPosition{0, 8});
  CHECK(position_at(f, 11, PositionEncoding::Utf8) == LspPosition{0, 11});
  CHECK(offset_at(f, {0, 8}, PositionEncoding::Utf16) == 11);
  CHECK(offset_at(f, {0, 11}, PositionEncoding::Utf8) == 11);
  CHECK(position_at(f, 15, PositionEncoding::Utf16) == LspPosition{1, 0});  // after CRLF
  CHECK(offset_at(f, {1, 0}, PositionEncoding::Utf16) == 15);
  CHECK(position_at(f, 13, PositionEncoding::Utf16) == LspPosition{0, 10});  // the \r: the line's end
}

TEST_CASE("positions: out of range clamps, mid-character rounds down") {
  const SourceFile f("t.py", "a = \"😀\"\nbc");
  CHECK(offset_at(f, {0, 1000}, PositionEncoding::Utf16) == 10);  // the line's end, before \n
  CHECK(offset_at(f, {7, 0}, PositionEncoding::Utf16) == 13);     // past the last line: the end
  CHECK(offset_at(f, {1, 99}, PositionEncoding::Utf8) == 13);
  CHECK(offset_at(f, {0, 6}, PositionEncoding::Utf16) == 5);      // between the surrogates: before 😀
  CHECK(offset_at(f, {0, 7}, PositionEncoding::Utf8) == 5);       // inside 😀's bytes
  CHECK(position_at(f, 999, PositionEncoding::Utf16) == LspPosition{1, 2});
  CHECK(encoded_length("é😀", PositionEncoding::Utf16) == 3);
  CHECK(encoded_length("é😀", PositionEncoding::Utf8) == 6);
}

TEST_CASE("tree-sitter points: rows at LF, columns in bytes") {
  CHECK(ts_point_at("ab\ncé\nd", 6).row == 1);
  CHECK(ts_point_at("ab\ncé\nd", 6).column == 3);
  const TSPoint after = ts_point_after(TSPoint{2, 4}, "xy\nzé");
  CHECK(after.row == 3);
  CHECK(after.column == 3);
  CHECK(ts_point_after(TSPoint{2, 4}, "xy").column == 6);
}

TEST_CASE("documents: range edits, several in order, and a whole-text change") {
  Document doc("t.py", "def f(a=[]):\n    return a\n", 1);
  doc.apply({LspRange{{0, 8}, {0, 10}}, "None"}, PositionEncoding::Utf16);
  CHECK(doc.file().text() == "def f(a=None):\n    return a\n");
  doc.apply({LspRange{{1, 4}, {1, 4}}, "x = 1\n    "}, PositionEncoding::Utf16);
  CHECK(doc.file().text() == "def f(a=None):\n    x = 1\n    return a\n");
  CHECK(doc.file().line_count() == 4);
  doc.apply({LspRange{{1, 0}, {2, 0}}, ""}, PositionEncoding::Utf16);  // delete a whole line
  CHECK(doc.file().text() == "def f(a=None):\n    return a\n");
  doc.apply({std::nullopt, "x = 1\n"}, PositionEncoding::Utf16);
  CHECK(doc.file().text() == "x = 1\n");
}

TEST_CASE("documents: clamped and reversed ranges never leave the text") {
  Document doc("t.py", "ab\ncd", 1);
  doc.apply({LspRange{{9, 9}, {99, 0}}, "!"}, PositionEncoding::Utf16);
  CHECK(doc.file().text() == "ab\ncd!");
  doc.apply({LspRange{{0, 2}, {0, 1}}, "X"}, PositionEncoding::Utf8);  // reversed: replaces "b"
  CHECK(doc.file().text() == "aX\ncd!");
  doc.apply({LspRange{{0, 50}, {1, 1}}, ""}, PositionEncoding::Utf8);  // joins the lines
  CHECK(doc.file().text() == "aXd!");
}

TEST_CASE("documents: the edited tree re-parses to the same tree as a fresh parse") {
  Parser parser;
  const std::string before = "def f(a=[]):\n    s = \"é\"\n    return a\n";
  Document doc("t.py", before, 1);
  doc.tree().reset(parser.parse(doc.file().text()));
  doc.apply({LspRange{{1, 10}, {1, 10}}, "😀\nx = 1"}, PositionEncoding::Utf16);  // after é, inside the string
  doc.apply({LspRange{{0, 8}, {0, 10}}, "None"}, PositionEncoding::Utf16);
  std::unique_ptr<TSTree, TreeDeleter> incremental(parser.parse(doc.file().text(), doc.tree().get()));
  std::unique_ptr<TSTree, TreeDeleter> fresh(parser.parse(doc.file().text()));
  CHECK(tree_text(incremental.get()) == tree_text(fresh.get()));
  const TSNode a = ts_node_named_descendant_for_byte_range(ts_tree_root_node(incremental.get()), 40, 40);
  const TSNode b = ts_node_named_descendant_for_byte_range(ts_tree_root_node(fresh.get()), 40, 40);
  CHECK(ts_node_start_point(a).row == ts_node_start_point(b).row);
  CHECK(ts_node_start_point(a).column == ts_node_start_point(b).column);
}

TEST_CASE("uris: file URIs decode to paths, other schemes do not") {
  CHECK(uri_to_path("file:///home/me/a%20b/x.py") == "/home/me/a b/x.py");
  CHECK(uri_to_path("file://localhost/tmp/%C3%A9.py") == "/tmp/é.py");
  CHECK(uri_to_path("file:///tmp/100%.py") == "/tmp/100%.py");
  CHECK_FALSE(uri_to_path("untitled:Untitled-1").has_value());
  CHECK(uri_file_name("untitled:Untitled-1") == "Untitled-1");
  CHECK(uri_file_name("file:///x/pyproject.toml") == "pyproject.toml");
}

TEST_CASE("noqa quick fix: new comment, extended list, and places a comment cannot go") {
  Parser parser;
  auto edit_for = [&](const std::string& text, std::uint32_t line) {
    const SourceFile f("t.py", text);
    std::unique_ptr<TSTree, TreeDeleter> tree(parser.parse(f.text()));
    const auto edit = noqa_edit(f, tree.get(), line, "PF101");
    return edit ? std::optional<std::string>(std::string(f.text().substr(0, edit->begin)) + edit->content +
                                             std::string(f.text().substr(edit->end)))
                : std::nullopt;
  };
  CHECK(edit_for("def f(a=[]):   \n    pass\n", 1) == "def f(a=[]):  # noqa: PF101\n    pass\n");
  CHECK(edit_for("def f(a=[]):  # noqa: PF102 \n    pass\n", 1) == "def f(a=[]):  # noqa: PF102, PF101 \n    pass\n");
  CHECK(edit_for("def f(a=[]):  # why\n    pass\n", 1) == "def f(a=[]):  # why  # noqa: PF101\n    pass\n");
  CHECK(edit_for("x = '#' + f(a=[])\n", 1) == "x = '#' + f(a=[])  # noqa: PF101\n");
  CHECK_FALSE(edit_for("x = f(a=[]) + \"\"\"\nstill a string\n\"\"\"\n", 1).has_value());
  CHECK_FALSE(edit_for("x = f(a=[]) + \\\n    1\n", 1).has_value());
  CHECK_FALSE(edit_for("x = f(a=[])  # noqa\n", 1).has_value());
}
