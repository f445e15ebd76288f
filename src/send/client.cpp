// The Token Flex API calls: each builds its request (path segments percent-encoded), runs it under the
// retry policy that fits it (a creating POST is never repeated unless surely refused), and reads the answer.
#include <array>

#include "tfq/api.hpp"

namespace tfq::send {
namespace {

constexpr std::string_view kTokenPlaceholder = "[redacted]";

std::string export_path(std::string_view contract) {
  return "/export/" + percent_encode(contract) + "/requests";
}

std::string request_path(std::string_view contract, std::string_view key) {
  return export_path(contract) + "/" + percent_encode(key);
}

}  // namespace

Client::Client(ClientOptions options, RetryEnvironment environment, Exchange exchange)
    : options_(std::move(options)), environment_(std::move(environment)), exchange_(std::move(exchange)) {
  if (!options_.token.empty()) options_.transport.secrets.push_back(options_.token);
  if (!exchange_) transport_.emplace(options_.transport);
}

HttpRequest Client::api_request(std::string method, std::string path, std::string body,
                                bool redact_token) const {
  HttpRequest request;
  request.method = std::move(method);
  request.url = options_.base_url + path;
  const std::string_view token = redact_token ? kTokenPlaceholder : std::string_view(options_.token);
  request.headers.push_back({"Authorization", "Bearer " + std::string(token)});
  request.headers.push_back({"Accept", "application/json"});
  // Named here rather than left to libcurl, so that --dry-run shows every header tfq chooses.
  request.headers.push_back({"User-Agent", "tfq/" TFQ_VERSION});
  if (request.method == "POST") request.headers.push_back({"Content-Type", "application/json"});
  request.body = std::move(body);
  return request;
}

HttpRequest Client::export_creation(std::string_view contract, std::string body, bool redact_token) const {
  HttpRequest request = api_request("POST", export_path(contract), std::move(body), redact_token);
  request.fresh_connection = true;
  return request;
}

HttpRequest Client::query_creation(std::string_view contract, std::string body, bool redact_token) const {
  HttpRequest request =
      api_request("POST", "/usage/" + percent_encode(contract) + "/query", std::move(body), redact_token);
  request.fresh_connection = true;
  return request;
}

RetryResult Client::run(const HttpRequest& request, Idempotency idempotency, const AttemptHooks& hooks,
                        const BodySink* sink) {
  int attempt = 0;
  const Exchange exchange = [this, sink, &hooks, &attempt](const HttpRequest& outgoing) {
    if (hooks.before && !hooks.before(++attempt)) {
      HttpResponse refused;
      refused.failure = TransferFailure::other;
      refused.error = "not sent";
      return refused;
    }
    if (sink != nullptr && sink->restart) sink->restart();
    if (!exchange_) return transport_->perform(outgoing, sink);
    // A replaced network hands back the whole body; pass a successful one on to the sink.
    HttpResponse response = exchange_(outgoing);
    if (sink != nullptr && sink->write && response.failure == TransferFailure::none &&
        response.status / 100 == 2) {
      if (!sink->write(response.body)) response.failure = TransferFailure::write_failed;
      response.body.clear();
    }
    return response;
  };
  return exchange_with_retries(exchange, request, idempotency, options_.retry, environment_, hooks.after);
}

template <class T>
ApiResult<T> Client::finish(const RetryResult& result, Idempotency idempotency,
                            const std::function<Parsed<T>(std::string_view)>& parse) const {
  ApiResult<T> out;
  out.attempts = result.attempts;
  const std::array secrets{options_.token};
  if (result.outcome == AttemptOutcome::answered) {
    Parsed<T> parsed = parse(result.response.body);
    if (parsed.value) {
      out.outcome = Outcome::ok;
      out.value = std::move(parsed.value);
      return out;
    }
    out.outcome = idempotency == Idempotency::creating ? Outcome::unknown : Outcome::network;
    out.message = "the server's answer is not what the API documents: " + parsed.error;
    if (out.outcome == Outcome::unknown)
      out.message += "; the request may have been created: check with `tfq list`";
    out.message = redact(out.message, secrets);
    return out;
  }
  if (result.response.failure == TransferFailure::none) {
    out.error = parse_api_error(result.response.status, result.response.body);
    out.error.message = redact(out.error.message, secrets);
  }
  switch (result.outcome) {
    case AttemptOutcome::rejected: out.outcome = Outcome::rejected; break;
    case AttemptOutcome::outcome_unknown: out.outcome = Outcome::unknown; break;
    default: out.outcome = Outcome::network; break;
  }
  out.message = describe_failure(result, idempotency, options_.token);
  return out;
}

ApiResult<ExportRequest> Client::create_export(std::string_view contract, std::string body,
                                               const AttemptHooks& hooks) {
  const auto result = run(export_creation(contract, std::move(body)), Idempotency::creating, hooks);
  return finish<ExportRequest>(result, Idempotency::creating, parse_export_request);
}

ApiResult<QueryJob> Client::create_query(std::string_view contract, std::string body,
                                         const AttemptHooks& hooks) {
  const auto result = run(query_creation(contract, std::move(body)), Idempotency::creating, hooks);
  return finish<QueryJob>(result, Idempotency::creating, parse_query_job);
}

ApiResult<ExportRequest> Client::get_export(std::string_view contract, std::string_view request_key) {
  const auto result =
      run(api_request("GET", request_path(contract, request_key), {}, false), Idempotency::safe, {});
  return finish<ExportRequest>(result, Idempotency::safe, parse_export_request);
}

ApiResult<std::vector<ExportRequest>> Client::list_exports(std::string_view contract, std::string_view from,
                                                           std::string_view to) {
  const std::string path =
      export_path(contract) + "?fromDate=" + percent_encode(from) + "&toDate=" + percent_encode(to);
  const auto result = run(api_request("GET", path, {}, false), Idempotency::safe, {});
  return finish<std::vector<ExportRequest>>(result, Idempotency::safe, parse_export_list);
}

ApiResult<ExportRequest> Client::refresh_url(std::string_view contract, std::string_view request_key) {
  // Asking for a new URL creates nothing, so it is retried like a GET.
  const auto result = run(api_request("POST", request_path(contract, request_key) + "/refreshUrl", {}, false),
                          Idempotency::safe, {});
  return finish<ExportRequest>(result, Idempotency::safe, parse_refreshed_request);
}

ApiResult<QueryPage> Client::get_query(std::string_view contract, std::string_view id, std::uint64_t offset,
                                       std::uint64_t limit) {
  const std::string path = "/usage/" + percent_encode(contract) + "/query/" + percent_encode(id) +
                           "?offset=" + std::to_string(offset) + "&limit=" + std::to_string(limit);
  const auto result = run(api_request("GET", path, {}, false), Idempotency::safe, {});
  return finish<QueryPage>(result, Idempotency::safe, parse_query_page);
}

ApiResult<long> Client::fetch_url(std::string_view url, const BodySink& sink) {
  HttpRequest request;
  request.url = std::string(url);
  request.secret_query = true;  // no Authorization header: the URL is pre-signed
  const auto result = run(request, Idempotency::safe, {}, &sink);
  const long status = result.response.status;
  return finish<long>(result, Idempotency::safe, [status](std::string_view) {
    return Parsed<long>{status, {}};
  });
}

}  // namespace tfq::send
