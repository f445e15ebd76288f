// tfq status KEY --contract N: the state of one export request, as a line (key, status, file) or as the
// server's JSON object.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "connection.hpp"

namespace tfq::cli {
namespace {

struct StatusFlags {
  ConnectionFlags connection;
  std::string contract;
  std::string key;
  std::string format = "text";
};

int run_status(const StatusFlags& flags) {
  int exit_code = exit_ok;
  auto client = make_client(flags.connection, true, &exit_code);
  if (!client) return exit_code;
  const auto result = client->get_export(flags.contract, flags.key);
  if (!result.ok()) {
    print_error(flags.key + ": " + result.message);
    return exit_code_for(result.outcome);
  }
  const send::ExportRequest& request = *result.value;
  if (flags.format == "json") {
    // The object as the server sent it; note that a ready export's downloadUrl is a short-lived secret.
    std::cout << request.json << '\n';
  } else {
    std::cout << request.request_key << '\t' << request.request_status << '\t' << request.download_file_name
              << '\n';
  }
  return exit_ok;
}

}  // namespace

void register_status(CLI::App& app, CommandRegistry& registry) {
  auto flags = std::make_shared<StatusFlags>();
  auto* command = app.add_subcommand("status", "Show the state of an export request");
  command->add_option("KEY", flags->key, "the request's requestKey")->required();
  add_contract_flag(*command, flags->contract, false);
  command->add_option("--format", flags->format, "text (key, status, file) or json (the server's object)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_connection_flags(*command, flags->connection);
  command->callback([flags, &registry] { registry.exit_code = run_status(*flags); });
}

}  // namespace tfq::cli
