// The Token Flex API calls tfq makes, built on the transport and the retry policy of send.hpp: create,
// read and list export requests, refresh a download URL, run a query, wait for either, and fetch the CSV.
// Every call returns an outcome and a message for people; the token never appears in either.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/send.hpp"

namespace tfq::send {

// How a call ended, from the caller's point of view; the CLI turns each into its own exit code.
enum class Outcome : std::uint8_t {
  ok,
  rejected,  // the server answered no (4xx, 500), or reported the request failed (Error, FAILED)
  network,   // no usable answer: the network failed, a retry budget ran out, a wait timed out
  unknown,   // a creating request may or may not have been carried out; it was not sent again
  local,     // a local file could not be written (or exists, and overwriting was not asked for)
};

std::string_view to_string(Outcome outcome);

template <class T>
struct ApiResult {
  Outcome outcome = Outcome::network;
  std::optional<T> value;  // set when outcome == ok; a wait that timed out keeps the last state seen
  ApiError error;          // the server's answer, when there was one
  std::string message;     // for people, when outcome != ok; redacted
  int attempts = 0;
  bool ok() const { return outcome == Outcome::ok; }
};

struct ClientOptions {
  std::string base_url{default_base_url};  // as checked_base_url returns it
  std::string token;                       // the bearer token; empty for --dry-run only
  TransportOptions transport;
  RetryPolicy retry;
};

class Client {
 public:
  // `exchange` replaces the network (tests); by default a Transport made from options.transport.
  explicit Client(ClientOptions options, RetryEnvironment environment = RetryEnvironment::system(),
                  Exchange exchange = {});

  // The exact requests create_export and create_query send; with redact_token the Authorization value
  // is a placeholder (for --dry-run).
  HttpRequest export_creation(std::string_view contract, std::string body, bool redact_token = false) const;
  HttpRequest query_creation(std::string_view contract, std::string body, bool redact_token = false) const;

  // Called around each attempt of a creating POST (the submit journal writes its lines here). When
  // `before` returns false the attempt is not sent, and the call fails.
  struct AttemptHooks {
    std::function<bool(int attempt)> before;
    std::function<void(const AttemptRecord&)> after;
  };
  // POSTs that create something: retried only when the server certainly did not act on them.
  ApiResult<ExportRequest> create_export(std::string_view contract, std::string body,
                                         const AttemptHooks& hooks = {});
  ApiResult<QueryJob> create_query(std::string_view contract, std::string body,
                                   const AttemptHooks& hooks = {});

  ApiResult<ExportRequest> get_export(std::string_view contract, std::string_view request_key);
  // from inclusive, to exclusive; ISO 8601 datetimes. contract may be "null".
  ApiResult<std::vector<ExportRequest>> list_exports(std::string_view contract, std::string_view from,
                                                     std::string_view to);
  ApiResult<ExportRequest> refresh_url(std::string_view contract, std::string_view request_key);
  ApiResult<QueryPage> get_query(std::string_view contract, std::string_view id, std::uint64_t offset,
                                 std::uint64_t limit);
  // A plain GET of a pre-signed URL, without the Authorization header; the body goes to the sink.
  ApiResult<long> fetch_url(std::string_view url, const BodySink& sink);

  const RetryEnvironment& environment() const { return environment_; }
  const std::string& base_url() const { return options_.base_url; }

 private:
  HttpRequest api_request(std::string method, std::string path, std::string body, bool redact_token) const;
  RetryResult run(const HttpRequest& request, Idempotency idempotency, const AttemptHooks& hooks,
                  const BodySink* sink = nullptr);
  template <class T>
  ApiResult<T> finish(const RetryResult& result, Idempotency idempotency,
                      const std::function<Parsed<T>(std::string_view)>& parse) const;

  ClientOptions options_;
  RetryEnvironment environment_;
  Exchange exchange_;
  std::optional<Transport> transport_;
};

// A sentence for people about a failed call: each status its own explanation, the server's message
// when it sent one, and how many tries were made. The token is redacted from everything quoted.
std::string describe_failure(const RetryResult& result, Idempotency idempotency, std::string_view token);

// Waiting ------------------------------------------------------------------------------------------

// Called after each round of polls: how many of the requests are finished, and the time spent.
using WaitProgress = std::function<void(std::size_t finished, std::size_t total, Milliseconds elapsed)>;

// Polls each key until its status is Download (ok) or Error (rejected), or the policy's timeout ends the
// wait (network, with the last status seen). Results are in the order of `keys`.
std::vector<ApiResult<ExportRequest>> wait_for_exports(Client& client, std::string_view contract,
                                                       const std::vector<std::string>& keys,
                                                       const PollPolicy& policy,
                                                       const WaitProgress& progress = {});

// Polls a query until DONE (ok) or FAILED, TIMEOUT or EXPIRED (rejected).
ApiResult<QueryPage> wait_for_query(Client& client, std::string_view contract, std::string_view id,
                                    const PollPolicy& policy, const WaitProgress& progress = {});

// Downloads ----------------------------------------------------------------------------------------

struct DownloadOptions {
  bool overwrite = false;  // replace an existing file (atomically); otherwise never touch it
  std::function<bool(std::uint64_t done, std::uint64_t total)> progress;  // false aborts (an interrupt)
  int max_refreshes = 2;  // new URLs fetched via refreshUrl when the one at hand has expired
};

// Reads the export request, refreshes its download URL when it has expired (before or during the
// download), and writes the CSV file to `path` atomically: a failed or interrupted download leaves no
// partial file behind. Returns the byte count.
ApiResult<std::uint64_t> download_export(Client& client, std::string_view contract,
                                         std::string_view request_key, const std::string& path,
                                         const DownloadOptions& options = {});

// Pages through a finished query's results (offset/limit) and writes them to `path` as CSV, atomically.
// Returns the row count.
ApiResult<std::uint64_t> download_query_results(Client& client, std::string_view contract,
                                                std::string_view id, std::uint64_t page_size,
                                                const std::string& path, const DownloadOptions& options = {});

}  // namespace tfq::send
