// Runs tfq as a child process and measures it: wall time, CPU time and peak resident memory.
#pragma once

#include <string>
#include <vector>

namespace tfq::bench {

struct ProcessRun {
  double seconds = 0;      // wall time, start to exit
  double cpu_seconds = 0;  // user + system time of the child
  long peak_kib = 0;       // the child's maximum resident set size
  int exit_code = -1;
};

// Call first thing in main, while the benchmark is still small: it forks the launcher that starts every
// measured child. Linux charges a child's peak memory with that of the process it was forked from (exec
// keeps the old image's high-water mark), so children forked from the big benchmark would look big.
void start_launcher();

// Runs argv (looked up on PATH when it has no slash) with stdout and stderr on /dev/null.
ProcessRun run_measured(const std::vector<std::string>& argv);

}  // namespace tfq::bench
