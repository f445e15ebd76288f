// tfq wait KEY... --contract N: polls until each export request is Download or Error, then prints one
// line per request (key, status, file). A progress line goes to stderr when it is a terminal.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "connection.hpp"
#include "follow.hpp"

namespace tfq::cli {
namespace {

struct WaitCommandFlags {
  ConnectionFlags connection;
  WaitFlags wait;
  std::string contract;
  std::vector<std::string> keys;
};

int run_wait(const WaitCommandFlags& flags) {
  int exit_code = exit_ok;
  auto client = make_client(flags.connection, true, &exit_code);
  if (!client) return exit_code;
  const auto results = wait_with_progress(*client, flags.contract, flags.keys, poll_policy(flags.wait));
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& result = results[i];
    const std::string status = result.value ? result.value->request_status : "-";
    const std::string file = result.value ? result.value->download_file_name : "";
    std::cout << flags.keys[i] << '\t' << status << '\t' << file << '\n';
    if (!result.ok()) {
      print_error(flags.keys[i] + ": " + result.message);
      exit_code = std::max(exit_code, exit_code_for(result.outcome));
    }
  }
  return exit_code;
}

}  // namespace

void register_wait(CLI::App& app, CommandRegistry& registry) {
  auto flags = std::make_shared<WaitCommandFlags>();
  auto* command =
      app.add_subcommand("wait", "Wait until export requests are ready (Download) or failed (Error)");
  command->add_option("KEY", flags->keys, "requestKeys")->required();
  add_contract_flag(*command, flags->contract, false);
  add_wait_flags(*command, flags->wait);
  add_connection_flags(*command, flags->connection);
  command->callback([flags, &registry] { registry.exit_code = run_wait(*flags); });
}

}  // namespace tfq::cli
