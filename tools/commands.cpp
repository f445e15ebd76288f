// The list of subcommands. Adding a command is adding a cmd_*.cpp and one line here.
#include "commands.hpp"

namespace tfq::cli {

void register_commands(CLI::App& app, CommandRegistry& registry) {
  register_catalog(app, registry);
  register_submit(app, registry);
  register_status(app, registry);
  register_list(app, registry);
  register_wait(app, registry);
  register_download(app, registry);
  register_lint(app, registry);
  register_fmt(app, registry);
  register_explain_code(app, registry);
  register_compile(app, registry);
  register_explain(app, registry);
}

}  // namespace tfq::cli
