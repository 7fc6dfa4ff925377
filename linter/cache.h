// The lint result cache: a file whose bytes, name and settings are unchanged since an earlier run gets
// that run's messages back without being parsed (a read, a hash, and a share of one bucket file).
//
// Layout: <dir>/.gitignore (`*`), <dir>/CACHEDIR.TAG, and <dir>/<version>/<16 hex digits>, one bucket
// per directory of linted files and settings fingerprint (as ruff keeps one file per package: a
// 100,000-file tree is a few thousand small files, not 100,000). A bucket's name is the hash of its key:
// the pyflags build, the files' settings fingerprint (FileSetup::fingerprint), the directory's absolute
// path and the directory as the files are reported. It holds a check hash of that key and, per file
// name, the content's size and XXH64 and the messages after noqa suppression (fixes included), in a
// little-endian binary format closed by a checksum.
//
// Lookups load a bucket once per run; stores collect in memory and persist() writes each changed
// bucket once, merged with what is on disk then, to a temporary file renamed into place: readers (other
// pyflags processes, too) see a whole bucket or the previous one. Anything unreadable, truncated,
// corrupt or for another key is a miss, never an error. When two runs write one bucket at once the
// later rename wins; what the other stored is only a miss next time.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/runner.h"

namespace pyflags {

class ResultCache {
 public:
  // Buckets live under `dir` (created, with .gitignore and CACHEDIR.TAG, when the first is written).
  explicit ResultCache(std::filesystem::path dir);
  ~ResultCache();

  const std::filesystem::path& dir() const { return dir_; }

  // The messages stored for the file at `path`, reported as `name`, with this settings fingerprint and
  // exactly these contents; nullopt on a miss. Thread-safe.
  std::optional<std::vector<Message>> load(const std::string& path, const std::string& name, std::string_view settings,
                                           std::string_view content);
  // Remembers `messages` (all of them from `name`) for persist(). Thread-safe.
  void store(const std::string& path, const std::string& name, std::string_view settings, std::string_view content,
             const std::vector<Message>& messages);
  // Writes every bucket that store() changed. Failures are silent after one warning. Buckets only read
  // get their modification time refreshed (at most daily); after a write, buckets untouched for 30 days
  // (old settings, old builds: as ruff drops entries unused for 30 days) and temporary files left by a
  // killed run are deleted.
  void persist();

  // Problems worth one line on stderr (the cache directory could not be created); cleared by the call.
  std::vector<std::string> take_warnings();

 private:
  struct Entry {
    std::uint64_t size = 0, hash = 0;  // of the contents
    std::vector<Message> messages;     // `filename` left empty
  };
  struct Bucket {
    std::filesystem::path file;          // <dir>/<version>/<hash>
    std::filesystem::path directory;     // the absolute directory its files are in
    std::uint64_t check = 0;             // a second, independent hash of the key, stored in the file
    std::mutex mutex;
    bool loaded = false;
    bool hit = false;  // some load() was answered from it in this run
    std::map<std::string, Entry> entries;  // by file name
    std::set<std::string> stored;          // names store()d in this run
  };
  Bucket& bucket_for(const std::string& path, const std::string& name, std::string_view settings);
  void load_bucket(Bucket& bucket);  // under bucket.mutex
  std::optional<std::map<std::string, Entry>> read_bucket(const Bucket& bucket) const;
  bool prepare();  // creates the directories once; false when they cannot be created
  void prune(std::filesystem::file_time_type now);  // see persist()

  std::filesystem::path dir_, buckets_dir_;
  std::string build_;  // version + identity of this binary
  std::unordered_map<std::string_view, const RuleInfo*> rules_;
  std::mutex mutex_;  // guards buckets_
  std::unordered_map<std::string, std::unique_ptr<Bucket>> buckets_;  // by file name
  std::once_flag prepared_once_;
  bool prepared_ = false;
  std::atomic<std::uint64_t> temp_counter_{0};
  std::mutex warnings_mutex_;
  std::vector<std::string> warnings_;
};

// The cache directory for `root` (the directory of the configuration that applies, else "."):
// `override_dir` (--cache-dir) wins, then $PYFLAGS_CACHE_DIR, then `configured` (`cache-dir`, relative to
// `root`), then <root>/.pyflags_cache.
std::filesystem::path resolve_cache_dir(const std::optional<std::string>& override_dir,
                                        const std::optional<std::string>& configured, const std::string& root);

// Whether $PYFLAGS_NO_CACHE asks for no cache (set, and not "", "0", "false", "no" or "off").
bool cache_disabled_by_environment();

// Removes a cache directory made by pyflags (it holds our CACHEDIR.TAG, or is named .pyflags_cache).
// Returns false with `error` set when it exists but is not ours or cannot be removed.
bool remove_cache_dir(const std::filesystem::path& dir, std::string& error);

}  // namespace pyflags
