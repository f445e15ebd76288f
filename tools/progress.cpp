// Terminal progress lines and bars, and the interrupt flag.
#include "progress.hpp"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace tfq::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_interrupt(int) {
  g_interrupted = 1;
}

std::string bytes_text(std::uint64_t bytes) {
  char buffer[32];
  if (bytes < 1024 * 1024) {
    std::snprintf(buffer, sizeof buffer, "%.1f kB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buffer;
}

}  // namespace

ProgressLine::ProgressLine() : enabled_(::isatty(STDERR_FILENO) == 1) {}

void ProgressLine::show(const std::string& text) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\x1b[2K%s", text.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::clear() {
  if (!enabled_ || !shown_) return;
  std::fputs("\r\x1b[2K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

std::string progress_bar(std::uint64_t done, std::uint64_t total) {
  if (total == 0) return bytes_text(done);
  constexpr int kWidth = 30;
  const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                    std::string(static_cast<std::size_t>(kWidth - filled), '.') + "]";
  char tail[64];
  std::snprintf(tail, sizeof tail, " %3d%%  %s of %s", static_cast<int>(fraction * 100),
                bytes_text(done).c_str(), bytes_text(total).c_str());
  return bar + tail;
}

std::string elapsed_text(std::int64_t milliseconds) {
  const std::int64_t seconds = milliseconds / 1000;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lldm%02llds", static_cast<long long>(seconds / 60),
                static_cast<long long>(seconds % 60));
  return buffer;
}

InterruptGuard::InterruptGuard() {
  g_interrupted = 0;
  struct sigaction action {};
  action.sa_handler = &on_interrupt;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &g_old_int);
  ::sigaction(SIGTERM, &action, &g_old_term);
}

InterruptGuard::~InterruptGuard() {
  ::sigaction(SIGINT, &g_old_int, nullptr);
  ::sigaction(SIGTERM, &g_old_term, nullptr);
}

bool InterruptGuard::interrupted() {
  return g_interrupted != 0;
}

}  // namespace tfq::cli
