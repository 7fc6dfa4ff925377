#include "linter/runner.h"

#include "linter/cache.h"
#include "linter/diff.h"
#include "linter/fix.h"
#include "linter/registry.h"

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

namespace {

struct FileOutcome {
  std::vector<Message> messages;
  std::string unreadable;
  std::optional<FileFixes> fixes;
  std::vector<std::string> warnings;
};

// Fix mode: run the fix loop, write (or diff) the result, and report what a fresh run of the final
// text reports. Returns that final text (what the file now holds).
std::string fix_file(const std::string& path, const std::string& name, bool is_stdin, const std::string& text,
                     Linter& linter, const RunOptions& options, const LintOptions& lint_options,
                     const Dispatch& syntax_only, FileOutcome& result) {
  auto lint_text = [&](std::string_view t) { return lint(SourceFile(name, std::string(t)), linter, lint_options); };
  const LintOptions syntax_options{&syntax_only, lint_options.target_minor, false};
  auto syntax_errors = [&](std::string_view t) {
    return static_cast<int>(lint(SourceFile(name, std::string(t)), linter, syntax_options).size());
  };
  const FixOutcome outcome = fix_until_stable(text, options.unsafe_fixes, lint_text, syntax_errors);
  for (const std::string& w : outcome.warnings) result.warnings.push_back(name + ": " + w);
  std::string final_text = outcome.text;
  FileFixes fixes{name, outcome.applied, {}, {}};
  if (options.fix == FixMode::Diff) {
    fixes.diff = unified_diff(text, outcome.text, name, name);
    final_text = text;  // nothing changes
  } else if (is_stdin) {
    fixes.fixed_stdin = outcome.text;
  } else if (outcome.text != text) {
    std::string error;
    if (!write_atomically(path, text, outcome.text, error)) {
      result.warnings.push_back(name + ": not fixed: " + error);
      fixes.applied.clear();
      final_text = text;
    }
  }
  if (!fixes.applied.empty() || is_stdin) result.fixes = std::move(fixes);
  const SourceFile file(name, final_text);
  for (const Diagnostic& d : lint(file, linter, lint_options)) result.messages.push_back(resolve_message(file, d));
  return final_text;
}

}  // namespace

RunResult run(const std::vector<std::string>& files, const RunOptions& options, const std::string& stdin_name) {
  RunResult result;
  result.files = files.size();
  std::vector<FileOutcome> outcomes(files.size());
  std::atomic<std::size_t> next{0};
  const Rule* pf001 = find_rule("PF001");
  const std::vector<const Rule*> syntax_rules = pf001 != nullptr ? std::vector<const Rule*>{pf001} : std::vector<const Rule*>{};
  const Dispatch syntax_only(Symbols::python(), syntax_rules);

  auto worker = [&] {
    Linter linter;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      FileOutcome& out = outcomes[i];
      const LintOptions& lint_options = options.per_file[i];
      const bool is_stdin = files[i] == "-";
      const std::string name = is_stdin ? stdin_name : files[i];
      std::string error;
      const std::optional<std::string> text = read_file(files[i], error);
      if (!text) {
        out.unreadable = name + ": " + error;
        if (const RuleInfo* io = lint_options.dispatch->io_error_rule()) {
          Message m;
          m.rule = io;
          m.filename = name;
          m.text = "cannot read file: " + error;
          out.messages.push_back(std::move(m));
        }
        continue;
      }
      ResultCache* const cache = is_stdin ? nullptr : options.cache;
      if (cache != nullptr && options.fix == FixMode::None) {
        if (auto cached = cache->load(files[i], name, options.fingerprints[i], *text)) {
          out.messages = std::move(*cached);
          continue;
        }
      }
      const SourceFile file(name, *text);
      if (options.fix != FixMode::None && !file.encoding_problem()) {
        const std::string final_text = fix_file(files[i], name, is_stdin, *text, linter, options, lint_options, syntax_only, out);
        if (cache != nullptr) cache->store(files[i], name, options.fingerprints[i], final_text, out.messages);
        continue;
      }
      if (options.fix == FixMode::Apply && is_stdin) out.fixes = FileFixes{name, {}, {}, *text};
      for (const Diagnostic& d : lint(file, linter, lint_options)) out.messages.push_back(resolve_message(file, d));
      if (cache != nullptr) cache->store(files[i], name, options.fingerprints[i], *text, out.messages);
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
  if (options.cache != nullptr) {
    options.cache->persist();
    for (std::string& w : options.cache->take_warnings()) result.warnings.push_back(std::move(w));
  }
  for (auto& out : outcomes) {
    std::move(out.messages.begin(), out.messages.end(), std::back_inserter(result.messages));
    if (!out.unreadable.empty()) result.unreadable.push_back(std::move(out.unreadable));
    if (out.fixes) result.fixes.push_back(std::move(*out.fixes));
    std::move(out.warnings.begin(), out.warnings.end(), std::back_inserter(result.warnings));
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
