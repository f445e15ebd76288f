// tfq download KEY --contract N [-o FILE]: fetches an export's CSV through its pre-signed URL (without the
// Authorization header), refreshing an expired URL, and writes it atomically: an interrupted or failed
// download leaves no file, and an existing file is replaced only with --force.
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "connection.hpp"
#include "follow.hpp"
#include "progress.hpp"
#include "tfq/atomic_file.hpp"

namespace tfq::cli {
namespace {

struct DownloadFlags {
  ConnectionFlags connection;
  std::string contract;
  std::string key;
  std::string output;
  bool force = false;
};

int run_download(const DownloadFlags& flags) {
  int exit_code = exit_ok;
  auto client = make_client(flags.connection, true, &exit_code);
  if (!client) return exit_code;
  std::string path = flags.output;
  if (path.empty()) {
    // The server's file name, in the current directory.
    const auto request = client->get_export(flags.contract, flags.key);
    if (!request.ok()) {
      print_error(flags.key + ": " + request.message);
      return exit_code_for(request.outcome);
    }
    path = safe_file_name(request.value->download_file_name, "export.csv");
  }
  std::error_code ignored;
  if (!flags.force && std::filesystem::exists(path, ignored)) {
    print_error(send::already_exists(path));
    return exit_usage;
  }
  const auto result = download_with_progress(*client, flags.contract, flags.key, path, flags.force);
  if (InterruptGuard::interrupted()) {
    print_error("interrupted; nothing was written");
    return 130;
  }
  if (!result.ok()) {
    print_error(flags.key + ": " + result.message);
    return exit_code_for(result.outcome);
  }
  std::cout << flags.key << '\t' << "Downloaded" << '\t' << path << '\n';
  return exit_ok;
}

}  // namespace

void register_download(CLI::App& app, CommandRegistry& registry) {
  auto flags = std::make_shared<DownloadFlags>();
  auto* command = app.add_subcommand("download", "Download an export's CSV file");
  command->add_option("KEY", flags->key, "the request's requestKey")->required();
  add_contract_flag(*command, flags->contract, false);
  command->add_option("-o,--output", flags->output, "the file to write (default: the server's file name)");
  command->add_flag("--force", flags->force, "replace an existing file");
  add_connection_flags(*command, flags->connection);
  command->callback([flags, &registry] { registry.exit_code = run_download(*flags); });
}

}  // namespace tfq::cli
