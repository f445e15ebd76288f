// The list of subcommands. Adding a command is adding a cmd_*.cpp and one line here.
#include "commands.hpp"

namespace tfq::cli {

void register_commands(CLI::App& app, CommandRegistry& registry) {
  register_explain_code(app, registry);
}

}  // namespace tfq::cli
