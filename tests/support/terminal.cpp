// Pseudo-terminal runs: forkpty, then read the controller side until the program closes it.
#include "support/terminal.hpp"

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace tfq::test {

ProcessResult run_on_terminal(const std::vector<std::string>& argv, const ProcessOptions& options) {
  int controller = -1;
  const pid_t pid = ::forkpty(&controller, nullptr, nullptr, nullptr);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    exec_child(argv, options);
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
