// The list of subcommands. Adding a command is adding a cmd_*.cpp and one line here.
#include "commands.hpp"

namespace tfq::cli {
namespace {

struct CommandEntry {
  std::string_view name;
  void (*add)(CLI::App&, CommandRegistry&);
};

// In the order `tfq --help` lists them.
constexpr CommandEntry kCommands[] = {
    {"catalog", register_catalog}, {"submit", register_submit},   {"status", register_status},
    {"list", register_list},       {"wait", register_wait},       {"download", register_download},
    {"lint", register_lint},       {"fmt", register_fmt},         {"explain-code", register_explain_code},
    {"compile", register_compile}, {"explain", register_explain},
};

}  // namespace

void register_commands(CLI::App& app, CommandRegistry& registry, std::string_view first_argument) {
  // Building every command's options costs more than linting a small file, and a pre-commit hook starts
  // tfq once per batch of files: when the first argument names a command, only that one is built.
  for (const CommandEntry& command : kCommands) {
    if (command.name != first_argument) continue;
    command.add(app, registry);
    return;
  }
  for (const CommandEntry& command : kCommands) command.add(app, registry);
}

}  // namespace tfq::cli
