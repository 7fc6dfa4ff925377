#include "linter/diff.h"

#include <algorithm>
#include <vector>

namespace pyflags {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op : char { Keep = ' ', Remove = '-', Add = '+' };

// Myers' O(ND) shortest edit script, as a sequence of keep/remove/add over lines. The trace keeps only
// the diagonals -d..d of each step (O(D^2) memory); past kMaxD differences, the changed middle is
// replaced wholesale: still a correct diff, only not a minimal one.
constexpr int kMaxD = 2000;

std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  // Common prefix and suffix need no search.
  std::size_t prefix = 0, suffix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const int n = static_cast<int>(a.size() - prefix - suffix), m = static_cast<int>(b.size() - prefix - suffix);
  auto A = [&](int i) { return a[prefix + i]; };
  auto B = [&](int i) { return b[prefix + i]; };
  std::vector<Op> middle;
  const int max = std::min(n + m, kMaxD);
  std::vector<int> v(2 * static_cast<std::size_t>(max) + 3, 0);
  const int off = max + 1;
  std::vector<std::vector<int>> trace;  // trace[d][k + d] = furthest x on diagonal k after d steps
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[k - 1 + off] < v[k + 1 + off])) ? v[k + 1 + off] : v[k - 1 + off] + 1;
      int y = x - k;
      while (x < n && y < m && A(x) == B(y)) ++x, ++y;
      v[k + off] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.emplace_back(v.begin() + off - d, v.begin() + off + d + 1);
  }
  if (found < 0) {
    middle.assign(static_cast<std::size_t>(n), Op::Remove);
    middle.insert(middle.end(), static_cast<std::size_t>(m), Op::Add);
  } else {
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
      const std::vector<int>& pv = trace[d - 1];  // the state before step d
      auto at = [&](int k) { return pv[k + d - 1]; };
      const int k = x - y;
      const int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
      const int prev_x = at(prev_k), prev_y = prev_x - prev_k;
      while (x > prev_x && y > prev_y) middle.push_back(Op::Keep), --x, --y;
      middle.push_back(x == prev_x ? Op::Add : Op::Remove);
      x = prev_x;
      y = prev_y;
    }
    while (x > 0 && y > 0) middle.push_back(Op::Keep), --x, --y;
    std::reverse(middle.begin(), middle.end());
  }
  std::vector<Op> ops(prefix, Op::Keep);
  ops.insert(ops.end(), middle.begin(), middle.end());
  ops.insert(ops.end(), suffix, Op::Keep);
  return ops;
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out.push_back(prefix);
  out.append(line);
  if (line.empty() || line.back() != '\n') out.append("\n\\ No newline at end of file\n");
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view a_name,
                         std::string_view b_name, int context) {
  if (before == after) return {};
  const auto a = split_lines(before), b = split_lines(after);
  const std::vector<Op> ops = edit_script(a, b);
  // Positions (in a and b) at the start of each op.
  std::vector<int> ai(ops.size() + 1), bi(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    ai[i + 1] = ai[i] + (ops[i] != Op::Add);
    bi[i + 1] = bi[i] + (ops[i] != Op::Remove);
  }
  std::string out;
  out.append("--- ").append(a_name).append("\n+++ ").append(b_name).append("\n");
  std::size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i] == Op::Keep) ++i;
    if (i == ops.size()) break;
    // Grow a hunk from the first change, merging changes closer than 2*context lines.
    std::size_t start = i >= static_cast<std::size_t>(context) ? i - context : 0;
    while (start < i && ops[start] != Op::Keep) ++start;
    std::size_t end = i, keep_run = 0;
    for (std::size_t j = i; j < ops.size(); ++j) {
      if (ops[j] == Op::Keep) {
        if (++keep_run > static_cast<std::size_t>(2 * context)) break;
      } else {
        keep_run = 0;
        end = j + 1;
      }
    }
    const std::size_t stop = std::min(ops.size(), end + context);
    const int a_count = ai[stop] - ai[start], b_count = bi[stop] - bi[start];
    auto range = [&out](int from, int count) {
      out.append(std::to_string(count == 0 ? from : from + 1));
      if (count != 1) out.append(",").append(std::to_string(count));
    };
    out.append("@@ -");
    range(ai[start], a_count);
    out.append(" +");
    range(bi[start], b_count);
    out.append(" @@\n");
    for (std::size_t j = start; j < stop; ++j) {
      if (ops[j] == Op::Keep) append_line(out, ' ', a[ai[j]]);
      else if (ops[j] == Op::Remove) append_line(out, '-', a[ai[j]]);
      else append_line(out, '+', b[bi[j]]);
    }
    i = stop;
  }
  return out;
}

}  // namespace pyflags
