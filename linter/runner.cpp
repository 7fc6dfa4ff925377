#include "linter/runner.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

namespace pyflags {

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    return s.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "read failed (is it a directory?)";
    return std::nullopt;
  }
  return text;
}

Message resolve_message(const SourceFile& file, const Diagnostic& d) {
  Message m;
  m.rule = d.rule;
  m.filename = file.path();
  const Position start = file.position(d.begin), end = file.position(d.end);
  m.location = {start.line, start.column};
  m.end_location = {end.line, end.column};
  m.text = d.message;
  m.noqa_row = start.line;
  if (file.line_count() >= start.line) m.source_line = std::string(file.line_text(start.line));
  if (d.fix) {
    ResolvedFix fix{d.fix->applicability, d.fix->title, {}};
    for (const Edit& e : d.fix->edits) {
      const Position a = file.position(e.begin), b = file.position(e.end);
      fix.edits.push_back({e.content, {a.line, a.column}, {b.line, b.column}});
    }
    m.fix = std::move(fix);
  }
  return m;
}

RunResult run(const std::vector<std::string>& files, const RunOptions& options, const std::string& stdin_name) {
  RunResult result;
  result.files = files.size();
  std::vector<std::vector<Message>> per_file(files.size());
  std::vector<std::string> unreadable(files.size());
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    Linter linter;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const bool is_stdin = files[i] == "-";
      const std::string name = is_stdin ? stdin_name : files[i];
      std::string error;
      const std::optional<std::string> text = read_file(files[i], error);
      if (!text) {
        unreadable[i] = name + ": " + error;
        if (const RuleInfo* io = options.lint.dispatch->io_error_rule()) {
          Message m;
          m.rule = io;
          m.filename = name;
          m.text = "cannot read file: " + error;
          per_file[i].push_back(std::move(m));
        }
        continue;
      }
      const SourceFile file(name, *text);
      for (const Diagnostic& d : lint(file, linter, options.lint)) per_file[i].push_back(resolve_message(file, d));
    }
  };
  unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  for (auto& messages : per_file) {
    std::move(messages.begin(), messages.end(), std::back_inserter(result.messages));
  }
  for (auto& u : unreadable) {
    if (!u.empty()) result.unreadable.push_back(std::move(u));
  }
  std::stable_sort(result.messages.begin(), result.messages.end(), [](const Message& a, const Message& b) {
    if (a.filename != b.filename) return a.filename < b.filename;
    if (a.location.row != b.location.row) return a.location.row < b.location.row;
    if (a.location.column != b.location.column) return a.location.column < b.location.column;
    return a.rule->code < b.rule->code;
  });
  return result;
}

}  // namespace pyflags
