#include <catch2/catch.hpp>

#include <cstdlib>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "linter/cache.h"
#include "linter/hash.h"
#include "linter/registry.h"
#include "linter/settings.h"
#include "temp_dir.h"

using namespace pyflags;
namespace fs = std::filesystem;

namespace {

using pyflags::testing::TempDir;

void write(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<Message> sample_messages(const std::string& name) {
  Message plain;
  plain.rule = &find_rule("PF102")->info;
  plain.filename = name;
  plain.location = {2, 12};
  plain.end_location = {2, 18};
  plain.text = "Use `==` to compare with a literal";
  plain.noqa_row = 2;
  plain.source_line = "    return x is 1";
  Message fixed = plain;
  fixed.rule = &find_rule("PF101")->info;
  fixed.location = {1, 9};
  fixed.end_location = {1, 11};
  fixed.text = "Mutable default for `x` — café";
  fixed.noqa_row = 1;
  fixed.source_line = "def f(x=[]):";
  fixed.fix = ResolvedFix{Applicability::Unsafe, "Default `x` to `None`", {{"None", {1, 9}, {1, 11}}, {"    if x is None:\n", {2, 1}, {2, 1}}}};
  return {fixed, plain};
}

void require_same(const std::vector<Message>& a, const std::vector<Message>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].rule == b[i].rule);
    CHECK(a[i].filename == b[i].filename);
    CHECK(a[i].location.row == b[i].location.row);
    CHECK(a[i].location.column == b[i].location.column);
    CHECK(a[i].end_location.row == b[i].end_location.row);
    CHECK(a[i].end_location.column == b[i].end_location.column);
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].noqa_row == b[i].noqa_row);
    CHECK(a[i].source_line == b[i].source_line);
    REQUIRE(a[i].fix.has_value() == b[i].fix.has_value());
    if (!a[i].fix) continue;
    CHECK(a[i].fix->applicability == b[i].fix->applicability);
    CHECK(a[i].fix->title == b[i].fix->title);
    REQUIRE(a[i].fix->edits.size() == b[i].fix->edits.size());
    for (std::size_t e = 0; e < a[i].fix->edits.size(); ++e) {
      CHECK(a[i].fix->edits[e].content == b[i].fix->edits[e].content);
      CHECK(a[i].fix->edits[e].location.row == b[i].fix->edits[e].location.row);
      CHECK(a[i].fix->edits[e].end_location.column == b[i].fix->edits[e].end_location.column);
    }
  }
}

}  // namespace

TEST_CASE("hash64 is XXH64") {
  // Reference values of the published algorithm (checked against libxxhash 0.8.1).
  CHECK(hash64("") == 0xEF46DB3751D8E999ULL);
  CHECK(hash64("a") == 0xD24EC4F1A98C6E5BULL);
  CHECK(hash64("abc") == 0x44BC2CF5AD770999ULL);
  CHECK(hash64("The quick brown fox jumps over the lazy dog") == 0x0B242D361FDA71BCULL);
  CHECK(hash64("abc", 1) != hash64("abc"));
  CHECK(hex64(0x0123456789abcdefULL) == "0123456789abcdef");
  // Every tail length and both paths (< 32 and >= 32 bytes) change with every byte.
  std::mt19937 rng(7);
  for (std::size_t n = 1; n < 80; ++n) {
    std::string s(n, 'x');
    for (char& c : s) c = static_cast<char>(rng());
    const std::uint64_t h = hash64(s);
    for (std::size_t i = 0; i < n; ++i) {
      std::string t = s;
      t[i] = static_cast<char>(t[i] ^ 1);
      CHECK(hash64(t) != h);
    }
  }
}

// The bucket files of a cache directory.
std::vector<fs::path> buckets(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir / PYFLAGS_VERSION, ec)) out.push_back(e.path());
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_CASE("cached messages round-trip every field a format prints") {
  TempDir tmp("pyflags-cache-test");
  const fs::path dir = tmp.path / "cache";
  const std::string a = (tmp.path / "a.py").string(), b = (tmp.path / "b.py").string();
  write(a, "x = 1\n");
  write(b, "y = 2\n");
  {
    ResultCache cache(dir);
    CHECK_FALSE(cache.load(a, "a.py", "settings-1", "x = 1\n"));
    cache.store(a, "a.py", "settings-1", "x = 1\n", sample_messages("a.py"));
    cache.store(b, "b.py", "settings-1", "y = 2\n", {});
    CHECK_FALSE(fs::exists(dir));  // nothing is written before persist()
    cache.persist();
    CHECK(cache.take_warnings().empty());
  }
  CHECK(fs::exists(dir / ".gitignore"));
  CHECK(fs::exists(dir / "CACHEDIR.TAG"));
  CHECK(buckets(dir).size() == 1);  // one bucket for one directory and one fingerprint
  ResultCache cache(dir);
  const auto hit = cache.load(a, "a.py", "settings-1", "x = 1\n");
  REQUIRE(hit);
  require_same(*hit, sample_messages("a.py"));
  const auto clean = cache.load(b, "b.py", "settings-1", "y = 2\n");
  REQUIRE(clean);
  CHECK(clean->empty());
  CHECK_FALSE(cache.load(a, "a.py", "settings-2", "x = 1\n"));   // other settings
  CHECK_FALSE(cache.load(a, "./a.py", "settings-1", "x = 1\n"));  // reported under another name
  CHECK_FALSE(cache.load(a, "a.py", "settings-1", "x = 2\n"));   // same size, other bytes
  CHECK_FALSE(cache.load(a, "a.py", "settings-1", "x = 1\n\n"));
}

TEST_CASE("a damaged bucket is a miss, and the next persist replaces it") {
  TempDir tmp("pyflags-cache-test");
  const fs::path dir = tmp.path / "cache";
  const std::string a = (tmp.path / "a.py").string();
  write(a, "x = 1\n");
  {
    ResultCache cache(dir);
    cache.store(a, "a.py", "s", "x = 1\n", sample_messages("a.py"));
    cache.persist();
  }
  REQUIRE(buckets(dir).size() == 1);
  const fs::path bucket = buckets(dir)[0];
  const std::string good = slurp(bucket);
  auto loads = [&] { return ResultCache(dir).load(a, "a.py", "s", "x = 1\n").has_value(); };
  REQUIRE(loads());
  for (std::size_t cut = 0; cut < good.size(); cut += 7) {  // every truncation
    write(bucket, good.substr(0, cut));
    CHECK_FALSE(loads());
  }
  for (std::size_t i = 0; i < good.size(); ++i) {  // every flipped byte
    std::string damaged = good;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x40);
    write(bucket, damaged);
    CHECK_FALSE(loads());
  }
  std::mt19937 rng(3);
  for (int round = 0; round < 100; ++round) {  // random garbage never crashes
    std::string garbage(static_cast<std::size_t>(rng() % 300), '\0');
    for (char& c : garbage) c = static_cast<char>(rng());
    write(bucket, garbage);
    CHECK_FALSE(loads());
  }
  fs::remove(bucket);
  fs::create_directory(bucket);  // not even a file
  CHECK_FALSE(loads());
  fs::remove(bucket);
  write(bucket, "garbage");
  {
    ResultCache cache(dir);
    CHECK_FALSE(cache.load(a, "a.py", "s", "x = 1\n"));
    cache.store(a, "a.py", "s", "x = 1\n", {});
    cache.persist();
  }
  CHECK(loads());
  CHECK(buckets(dir).size() == 1);  // no temporary file left behind
}

TEST_CASE("persist merges with the bucket on disk and drops files that are gone") {
  TempDir tmp("pyflags-cache-test");
  const fs::path dir = tmp.path / "cache";
  const std::string a = (tmp.path / "a.py").string(), b = (tmp.path / "b.py").string();
  write(a, "x = 1\n");
  write(b, "y = 2\n");
  ResultCache first(dir), second(dir);  // two runs at once
  first.store(a, "a.py", "s", "x = 1\n", {});
  second.store(b, "b.py", "s", "y = 2\n", {});
  first.persist();
  second.persist();
  CHECK(ResultCache(dir).load(a, "a.py", "s", "x = 1\n"));
  CHECK(ResultCache(dir).load(b, "b.py", "s", "y = 2\n"));
  fs::remove(a);
  ResultCache third(dir);
  third.store(b, "b.py", "s", "y = 3\n", {});
  third.persist();
  CHECK_FALSE(ResultCache(dir).load(a, "a.py", "s", "x = 1\n"));
  CHECK(ResultCache(dir).load(b, "b.py", "s", "y = 3\n"));
}

TEST_CASE("a cache directory that cannot be created disables the cache with one warning") {
  TempDir tmp("pyflags-cache-test");
  write(tmp.path / "file", "not a directory");
  ResultCache cache(tmp.path / "file" / "cache");
  cache.store("a.py", "a.py", "s", "x = 1\n", {});
  cache.store("sub/b.py", "sub/b.py", "s", "x = 1\n", {});
  cache.persist();
  CHECK(cache.take_warnings().size() == 1);
  CHECK_FALSE(ResultCache(tmp.path / "file" / "cache").load("a.py", "a.py", "s", "x = 1\n"));
}

TEST_CASE("the cache directory: --cache-dir, then $PYFLAGS_CACHE_DIR, then cache-dir, then the project") {
  ::unsetenv("PYFLAGS_CACHE_DIR");
  CHECK(resolve_cache_dir(std::nullopt, std::nullopt, "/proj") == fs::path("/proj/.pyflags_cache"));
  CHECK(resolve_cache_dir(std::nullopt, std::string("build/lint"), "/proj") == fs::path("/proj/build/lint"));
  CHECK(resolve_cache_dir(std::nullopt, std::string("/var/c"), "/proj") == fs::path("/var/c"));
  ::setenv("PYFLAGS_CACHE_DIR", "/env/c", 1);
  CHECK(resolve_cache_dir(std::nullopt, std::string("build/lint"), "/proj") == fs::path("/env/c"));
  CHECK(resolve_cache_dir(std::string("cli"), std::string("build/lint"), "/proj") == fs::path("cli"));
  ::unsetenv("PYFLAGS_CACHE_DIR");
  ::setenv("PYFLAGS_NO_CACHE", "0", 1);
  CHECK_FALSE(cache_disabled_by_environment());
  ::setenv("PYFLAGS_NO_CACHE", "1", 1);
  CHECK(cache_disabled_by_environment());
  ::unsetenv("PYFLAGS_NO_CACHE");
  CHECK_FALSE(cache_disabled_by_environment());
}

TEST_CASE("pyflags clean removes only directories pyflags made") {
  TempDir tmp("pyflags-cache-test");
  const fs::path ours = tmp.path / "custom";
  {
    ResultCache cache(ours);
    cache.store((tmp.path / "a.py").string(), "a.py", "s", "", {});
    cache.persist();
  }
  REQUIRE(fs::exists(ours / "CACHEDIR.TAG"));
  std::string error;
  CHECK(remove_cache_dir(ours, error));
  CHECK_FALSE(fs::exists(ours));
  CHECK(remove_cache_dir(tmp.path / "missing", error));  // nothing to do
  fs::create_directories(tmp.path / "src");
  write(tmp.path / "src" / "keep.py", "x = 1\n");
  CHECK_FALSE(remove_cache_dir(tmp.path / "src", error));
  CHECK(fs::exists(tmp.path / "src" / "keep.py"));
}

TEST_CASE("the settings fingerprint changes with what changes results") {
  TempDir tmp("pyflags-cache-test");
  const fs::path file = tmp.path / "a.py";
  write(file, "x = 1\n");
  auto fingerprint = [&](CliOverrides cli) {
    Settings settings(std::move(cli), std::nullopt, true);
    return settings.for_file(file.string()).fingerprint();
  };
  const std::string base = fingerprint({});
  CHECK(fingerprint({}) == base);
  CHECK(fingerprint({.select = std::vector<std::string>{"PF1"}}) != base);
  CHECK(fingerprint({.ignore = {"PF101"}}) != base);
  CHECK(fingerprint({.target_minor = 12}) != base);
  // The configuration file's bytes are part of it (per-rule options, and anything added later).
  write(tmp.path / "pyflags.toml", "select = [\"PF1\"]\n");
  auto configured = [&] {
    Settings settings({}, (tmp.path / "pyflags.toml").string(), false);
    return settings.for_file(file.string()).fingerprint();
  };
  const std::string with_config = configured();
  write(tmp.path / "pyflags.toml", "select = [\"PF1\"]  # same selection, other bytes\n");
  CHECK(configured() != with_config);
}

TEST_CASE("buckets in use are kept fresh; month-old buckets and stale temporary files are pruned on write") {
  TempDir tmp("pyflags-cache-test");
  const fs::path dir = tmp.path / "cache";
  const std::string a = (tmp.path / "a.py").string();
  const std::string b = (tmp.path / "sub" / "b.py").string();
  write(a, "x = 1\n");
  fs::create_directories(tmp.path / "sub");
  write(b, "y = 2\n");
  {
    ResultCache cache(dir);
    cache.store(a, "a.py", "s", "x = 1\n", sample_messages("a.py"));
    cache.persist();
  }
  REQUIRE(buckets(dir).size() == 1);
  const fs::path in_use = buckets(dir)[0];
  const auto now = fs::file_time_type::clock::now();
  const fs::path old_bucket = dir / PYFLAGS_VERSION / "00000000000000aa";
  const fs::path recent_bucket = dir / PYFLAGS_VERSION / "00000000000000bb";
  const fs::path stale_temp = dir / PYFLAGS_VERSION / "00000000000000cc.123.0.tmp";
  const fs::path fresh_temp = dir / PYFLAGS_VERSION / "00000000000000dd.456.0.tmp";
  for (const fs::path& p : {old_bucket, recent_bucket, stale_temp, fresh_temp}) write(p, "x");
  fs::last_write_time(old_bucket, now - std::chrono::hours(24 * 31));
  fs::last_write_time(recent_bucket, now - std::chrono::hours(24 * 29));
  fs::last_write_time(stale_temp, now - std::chrono::hours(2));
  fs::last_write_time(in_use, now - std::chrono::hours(24 * 20));
  {
    // A run that only reads `a` refreshes its bucket, and writes nothing, so prunes nothing.
    ResultCache cache(dir);
    REQUIRE(cache.load(a, "a.py", "s", "x = 1\n"));
    cache.persist();
    CHECK(fs::last_write_time(in_use) > now - std::chrono::hours(1));
    CHECK(fs::exists(old_bucket));
  }
  {
    // A run that writes prunes what is a month old, and temporary files over an hour old.
    ResultCache cache(dir);
    cache.store(b, "sub/b.py", "s", "y = 2\n", {});
    cache.persist();
  }
  CHECK_FALSE(fs::exists(old_bucket));
  CHECK_FALSE(fs::exists(stale_temp));
  CHECK(fs::exists(recent_bucket));
  CHECK(fs::exists(fresh_temp));
  CHECK(fs::exists(in_use));
  ResultCache cache(dir);
  CHECK(cache.load(a, "a.py", "s", "x = 1\n"));
}
