// The connection flags and the client they make. The token comes only from TFQ_TOKEN or --token-file,
// never from a command-line value, and is checked before it can reach an HTTP header.
#include "connection.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"

namespace tfq::cli {
namespace {

send::Milliseconds milliseconds(double seconds) {
  return send::Milliseconds{static_cast<std::int64_t>(seconds * 1000.0 + 0.5)};
}

// The token, trimmed of surrounding white space; nullopt after printing why there is none.
std::optional<std::string> read_token(const std::string& token_file) {
  std::string token;
  if (!token_file.empty()) {
    const auto cannot_read = [&](int error_number) {
      print_error("cannot read the token file '" + token_file + "': " + std::strerror(error_number));
      return std::nullopt;
    };
    struct stat info {};
    if (::stat(token_file.c_str(), &info) != 0) return cannot_read(errno);
    if (S_ISDIR(info.st_mode)) return cannot_read(EISDIR);
    if ((info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
      print_warning("the token file '" + token_file + "' is readable by group or others; `chmod 600` it");
    }
    std::ifstream in(token_file, std::ios::binary);
    if (!in) return cannot_read(errno);
    std::ostringstream text;
    text << in.rdbuf();
    token = text.str();
  } else if (const char* value = std::getenv("TFQ_TOKEN")) {
    token = value;
  }
  const auto first = token.find_first_not_of(" \t\r\n");
  const auto last = token.find_last_not_of(" \t\r\n");
  token = first == std::string::npos ? std::string() : token.substr(first, last - first + 1);
  if (token.empty()) {
    print_error("no token: set TFQ_TOKEN or pass --token-file FILE");
    return std::nullopt;
  }
  for (unsigned char c : token) {
    if (c < 0x21 || c > 0x7e) {
      // Said without quoting the token: a stray newline would otherwise let it forge HTTP headers.
      print_error("the token holds a character that cannot go in an HTTP header (white space or non-ASCII)");
      return std::nullopt;
    }
  }
  return token;
}

}  // namespace

void print_error(std::string_view message) {
  std::cerr << "tfq: error: " << message << '\n';
}
void print_warning(std::string_view message) {
  std::cerr << "tfq: warning: " << message << '\n';
}

void add_connection_flags(CLI::App& command, ConnectionFlags& flags) {
  const std::string group = "Connection";
  command.add_option("--base-url", flags.base_url, "API base URL (default: $TFQ_BASE_URL or the public API)")
      ->group(group);
  command
      .add_option("--token-file", flags.token_file, "read the bearer token from FILE (default: $TFQ_TOKEN)")
      ->check(CLI::ExistingFile)
      ->group(group);
  command.add_option("--cacert", flags.cacert, "trust the CA certificates in FILE (PEM)")
      ->check(CLI::ExistingFile)
      ->group(group);
  command.add_option("--connect-timeout", flags.connect_timeout, "seconds to wait for a connection")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 3600.0))
      ->group(group);
  command.add_option("--max-time", flags.max_time, "seconds an exchange may take (a download: may stall)")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 86400.0))
      ->group(group);
  command.add_option("--retries", flags.retries, "retries after a transient failure")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000))
      ->group(group);
  command.add_option("--retry-max-time", flags.retry_max_time, "seconds after which no retry starts")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0))
      ->group(group);
  command.add_option("--retry-delay", flags.retry_delay, "seconds: the first backoff (doubles, up to 60)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0))
      ->group(group);
  command.add_flag("--verbose,-v", flags.verbose, "trace the HTTP exchanges on stderr (secrets redacted)")
      ->group(group);
}

void add_contract_flag(CLI::App& command, std::string& contract, bool allow_null) {
  const std::string what = allow_null ? "contract number (digits), or null for exports made in the web UI"
                                      : "contract number (digits)";
  command.add_option("--contract,-c", contract, what)
      ->required()
      ->check(CLI::Validator(
          [allow_null](std::string& value) {
            return send::is_valid_contract(value, allow_null)
                       ? std::string()
                       : std::string("a contract number is digits") + (allow_null ? " (or null)" : "");
          },
          "CONTRACT"));
}

std::string selected_base_url(const ConnectionFlags& flags) {
  std::string url = flags.base_url;
  std::string source = "--base-url";
  if (url.empty()) {
    const char* from_environment = std::getenv("TFQ_BASE_URL");
    url = from_environment != nullptr && *from_environment != '\0' ? from_environment : "";
    source = "TFQ_BASE_URL";
  }
  if (url.empty()) return std::string(send::default_base_url);
  std::string why;
  std::string checked = send::checked_base_url(url, &why);
  if (checked.empty()) print_error(source + " " + url + ": " + why);
  return checked;
}

std::optional<send::Client> make_client(const ConnectionFlags& flags, bool need_token, int* exit_code) {
  send::ClientOptions options;
  options.base_url = selected_base_url(flags);
  if (options.base_url.empty()) {
    *exit_code = exit_usage;
    return std::nullopt;
  }
  if (need_token) {
    auto token = read_token(flags.token_file);
    if (!token) {
      *exit_code = exit_usage;
      return std::nullopt;
    }
    options.token = std::move(*token);
  }
  options.transport.ca_file = flags.cacert;
  options.transport.connect_timeout = milliseconds(flags.connect_timeout);
  options.transport.max_time = milliseconds(flags.max_time);
  if (flags.verbose) options.transport.trace = [](std::string_view line) { std::cerr << line << '\n'; };
  options.retry.retries = flags.retries;
  options.retry.max_time = milliseconds(flags.retry_max_time);
  options.retry.base_delay = milliseconds(flags.retry_delay);
  options.retry.max_delay = std::max(options.retry.base_delay, send::Milliseconds{60'000});
  return send::Client(std::move(options));
}

int exit_code_for(send::Outcome outcome) {
  switch (outcome) {
    case send::Outcome::ok: return exit_ok;
    case send::Outcome::rejected: return exit_rejected;
    case send::Outcome::network: return exit_network;
    case send::Outcome::unknown: return exit_unknown;
    case send::Outcome::local: return exit_usage;
  }
  return exit_network;
}

}  // namespace tfq::cli
