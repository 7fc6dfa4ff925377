#include "linter/cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <utility>

#include "linter/hash.h"
#include "linter/registry.h"

namespace pyflags {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "PFB1";
constexpr std::uint32_t kFormat = 1;
constexpr std::uint64_t kCheckSeed = 0x9E3779B97F4A7C15ULL, kChecksumSeed = 2;
constexpr std::size_t kMaxBucketBytes = std::size_t{1} << 28;
constexpr std::string_view kTagSignature = "Signature: 8a477f597d28d172789f06886806bc55";

// Little-endian writer and a bounds-checked reader: a short or garbled bucket only ever fails to decode.
struct Writer {
  std::string out;
  void u8(std::uint8_t v) { out.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i, v >>= 8) out.push_back(static_cast<char>(v & 0xff));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i, v >>= 8) out.push_back(static_cast<char>(v & 0xff));
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
  void location(const Location& l) {
    u32(l.row);
    u32(l.column);
  }
};

struct Reader {
  std::string_view in;
  bool ok = true;
  bool take(std::size_t n) {
    if (!ok || in.size() < n) return ok = false;
    return true;
  }
  std::uint8_t u8() {
    if (!take(1)) return 0;
    const auto v = static_cast<std::uint8_t>(in[0]);
    in.remove_prefix(1);
    return v;
  }
  std::uint64_t uint(int bytes) {
    if (!take(static_cast<std::size_t>(bytes))) return 0;
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[static_cast<std::size_t>(i)]);
    in.remove_prefix(static_cast<std::size_t>(bytes));
    return v;
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(uint(4)); }
  std::uint64_t u64() { return uint(8); }
  std::string str() {
    const std::uint32_t n = u32();
    if (!take(n)) return {};
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
  Location location() {
    Location l;
    l.row = u32();
    l.column = u32();
    return l;
  }
};

// This binary: its version and, where the system tells, the size and modification time of its
// executable, so a rebuilt pyflags (rules changed, version not) never trusts an older build's results.
std::string build_identity() {
  std::string id = std::string("pyflags ") + PYFLAGS_VERSION;
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0) {
    id += " exe:" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
          std::to_string(st.st_mtim.tv_nsec);
  }
  return id;
}

std::optional<std::string> read_small_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= kMaxBucketBytes) {
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    if (got == bytes.size()) out = std::move(bytes);
  }
  ::close(fd);
  return out;
}

// Writes `bytes` to `target` through a temporary file in the same directory and a rename.
bool write_replacing(const fs::path& target, std::string_view bytes, std::uint64_t unique) {
  const std::string tmp = target.string() + "." + std::to_string(::getpid()) + "." + std::to_string(unique) + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t written = 0; ok && written < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok = false;
    else written += static_cast<std::size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(tmp.c_str(), target.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

void write_messages(Writer& w, const std::vector<Message>& messages) {
  w.u32(static_cast<std::uint32_t>(messages.size()));
  for (const Message& m : messages) {
    w.str(m.rule->code);
    w.location(m.location);
    w.location(m.end_location);
    w.str(m.text);
    w.u32(m.noqa_row);
    w.str(m.source_line);
    w.u8(m.fix ? 1 : 0);
    if (m.fix) {
      w.u8(static_cast<std::uint8_t>(m.fix->applicability));
      w.str(m.fix->title);
      w.u32(static_cast<std::uint32_t>(m.fix->edits.size()));
      for (const ResolvedEdit& e : m.fix->edits) {
        w.str(e.content);
        w.location(e.location);
        w.location(e.end_location);
      }
    }
  }
}

bool read_messages(Reader& r, const std::unordered_map<std::string_view, const RuleInfo*>& rules,
                   std::vector<Message>& messages) {
  const std::uint32_t count = r.u32();
  if (count > r.in.size() / 30) return false;  // each message takes at least 30 bytes
  messages.reserve(count);
  for (std::uint32_t i = 0; i < count && r.ok; ++i) {
    Message m;
    const auto rule = rules.find(r.str());
    if (rule == rules.end()) return false;
    m.rule = rule->second;
    m.location = r.location();
    m.end_location = r.location();
    m.text = r.str();
    m.noqa_row = r.u32();
    m.source_line = r.str();
    const std::uint8_t has_fix = r.u8();
    if (has_fix > 1) return false;
    if (has_fix == 1) {
      const std::uint8_t applicability = r.u8();
      if (applicability > static_cast<std::uint8_t>(Applicability::Unsafe)) return false;
      ResolvedFix fix{static_cast<Applicability>(applicability), r.str(), {}};
      const std::uint32_t edits = r.u32();
      if (edits > r.in.size() / 20) return false;
      for (std::uint32_t e = 0; e < edits && r.ok; ++e) {
        ResolvedEdit edit;
        edit.content = r.str();
        edit.location = r.location();
        edit.end_location = r.location();
        fix.edits.push_back(std::move(edit));
      }
      m.fix = std::move(fix);
    }
    messages.push_back(std::move(m));
  }
  return r.ok;
}

}  // namespace

ResultCache::ResultCache(fs::path dir)
    : dir_(std::move(dir)), buckets_dir_(dir_ / PYFLAGS_VERSION), build_(build_identity()) {
  for (const Rule* rule : all_rules()) rules_.emplace(rule->info.code, &rule->info);
}

ResultCache::~ResultCache() = default;

ResultCache::Bucket& ResultCache::bucket_for(const std::string& path, const std::string& name, std::string_view settings) {
  std::error_code ec;
  const fs::path directory = fs::absolute(path, ec).lexically_normal().parent_path();
  const std::size_t slash = name.find_last_of('/');
  std::string material = build_;
  material.push_back('\0');
  material.append(settings);
  material.push_back('\0');
  material += directory.string();
  material.push_back('\0');
  // Rules see the name (`__init__.py` and the directories above it, `.pyi`), so how the directory is
  // spelled on the command line is part of the key.
  material.append(slash == std::string::npos ? std::string_view{} : std::string_view(name).substr(0, slash));
  std::string id = hex64(hash64(material));
  std::lock_guard lock(mutex_);
  std::unique_ptr<Bucket>& bucket = buckets_[id];
  if (!bucket) {
    bucket = std::make_unique<Bucket>();
    bucket->file = buckets_dir_ / id;
    bucket->directory = directory;
    bucket->check = hash64(material, kCheckSeed);
  }
  return *bucket;
}

std::optional<std::map<std::string, ResultCache::Entry>> ResultCache::read_bucket(const Bucket& bucket) const {
  const std::optional<std::string> bytes = read_small_file(bucket.file);
  if (!bytes || bytes->size() < kMagic.size() + 4 + 8 + 4 + 8) return std::nullopt;
  const std::string_view body = std::string_view(*bytes).substr(0, bytes->size() - 8);
  Reader tail{std::string_view(*bytes).substr(bytes->size() - 8)};
  if (tail.u64() != hash64(body, kChecksumSeed) || !body.starts_with(kMagic)) return std::nullopt;
  Reader r{body.substr(kMagic.size())};
  if (r.u32() != kFormat || r.u64() != bucket.check) return std::nullopt;
  const std::uint32_t count = r.u32();
  if (count > r.in.size() / 24) return std::nullopt;  // each entry takes at least 24 bytes
  std::map<std::string, Entry> entries;
  for (std::uint32_t i = 0; i < count && r.ok; ++i) {
    std::string name = r.str();
    Entry entry;
    entry.size = r.u64();
    entry.hash = r.u64();
    if (!read_messages(r, rules_, entry.messages)) return std::nullopt;
    entries.insert_or_assign(std::move(name), std::move(entry));
  }
  if (!r.ok || !r.in.empty()) return std::nullopt;
  return entries;
}

void ResultCache::load_bucket(Bucket& bucket) {
  if (bucket.loaded) return;
  bucket.loaded = true;
  if (auto entries = read_bucket(bucket)) bucket.entries = std::move(*entries);
}

std::optional<std::vector<Message>> ResultCache::load(const std::string& path, const std::string& name,
                                                      std::string_view settings, std::string_view content) {
  Bucket& bucket = bucket_for(path, name, settings);
  const std::string base = name.substr(name.find_last_of('/') + 1);  // npos + 1 == 0
  std::lock_guard lock(bucket.mutex);
  load_bucket(bucket);
  const auto it = bucket.entries.find(base);
  // Trusted only for the same bytes: a same-size edit that keeps the mtime (touch -d, cp -p) is seen.
  if (it == bucket.entries.end() || it->second.size != content.size() || it->second.hash != hash64(content)) {
    return std::nullopt;
  }
  bucket.hit = true;
  std::vector<Message> messages = it->second.messages;
  for (Message& m : messages) m.filename = name;
  return messages;
}

void ResultCache::store(const std::string& path, const std::string& name, std::string_view settings,
                        std::string_view content, const std::vector<Message>& messages) {
  Bucket& bucket = bucket_for(path, name, settings);
  std::string base = name.substr(name.find_last_of('/') + 1);
  Entry entry{content.size(), hash64(content), messages};
  for (Message& m : entry.messages) m.filename.clear();
  std::lock_guard lock(bucket.mutex);
  bucket.stored.insert(base);
  bucket.entries.insert_or_assign(std::move(base), std::move(entry));
}

bool ResultCache::prepare() {
  std::call_once(prepared_once_, [&] {
    std::error_code ec;
    fs::create_directories(buckets_dir_, ec);
    if (!fs::is_directory(buckets_dir_, ec)) {
      std::lock_guard lock(warnings_mutex_);
      warnings_.push_back("cache disabled: cannot create " + buckets_dir_.string() + (ec ? ": " + ec.message() : ""));
      return;
    }
    // As ruff does: the directory ignores itself in git and is tagged as a cache for backup tools.
    const std::pair<const char*, std::string> marks[] = {
        {".gitignore", "# Automatically created by pyflags.\n*\n"},
        {"CACHEDIR.TAG", std::string(kTagSignature) +
                             "\n# This file is a cache directory tag created by pyflags.\n"
                             "# For information about cache directory tags, see:\n#\thttps://bford.info/cachedir/\n"}};
    for (const auto& [file, text] : marks) {
      if (!fs::exists(dir_ / file, ec)) write_replacing(dir_ / file, text, temp_counter_++);
    }
    prepared_ = true;
  });
  return prepared_;
}

void ResultCache::persist() {
  std::lock_guard lock(mutex_);
  const auto now = fs::file_time_type::clock::now();
  bool wrote = false;
  for (auto& entry_of_id : buckets_) {
    Bucket* const bucket = entry_of_id.second.get();  // not a structured binding: lambdas below capture it
    std::lock_guard bucket_lock(bucket->mutex);
    if (bucket->stored.empty()) {
      std::error_code ec;
      if (bucket->hit && fs::last_write_time(bucket->file, ec) < now - std::chrono::hours(24) && !ec) {
        fs::last_write_time(bucket->file, now, ec);  // still in use: keep it from being pruned
      }
      continue;
    }
    wrote = true;
    if (!prepare()) return;
    // Merge with the bucket as it is on disk now (another run may have written it meanwhile): this run's
    // entries win; others stay while their file exists.
    std::map<std::string, Entry> merged = read_bucket(*bucket).value_or(std::map<std::string, Entry>{});
    std::error_code ec;
    std::erase_if(merged, [&](const auto& item) {
      return !bucket->stored.contains(item.first) && !fs::exists(bucket->directory / item.first, ec);
    });
    for (const std::string& name : bucket->stored) merged.insert_or_assign(name, bucket->entries.at(name));
    Writer w;
    w.out.append(kMagic);
    w.u32(kFormat);
    w.u64(bucket->check);
    w.u32(static_cast<std::uint32_t>(merged.size()));
    for (const auto& [name, entry] : merged) {
      w.str(name);
      w.u64(entry.size);
      w.u64(entry.hash);
      write_messages(w, entry.messages);
    }
    w.u64(hash64(w.out, kChecksumSeed));
    write_replacing(bucket->file, w.out, temp_counter_++);
    bucket->entries = std::move(merged);
    bucket->stored.clear();
  }
  if (wrote) prune(now);
}

constexpr auto kBucketMaxAge = std::chrono::hours(24 * 30);
constexpr auto kTemporaryMaxAge = std::chrono::hours(1);

void ResultCache::prune(fs::file_time_type now) {
  std::error_code ec;
  for (fs::directory_iterator it(buckets_dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    const auto age = now - it->last_write_time(entry_ec);
    if (entry_ec) continue;
    // A temporary file an hour old was left by a killed run; a bucket a month old serves nobody.
    const bool temporary = it->path().extension() == ".tmp";
    if (age > (temporary ? kTemporaryMaxAge : kBucketMaxAge)) fs::remove(it->path(), entry_ec);
  }
}

std::vector<std::string> ResultCache::take_warnings() {
  std::lock_guard lock(warnings_mutex_);
  return std::exchange(warnings_, {});
}

fs::path resolve_cache_dir(const std::optional<std::string>& override_dir, const std::optional<std::string>& configured,
                           const std::string& root) {
  if (override_dir && !override_dir->empty()) return *override_dir;
  if (const char* env = std::getenv("PYFLAGS_CACHE_DIR"); env != nullptr && *env != '\0') return env;
  const fs::path base = root.empty() ? fs::path(".") : fs::path(root);
  if (configured && !configured->empty()) return base / *configured;  // an absolute path replaces `base`
  return base / ".pyflags_cache";
}

bool cache_disabled_by_environment() {
  const char* env = std::getenv("PYFLAGS_NO_CACHE");
  if (env == nullptr) return false;
  std::string v(env);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return !(v.empty() || v == "0" || v == "false" || v == "no" || v == "off");
}

bool remove_cache_dir(const fs::path& given, std::string& error) {
  std::error_code ec;
  fs::path dir = given.lexically_normal();
  if (!dir.has_filename() && dir.has_parent_path()) dir = dir.parent_path();  // "x/.pyflags_cache/"
  if (!fs::exists(fs::symlink_status(dir, ec))) return true;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) {
    error = dir.string() + ": not a directory; left alone";
    return false;
  }
  const std::optional<std::string> tag = read_small_file(dir / "CACHEDIR.TAG");
  const bool ours = (tag && tag->starts_with(kTagSignature) && tag->find("pyflags") != std::string::npos) ||
                    dir.filename() == ".pyflags_cache";
  if (!ours) {
    error = dir.string() + ": not a pyflags cache (no CACHEDIR.TAG written by pyflags); left alone";
    return false;
  }
  fs::remove_all(dir, ec);
  if (ec) {
    error = dir.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace pyflags
