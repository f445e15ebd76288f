// Child processes for the benchmark: a small launcher process spawns each child (posix_spawn) and
// measures it (wait4 gives the child's own resource usage); requests and results go through pipes.
#include "processes.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <stdexcept>

extern char** environ;

namespace tfq::bench {

namespace {

int to_launcher = -1;
int from_launcher = -1;

void write_all(int fd, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("launcher pipe closed");
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

bool read_all(int fd, void* data, std::size_t size) {
  auto* bytes = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

ProcessRun spawn_and_wait(const std::vector<std::string>& argv) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  ProcessRun run;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int failed = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) return run;  // exit_code -1: could not start
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
  run.peak_kib = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// The launcher's loop: a request is the argument count, then each argument as length and bytes.
[[noreturn]] void serve(int requests, int results) {
  for (;;) {
    std::uint32_t count = 0;
    if (!read_all(requests, &count, sizeof count)) ::_exit(0);
    std::vector<std::string> argv(count);
    for (auto& arg : argv) {
      std::uint32_t length = 0;
      if (!read_all(requests, &length, sizeof length)) ::_exit(0);
      arg.resize(length);
      if (!read_all(requests, arg.data(), length)) ::_exit(0);
    }
    const ProcessRun run = spawn_and_wait(argv);
    write_all(results, &run, sizeof run);
  }
}

}  // namespace

void start_launcher() {
  int requests[2], results[2];
  if (::pipe(requests) != 0 || ::pipe(results) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::close(requests[1]);
    ::close(results[0]);
    serve(requests[0], results[1]);
  }
  ::close(requests[0]);
  ::close(results[1]);
  to_launcher = requests[1];
  from_launcher = results[0];
}

ProcessRun run_measured(const std::vector<std::string>& argv) {
  if (to_launcher < 0) return spawn_and_wait(argv);
  const auto count = static_cast<std::uint32_t>(argv.size());
  write_all(to_launcher, &count, sizeof count);
  for (const auto& arg : argv) {
    const auto length = static_cast<std::uint32_t>(arg.size());
    write_all(to_launcher, &length, sizeof length);
    write_all(to_launcher, arg.data(), length);
  }
  ProcessRun run;
  if (!read_all(from_launcher, &run, sizeof run)) throw std::runtime_error("the launcher died");
  if (run.exit_code < 0) throw std::runtime_error("cannot run " + argv[0]);
  return run;
}

}  // namespace tfq::bench
