// What every command that talks to the Token Flex API shares: the connection flags (base URL, token
// file, CA file, timeouts, retries, --verbose), the --contract flag, building a send::Client from them,
// and mapping call outcomes onto exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "tfq/api.hpp"

namespace tfq::cli {

struct ConnectionFlags {
  std::string base_url;  // --base-url, else TFQ_BASE_URL, else the public API
  std::string token_file;
  std::string cacert;
  double connect_timeout = 10;  // seconds
  double max_time = 60;         // seconds, per exchange
  int retries = 8;
  double retry_max_time = 600;  // seconds
  double retry_delay = 1;       // seconds: the first backoff ceiling, doubling up to 60 s
  bool verbose = false;
};

void add_connection_flags(CLI::App& command, ConnectionFlags& flags);

// --contract N (digits; with allow_null also the literal `null`), required.
void add_contract_flag(CLI::App& command, std::string& contract, bool allow_null);

// The client the flags describe. Without need_token (--dry-run) no token is read. On a problem (a bad base
// URL, no token, an unreadable token file) prints it and returns nullopt with *exit_code set.
std::optional<send::Client> make_client(const ConnectionFlags& flags, bool need_token, int* exit_code);

// The base URL the flags and the environment select, checked; empty after printing why when it is not
// allowed.
std::string selected_base_url(const ConnectionFlags& flags);

int exit_code_for(send::Outcome outcome);

// "tfq: error: message" (or warning) on stderr.
void print_error(std::string_view message);
void print_warning(std::string_view message);

}  // namespace tfq::cli
