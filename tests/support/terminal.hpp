// Runs a program on a pseudo-terminal, to test what a user at a terminal sees (colour, for instance).
#pragma once

#include <string>
#include <vector>

#include "support/process.hpp"

namespace tfq::test {

// stdin, stdout and stderr are one terminal, so everything the program writes arrives in `out`, with the
// terminal's "\r\n" line endings. Only `env` and `unset_env` of the options are used.
ProcessResult run_on_terminal(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace tfq::test
