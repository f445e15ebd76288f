// Runs the real tfq binary (or any program) for CLI tests: stdin in; stdout, stderr and exit code out.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tfq::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::string stdin_text;
  std::string working_directory;           // empty: the current directory
  std::map<std::string, std::string> env;  // set in addition to the inherited environment
  std::vector<std::string> unset_env;      // removed from the inherited environment
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// For a forked child: enters the options' working directory, applies their environment and executes argv.
// Never returns: exits with 127 when the directory or the program cannot be entered.
[[noreturn]] void exec_child(const std::vector<std::string>& argv, const ProcessOptions& options);

// Runs build/tfq with the given arguments; NO_COLOR is set so output is plain. When the environment
// variable TFQ_TEST_WRAPPER is set, its words come first (tfq runs under valgrind, for instance).
ProcessResult run_tfq(const std::vector<std::string>& args, const ProcessOptions& options = {});

// A fresh empty directory under the system temp dir, removed at the end of the test process.
std::string make_temp_dir();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

}  // namespace tfq::test
