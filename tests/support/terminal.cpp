// Pseudo-terminal runs: forkpty, then read the controller side until the program closes it.
#include "support/terminal.hpp"

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace tfq::test {

ProcessResult run_on_terminal(const std::vector<std::string>& argv, const ProcessOptions& options) {
  int controller = -1;
  const pid_t pid = ::forkpty(&controller, nullptr, nullptr, nullptr);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    for (const auto& name : options.unset_env) ::unsetenv(name.c_str());
    for (const auto& [name, value] : options.env) ::setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ProcessResult result;
  char buffer[4096];
  for (;;) {
    const ssize_t r = ::read(controller, buffer, sizeof buffer);
    if (r > 0) {
      result.out.append(buffer, static_cast<std::size_t>(r));
    } else if (r < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO: the program has exited and the terminal is closed
    }
  }
  ::close(controller);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace tfq::test
