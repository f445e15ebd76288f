// The sender: a thin HTTP(S) transport over libcurl, the retry and polling policy above it (plain code,
// testable without a network), and the Token Flex API calls built from both. A network failure is a
// result value, never an exception.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tfq::send {

using Milliseconds = std::chrono::milliseconds;

// ---------------------------------------------------------------------------------------------------
// URLs, contracts and secrets

inline constexpr std::string_view default_base_url = "https://developer.api.autodesk.com/tokenflex/v1";

// https:// anywhere; http:// only for loopback hosts (localhost, 127.0.0.0/8, [::1]); nothing else.
// Returns the URL without a trailing slash, or an empty string and a reason in *why.
std::string checked_base_url(std::string_view url, std::string* why);
// The same rule for a URL the server hands out (downloadUrl): no plain http to a remote host.
bool is_allowed_url(std::string_view url);

// A contract number is digits; `list` also accepts the literal `null` (exports made in the web UI).
bool is_valid_contract(std::string_view contract, bool allow_null);

// RFC 3986 percent-encoding of everything but the unreserved characters (a request key holds ':' and '#').
std::string percent_encode(std::string_view text);

// Every occurrence of each secret replaced by "[redacted]", and the value of any "Authorization:" header
// line too, whatever its case.
std::string redact(std::string_view text, std::span<const std::string> secrets);

// ---------------------------------------------------------------------------------------------------
// The transport: one HTTP exchange

struct Header {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method = "GET";  // GET, POST or DELETE
  std::string url;
  std::vector<Header> headers;
  std::string body;
  bool secret_query = false;  // the URL's query is a credential (a pre-signed download URL): redact it
  // A new connection, closed after use. libcurl silently resends a request whose reused connection died
  // before any answer, which must never happen to a request that creates something.
  bool fresh_connection = false;
};

enum class TransferFailure : std::uint8_t {
  none,             // an HTTP answer arrived, whatever its status
  not_sent,         // DNS failure, connection refused, connect timeout: the server never saw the request
  timeout,          // the request may have been sent, and no complete answer came in time
  connection_lost,  // the connection broke after the request was sent (reset, empty reply, short body)
  tls,              // certificate verification or the TLS handshake failed
  aborted,          // the caller's progress callback stopped the transfer (an interrupt)
  write_failed,     // the body sink refused the data (disk full)
  other,            // anything else libcurl reports (bad URL, out of memory)
};

std::string_view to_string(TransferFailure failure);

struct HttpResponse {
  TransferFailure failure = TransferFailure::none;
  std::string error;  // libcurl's explanation when failure != none
  long status = 0;
  std::vector<Header> headers;  // of the final answer
  std::string body;             // empty when a sink took the body
  // The first header of that name, compared without regard to case.
  std::optional<std::string> header(std::string_view name) const;
};

// Where a body goes instead of HttpResponse::body, and the transfer's progress.
struct BodySink {
  std::function<void()> restart;                      // called before each attempt: start over
  std::function<bool(std::string_view bytes)> write;  // false stops the transfer (write_failed)
  std::function<bool(std::uint64_t done, std::uint64_t total)> progress;  // false aborts; total 0: unknown
};

struct TransportOptions {
  std::string ca_file;  // --cacert; empty: the system's certificate store. Verification is always on.
  Milliseconds connect_timeout{10'000};
  Milliseconds max_time{60'000};  // a whole exchange; with a sink, the longest stall instead
  std::function<void(std::string_view line)> trace;  // --verbose: libcurl's debug lines, redacted
  std::vector<std::string> secrets;                  // never shown in a trace (the token)
};

class Transport {
 public:
  explicit Transport(TransportOptions options);
  ~Transport();
  Transport(Transport&&) noexcept;
  Transport& operator=(Transport&&) noexcept;

  HttpResponse perform(const HttpRequest& request, const BodySink* sink = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------------------------------
// Retry policy: what to do after each attempt

// `safe` requests may be repeated (GET, refreshUrl); `creating` ones make an export or a query.
enum class Idempotency : std::uint8_t { safe, creating };

enum class AttemptOutcome : std::uint8_t {
  answered,         // 2xx
  rejected,         // a final answer that is not 2xx (400, 401, 403, 404, ...)
  retryable,        // a transient failure: another attempt may succeed and cannot duplicate anything
  outcome_unknown,  // a creating request the server may have carried out: it is never resent
  failed,           // a transport failure that retrying cannot fix (TLS, bad URL, interrupt)
};

std::string_view to_string(AttemptOutcome outcome);

// GET: retries on not_sent, timeout, connection_lost and 408/429/500/502/503/504.
// Creating POST: retries only on not_sent, 429 and 503; timeout, connection_lost, 408, 500, 502, 504 are
// outcome_unknown.
AttemptOutcome classify(Idempotency idempotency, const HttpResponse& response);

struct RetryPolicy {
  int retries = 8;                 // attempts after the first
  Milliseconds max_time{600'000};  // no attempt starts (and no wait ends) later than this after the first
  Milliseconds base_delay{1'000};  // the backoff doubles from here ...
  Milliseconds max_delay{60'000};  // ... up to here
};

// Full jitter: a uniform delay in [0, min(max_delay, base_delay * 2^retry)]; retry counts from 0 and
// random01 is in [0, 1).
Milliseconds backoff_delay(const RetryPolicy& policy, int retry, double random01);

// A Retry-After value: delay-seconds, or an HTTP date (IMF-fixdate, RFC 850 or asctime) measured from
// `now`. A date in the past is a zero delay; anything else unparsable is nullopt.
std::optional<Milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now);

// The clock, the sleep and the dice, replaceable in tests.
struct RetryEnvironment {
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<std::chrono::system_clock::time_point()> wall_clock;
  std::function<void(Milliseconds)> sleep;
  std::function<double()> random01;
  static RetryEnvironment system();
};

struct AttemptRecord {
  int attempt = 1;  // 1-based
  const HttpResponse* response = nullptr;
  AttemptOutcome outcome = AttemptOutcome::failed;
  std::optional<Milliseconds> next_delay;  // set when another attempt follows after this wait
};

struct RetryResult {
  HttpResponse response;                            // the last attempt's
  AttemptOutcome outcome = AttemptOutcome::failed;  // retryable here means: gave up
  int attempts = 0;
  std::string gave_up_reason;  // "gave up after 9 tries", "the server asked to wait 900s, past ..."
};

using Exchange = std::function<HttpResponse(const HttpRequest&)>;

RetryResult exchange_with_retries(const Exchange& exchange, const HttpRequest& request,
                                  Idempotency idempotency, const RetryPolicy& policy,
                                  const RetryEnvironment& environment,
                                  const std::function<void(const AttemptRecord&)>& on_attempt = {});

// Waiting for an export or a query to finish: the interval grows by `factor` up to `max_interval`.
struct PollPolicy {
  Milliseconds first_interval{5'000};
  double factor = 1.5;
  Milliseconds max_interval{60'000};
  Milliseconds timeout{3'600'000};  // 0: wait forever
};

Milliseconds poll_interval(const PollPolicy& policy, int poll);  // poll counts from 0

// ---------------------------------------------------------------------------------------------------
// The API's answers (parsed in response.cpp)

struct ApiError {
  long http_status = 0;
  std::string code;     // "BadRequestError", "AUTH-001"; empty when the body names none
  std::string message;  // the server's Message or developerMessage, or a short excerpt of the body
};

ApiError parse_api_error(long http_status, std::string_view body);

struct ExportRequest {
  std::string request_key;
  std::string request_status;  // Requested, Download, Error
  std::string download_file_name;
  std::string export_request_date;
  std::string download_url;
  std::string download_url_expire_date;
  std::string json;  // the object as the server sent it (compact)
};

struct QueryJob {
  std::string id;
  std::string status;  // QUEUED, PROCESSING, DONE, FAILED, TIMEOUT, EXPIRED
  std::string detail_uri;
  std::string json;
};

struct QueryPage {
  std::string status;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each cell as CSV text: strings as is, null empty
  std::uint64_t total = 0;
  std::uint64_t offset = 0;
};

template <class T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // why the body is not what the API documents
};

Parsed<ExportRequest> parse_export_request(std::string_view body);
Parsed<std::vector<ExportRequest>> parse_export_list(std::string_view body);
// The answer of refreshUrl: an object with the new downloadUrl (the requestKey may be left out).
Parsed<ExportRequest> parse_refreshed_request(std::string_view body);
Parsed<QueryJob> parse_query_job(std::string_view body);
Parsed<QueryPage> parse_query_page(std::string_view body);

// One CSV record (RFC 4180 quoting) with a trailing "\n".
std::string csv_record(std::span<const std::string> cells);

}  // namespace tfq::send
