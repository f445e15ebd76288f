// Unified diffs for --diff: Myers' O((N+M)D) line diff, then hunks with three lines of context.
#include <algorithm>

#include "tfq/fix.hpp"

namespace tfq {
namespace {

constexpr std::size_t kContext = 3;
// Beyond this many differing lines the shortest edit script costs too much memory to find; the diff is
// then one hunk from the first difference to the last, still correct, just not minimal.
constexpr long kMaxEditDistance = 1000;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t eol = text.find('\n', at);
    const std::size_t end = eol == std::string_view::npos ? text.size() : eol + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

enum class Op : char { keep = ' ', remove = '-', add = '+' };

struct Edit {
  Op op;
  std::size_t line;  // in `before` for keep and remove, in `after` for add
};

// The shortest edit script, or an empty optional when it needs more than kMaxEditDistance edits.
std::optional<std::vector<Edit>> myers(const std::vector<std::string_view>& a,
                                       const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = std::min(n + m, kMaxEditDistance);
  std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
  const auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  std::vector<std::vector<long>> trace;  // trace[d]: v[-d-1 .. d+1] before step d
  for (long d = 0; d <= max; ++d) {
    trace.emplace_back(v.begin() + (max + 1 - d - 1), v.begin() + (max + 1 + d + 2));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y;
      at(k) = x;
      if (x < n || y < m) continue;
      // Walk back from (n, m) through the recorded steps.
      std::vector<Edit> edits;
      long px = n, py = m;
      for (long s = d; s >= 0; --s) {
        const std::vector<long>& t = trace[static_cast<std::size_t>(s)];
        const auto tv = [&](long kk) { return t[static_cast<std::size_t>(kk + s + 1)]; };
        const long kk = px - py;
        const long prev_k = (kk == -s || (kk != s && tv(kk - 1) < tv(kk + 1))) ? kk + 1 : kk - 1;
        const long prev_x = s == 0 ? 0 : tv(prev_k);
        const long prev_y = s == 0 ? 0 : prev_x - prev_k;
        while (px > prev_x && py > prev_y) edits.push_back({Op::keep, static_cast<std::size_t>(--px)}), --py;
        if (s == 0) break;
        if (px == prev_x) {
          edits.push_back({Op::add, static_cast<std::size_t>(--py)});
        } else {
          edits.push_back({Op::remove, static_cast<std::size_t>(--px)});
        }
      }
      std::reverse(edits.begin(), edits.end());
      return edits;
    }
  }
  return std::nullopt;
}

// One block of changes around the common prefix and suffix: the fallback for very different texts.
std::vector<Edit> coarse(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < prefix; ++i) edits.push_back({Op::keep, i});
  for (std::size_t i = prefix; i < a.size() - suffix; ++i) edits.push_back({Op::remove, i});
  for (std::size_t i = prefix; i < b.size() - suffix; ++i) edits.push_back({Op::add, i});
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) edits.push_back({Op::keep, i});
  return edits;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

std::string range_text(std::size_t first, std::size_t count) {
  // A hunk that holds no line of one side names the line before it.
  const std::size_t start = count == 0 ? first : first + 1;
  return std::to_string(start) + (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::string unified_diff(std::string_view name, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  const std::vector<Edit> edits = myers(a, b).value_or(coarse(a, b));
  std::string out = "--- " + std::string(name) + "\n+++ " + std::string(name) + "\n";
  // Positions in both files before each edit, to number the hunks.
  std::vector<std::size_t> line_a(edits.size() + 1), line_b(edits.size() + 1);
  for (std::size_t i = 0; i < edits.size(); ++i) {
    line_a[i + 1] = line_a[i] + (edits[i].op != Op::add);
    line_b[i + 1] = line_b[i] + (edits[i].op != Op::remove);
  }
  std::size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].op == Op::keep) {
      ++i;
      continue;
    }
    // A hunk: context before, then changes until a run of more than 2 * kContext kept lines.
    const std::size_t first = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    std::size_t kept_run = 0;
    for (std::size_t j = i; j < edits.size(); ++j) {
      kept_run = edits[j].op == Op::keep ? kept_run + 1 : 0;
      if (kept_run > 2 * kContext) break;
      end = j + 1;
    }
    while (end > i && edits[end - 1].op == Op::keep) --end;
    const std::size_t last = std::min(edits.size(), end + kContext);
    out += "@@ -" + range_text(line_a[first], line_a[last] - line_a[first]) + " +" +
           range_text(line_b[first], line_b[last] - line_b[first]) + " @@\n";
    for (std::size_t j = first; j < last; ++j) {
      const Edit& e = edits[j];
      append_line(out, static_cast<char>(e.op), e.op == Op::add ? b[e.line] : a[e.line]);
    }
    i = last;
  }
  return out;
}

}  // namespace tfq
