// The --max-* flags that set tfq::Limits, shared by every subcommand that reads input.
#pragma once

#include <CLI/CLI.hpp>

#include "tfq/limits.hpp"

namespace tfq::cli {

// Adds --max-bytes, --max-depth, --max-predicates, --max-in-list, --max-statements and --max-fields to
// `command`, writing into `limits` (whose current values are the defaults shown in --help).
void add_limit_options(CLI::App& command, Limits& limits);

}  // namespace tfq::cli
