// The parse-only floor: read each file, parse it with the same tree-sitter build pyflags uses, walk
// every node with a cursor, and throw the tree away. pyflags can never be faster than this.
//   pyflags_floor [-j N] FILE...   (or --files-from LIST)
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "linter/runner.h"
#include "linter/syntax.h"

int main(int argc, char** argv) {
  unsigned threads = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-j" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (arg == "--files-from" && i + 1 < argc) {
      std::ifstream list(argv[++i]);
      for (std::string line; std::getline(list, line);) if (!line.empty()) files.push_back(line);
    } else {
      files.push_back(arg);
    }
  }
  std::atomic<std::size_t> next{0};
  std::atomic<unsigned long long> nodes{0};
  auto worker = [&] {
    pyflags::Parser parser;
    unsigned long long count = 0;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      std::string error;
      const auto text = pyflags::read_file(files[i], error);
      if (!text) continue;
      TSTree* tree = parser.parse(*text);
      TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
      for (bool more = true; more;) {
        ++count;
        if (ts_tree_cursor_goto_first_child(&cursor)) continue;
        while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
          if (!ts_tree_cursor_goto_parent(&cursor)) { more = false; break; }
        }
      }
      ts_tree_cursor_delete(&cursor);
      ts_tree_delete(tree);
    }
    nodes += count;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  std::printf("%zu files, %llu nodes\n", files.size(), nodes.load());
  return 0;
}
