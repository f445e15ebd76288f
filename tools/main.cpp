// The tfq command line: one subcommand per cmd_*.cpp, wired here.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"tfq: a compiler for Token Flex Usage Data API where clauses and export requests", "tfq"};
  app.set_version_flag("--version", std::string("tfq ") + TFQ_VERSION);
  app.require_subcommand(1);
  tfq::cli::CommandRegistry registry;
  tfq::cli::register_commands(app, registry, argc > 1 ? argv[1] : "");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : tfq::cli::exit_usage;
  } catch (const std::exception& e) {
    // What the machine lacks (libcurl cannot be loaded, say): a set-up problem, said plainly.
    std::fprintf(stderr, "tfq: error: %s\n", e.what());
    return tfq::cli::exit_usage;
  }
  return registry.exit_code;
}
