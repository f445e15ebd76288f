// What every subcommand shares: exit codes and the registration hook each cmd_*.cpp provides.
#pragma once

#include <CLI/CLI.hpp>

namespace tfq::cli {

// Exit codes, documented in the README.
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;  // errors found in the input (or warnings with --warnings-as-errors)
inline constexpr int exit_usage = 2;     // bad flags, unreadable files
inline constexpr int exit_rejected = 3;  // the server rejected a request
inline constexpr int exit_network = 4;   // network failure, or gave up retrying
inline constexpr int exit_unknown = 5;   // a request's outcome is unknown

// A subcommand's callback stores its exit code here; main returns it.
struct CommandRegistry {
  int exit_code = exit_ok;
};

// Each cmd_*.cpp defines one register_* function. register_commands calls the one `first_argument` names
// (argv[1]), or all of them when it names none (--help, --version, a typo: all are needed to answer).
void register_commands(CLI::App& app, CommandRegistry& registry, std::string_view first_argument);

void register_catalog(CLI::App& app, CommandRegistry& registry);  // cmd_catalog.cpp
void register_submit(CLI::App& app, CommandRegistry& registry);
void register_status(CLI::App& app, CommandRegistry& registry);
void register_list(CLI::App& app, CommandRegistry& registry);
void register_wait(CLI::App& app, CommandRegistry& registry);
void register_download(CLI::App& app, CommandRegistry& registry);
void register_lint(CLI::App& app, CommandRegistry& registry);
void register_fmt(CLI::App& app, CommandRegistry& registry);  // cmd_fmt.cpp
void register_explain_code(CLI::App& app, CommandRegistry& registry);
void register_compile(CLI::App& app, CommandRegistry& registry);  // cmd_compile.cpp
void register_explain(CLI::App& app, CommandRegistry& registry);  // cmd_explain.cpp

}  // namespace tfq::cli
