// tfq list --contract N|null --from T --to T: the export requests made in a time window, one line each
// (key, status, file, date), or the server's JSON array.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "connection.hpp"

namespace tfq::cli {
namespace {

struct ListFlags {
  ConnectionFlags connection;
  std::string contract;
  std::string from;
  std::string to;
  std::string format = "text";
};

bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with optional fraction and Z: what the API takes as fromDate/toDate.
// A bare date means its midnight UTC.
std::string iso_datetime(const std::string& text) {
  const bool date =
      digits(text, 0, 4) && text[4] == '-' && digits(text, 5, 2) && text[7] == '-' && digits(text, 8, 2);
  if (!date) return {};
  if (text.size() == 10) return text + "T00:00:00.000Z";
  if (text.size() < 19 || text[10] != 'T' || !digits(text, 11, 2) || text[13] != ':' ||
      !digits(text, 14, 2) || text[16] != ':' || !digits(text, 17, 2)) {
    return {};
  }
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) return {};
  }
  if (at < text.size() && text[at] == 'Z') ++at;
  return at == text.size() ? text : std::string();
}

CLI::Validator datetime_validator() {
  return CLI::Validator(
      [](std::string& value) {
        std::string normalized = iso_datetime(value);
        if (normalized.empty()) return std::string("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.fff][Z]");
        value = normalized;
        return std::string();
      },
      "DATETIME");
}

int run_list(const ListFlags& flags) {
  int exit_code = exit_ok;
  auto client = make_client(flags.connection, true, &exit_code);
  if (!client) return exit_code;
  const auto result = client->list_exports(flags.contract, flags.from, flags.to);
  if (!result.ok()) {
    print_error(result.message);
    return exit_code_for(result.outcome);
  }
  if (flags.format == "json") {
    std::cout << '[';
    for (std::size_t i = 0; i < result.value->size(); ++i)
      std::cout << (i ? "," : "") << (*result.value)[i].json;
    std::cout << "]\n";
    return exit_ok;
  }
  for (const auto& request : *result.value) {
    std::cout << request.request_key << '\t' << request.request_status << '\t' << request.download_file_name
              << '\t' << request.export_request_date << '\n';
  }
  return exit_ok;
}

}  // namespace

void register_list(CLI::App& app, CommandRegistry& registry) {
  auto flags = std::make_shared<ListFlags>();
  auto* command = app.add_subcommand("list", "List the export requests made in a time window");
  add_contract_flag(*command, flags->contract, true);
  command->add_option("--from", flags->from, "start of the window, inclusive (ISO 8601)")
      ->required()
      ->transform(datetime_validator());
  command->add_option("--to", flags->to, "end of the window, exclusive (ISO 8601)")
      ->required()
      ->transform(datetime_validator());
  command->add_option("--format", flags->format, "text (key, status, file, date) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_connection_flags(*command, flags->connection);
  command->callback([flags, &registry] { registry.exit_code = run_list(*flags); });
}

}  // namespace tfq::cli
