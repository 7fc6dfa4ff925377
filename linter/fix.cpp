#include "linter/fix.h"

#include <algorithm>

#include "linter/text.h"

namespace pyflags {

std::string apply_edits(std::string_view text, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  out.reserve(text.size());
  std::uint32_t at = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(at, e.begin - at));
    out.append(e.content);
    at = std::max(at, e.end);
  }
  out.append(text.substr(at));
  return out;
}

std::string fix_key(const Diagnostic& d, std::string_view text) {
  std::string key(d.rule->code);
  for (const Edit& e : d.fix->edits) {
    key += cat("\x1f", text.substr(e.begin, e.end - e.begin), "\x1e", e.content);
  }
  return key;
}

FixRound choose_fixes(const std::vector<Diagnostic>& diagnostics, bool unsafe, const std::vector<std::string>& blocked,
                      std::string_view text) {
  FixRound round;
  auto overlaps = [&](const Edit& e) {
    return std::any_of(round.edits.begin(), round.edits.end(), [&](const Edit& a) {
      return e.begin <= a.end && a.begin <= e.end;  // touching counts
    });
  };
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& fix = diagnostics[i].fix;
    if (!fix || fix->edits.empty()) continue;
    if (fix->applicability == Applicability::Unsafe && !unsafe) continue;
    if (std::any_of(fix->edits.begin(), fix->edits.end(), overlaps)) continue;
    if (!blocked.empty() && std::find(blocked.begin(), blocked.end(), fix_key(diagnostics[i], text)) != blocked.end()) {
      continue;
    }
    round.edits.insert(round.edits.end(), fix->edits.begin(), fix->edits.end());
    round.fixed.push_back(i);
  }
  return round;
}

FixOutcome fix_until_stable(std::string text, bool unsafe,
                            const std::function<std::vector<Diagnostic>(std::string_view)>& lint_text,
                            const std::function<int(std::string_view)>& count_syntax_errors) {
  FixOutcome outcome;
  int syntax_errors = count_syntax_errors(text);
  std::vector<std::string> blocked;
  for (int round = 0; round < 10; ++round) {
    const std::vector<Diagnostic> diagnostics = lint_text(text);
    const FixRound chosen = choose_fixes(diagnostics, unsafe, blocked, text);
    if (chosen.edits.empty()) break;
    std::string next = apply_edits(text, chosen.edits);
    if (next == text) break;
    const int errors = count_syntax_errors(next);
    if (errors > syntax_errors) {
      // Find the fixes that break the file on their own; block them and retry the round without them.
      std::size_t culprits = 0;
      for (const std::size_t i : chosen.fixed) {
        const Diagnostic& d = diagnostics[i];
        if (count_syntax_errors(apply_edits(text, d.fix->edits)) > syntax_errors) {
          blocked.push_back(fix_key(d, text));
          outcome.warnings.push_back(cat("a fix by ", d.rule->code, " (", d.rule->name,
                                         ") would introduce a syntax error; it was not applied"));
          ++culprits;
        }
      }
      if (culprits == 0) {  // only their combination breaks: keep the first, block the rest for now
        for (std::size_t j = 1; j < chosen.fixed.size(); ++j) blocked.push_back(fix_key(diagnostics[chosen.fixed[j]], text));
        outcome.warnings.push_back("fixes that break the file together were applied one at a time");
      }
      continue;
    }
    syntax_errors = errors;
    for (const std::size_t i : chosen.fixed) outcome.applied.push_back(diagnostics[i].rule);
    text = std::move(next);
    ++outcome.rounds;
  }
  outcome.text = std::move(text);
  return outcome;
}

}  // namespace pyflags

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace pyflags {

bool write_atomically(const std::string& path, std::string_view expected, std::string_view text, std::string& error) {
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0) {
    error = std::strerror(errno);
    return false;
  }
  const std::filesystem::path target(path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  // Hidden and not *.py: a temporary left behind by a crash is never linted or mistaken for source.
  std::string tmp = dir + "/." + target.filename().string() + ".pyflags-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file: ") + std::strerror(errno);
    return false;
  }
  auto fail = [&](const std::string& what) {
    error = what + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return false;
  };
  for (std::size_t written = 0; written < text.size();) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot copy permissions");
  if (::geteuid() == 0 && ::fchown(fd, original.st_uid, original.st_gid) != 0) return fail("cannot copy ownership");
  if (::fsync(fd) != 0) return fail("fsync failed");
  // Last check before the swap: the file still holds what we read.
  std::ifstream in(path, std::ios::binary);
  const std::string current((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return fail("cannot re-read the file");
  if (current != expected) {
    ::close(fd);
    ::unlink(tmp.c_str());
    error = "the file changed on disk while it was being fixed; left it alone";
    return false;
  }
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    error = std::string("close failed: ") + std::strerror(errno);
    return false;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    error = std::string("rename failed: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  // Make the rename itself durable (best effort: some file systems refuse fsync on directories).
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return true;
}

}  // namespace pyflags
