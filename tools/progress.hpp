// Progress on stderr, only when stderr is a terminal: one line rewritten in place, and a download bar.
// Also the interrupt flag that lets Ctrl-C stop a download cleanly (no partial file left behind).
#pragma once

#include <cstdint>
#include <string>

namespace tfq::cli {

class ProgressLine {
 public:
  ProgressLine();  // enabled when stderr is a terminal
  ~ProgressLine() { clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool enabled() const { return enabled_; }
  void show(const std::string& text);  // replaces the line
  void clear();

 private:
  bool enabled_ = false;
  bool shown_ = false;
};

// "[##########..........]  48%  1.2 MB of 2.5 MB", or the byte count alone when the total is unknown.
std::string progress_bar(std::uint64_t done, std::uint64_t total);
// "1m05s"
std::string elapsed_text(std::int64_t milliseconds);

// While one exists, SIGINT and SIGTERM set a flag instead of killing tfq, so a transfer can stop and clean
// up; the previous handlers come back when it goes.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  static bool interrupted();
};

}  // namespace tfq::cli
