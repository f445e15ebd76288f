// Runs tfq as a child process and measures it: wall time and peak resident memory (from wait4).
#pragma once

#include <string>
#include <vector>

namespace tfq::bench {

struct ProcessRun {
  double seconds = 0;
  long peak_kib = 0;  // the child's maximum resident set size
  int exit_code = -1;
};

// stdout and stderr go to /dev/null; the program is looked up on PATH when it has no slash.
ProcessRun run_measured(const std::vector<std::string>& argv);

}  // namespace tfq::bench
