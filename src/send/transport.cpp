// The transport: one libcurl easy handle (owned, RAII) performing one HTTP exchange at a time. TLS
// verification is always on, redirects are never followed, only http and https are spoken.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "send/curl_library.hpp"
#include "send/trace.hpp"
#include "send/transport_errors.hpp"
#include "tfq/send.hpp"

namespace tfq::send {
namespace {

using CurlHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// What the callbacks of one exchange share.
struct CallbackState {
  CURL* curl = nullptr;
  HttpResponse* response = nullptr;
  const BodySink* sink = nullptr;
  const TransportOptions* options = nullptr;
  std::vector<std::string> secrets;
  bool request_sent = false;
  bool sink_refused = false;
};

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& exchange = *static_cast<CallbackState*>(user);
  const std::string_view bytes(data, size * count);
  // Only a successful answer's body goes to the sink: an error page must not end up in a downloaded file.
  long status = 0;
  curl_library().easy_getinfo(exchange.curl, CURLINFO_RESPONSE_CODE, &status);
  if (exchange.sink != nullptr && exchange.sink->write && status / 100 == 2) {
    if (!exchange.sink->write(bytes)) {
      exchange.sink_refused = true;
      return 0;  // libcurl stops with CURLE_WRITE_ERROR
    }
  } else {
    exchange.response->body.append(bytes);
  }
  return bytes.size();
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& exchange = *static_cast<CallbackState*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    exchange.response->headers.clear();  // a new answer (after a 100 Continue, say)
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    exchange.response->headers.push_back({trim(line.substr(0, colon)), trim(line.substr(colon + 1))});
  }
  return line.size();
}

int on_progress(void* user, curl_off_t total, curl_off_t done, curl_off_t, curl_off_t) {
  auto& exchange = *static_cast<CallbackState*>(user);
  if (exchange.sink == nullptr || !exchange.sink->progress) return 0;
  long status = 0;
  curl_library().easy_getinfo(exchange.curl, CURLINFO_RESPONSE_CODE, &status);
  if (status != 0 && status / 100 != 2) total = done = 0;  // an error page is no progress
  const bool go_on = exchange.sink->progress(static_cast<std::uint64_t>(std::max<curl_off_t>(done, 0)),
                                             static_cast<std::uint64_t>(std::max<curl_off_t>(total, 0)));
  return go_on ? 0 : 1;
}

int on_debug(CURL*, curl_infotype kind, char* data, size_t size, void* user) {
  auto& exchange = *static_cast<CallbackState*>(user);
  if (kind == CURLINFO_HEADER_OUT) exchange.request_sent = true;
  emit_trace(exchange.options->trace, kind, std::string_view(data, size), exchange.secrets);
  return 0;
}

// The query of a URL ("X-Amz-Signature=..."), which for a pre-signed URL is a credential.
std::string url_query(std::string_view url) {
  const auto question = url.find('?');
  if (question == std::string_view::npos) return {};
  const auto hash = url.find('#', question);
  return std::string(url.substr(
      question + 1, hash == std::string_view::npos ? std::string_view::npos : hash - question - 1));
}

}  // namespace

struct Transport::Impl {
  TransportOptions options;
  CurlHandle handle{nullptr, nullptr};
};

Transport::Transport(TransportOptions options) : impl_(std::make_unique<Impl>()) {
  const CurlLibrary& lib = curl_library();
  impl_->options = std::move(options);
  impl_->handle = CurlHandle(lib.easy_init(), lib.easy_cleanup);
}

Transport::~Transport() = default;
Transport::Transport(Transport&&) noexcept = default;
Transport& Transport::operator=(Transport&&) noexcept = default;

HttpResponse Transport::perform(const HttpRequest& request, const BodySink* sink) {
  HttpResponse response;
  CURL* curl = impl_->handle.get();
  if (curl == nullptr) {
    response.failure = TransferFailure::other;
    response.error = "libcurl could not make a handle";
    return response;
  }
  const CurlLibrary& lib = curl_library();
  // Reset between exchanges, keeping the connection cache (and so keep-alive) of the handle.
  lib.easy_reset(curl);
  const TransportOptions& options = impl_->options;

  CallbackState exchange{curl, &response, sink, &options, options.secrets};
  if (request.secret_query) {
    if (auto query = url_query(request.url); !query.empty()) exchange.secrets.push_back(std::move(query));
  }

  char error_buffer[CURL_ERROR_SIZE] = {};
  HeaderList headers(nullptr, lib.slist_free_all);
  for (const auto& header : request.headers) {
    const std::string line = header.name + ": " + header.value;
    curl_slist* grown = lib.slist_append(headers.get(), line.c_str());
    if (grown == nullptr) {
      response.failure = TransferFailure::other;
      response.error = "out of memory";
      return response;
    }
    (void)headers.release();
    headers.reset(grown);
  }
  // No "Expect: 100-continue" round trip for large bodies.
  if (curl_slist* grown = lib.slist_append(headers.get(), "Expect:")) {
    (void)headers.release();
    headers.reset(grown);
  }

  lib.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  lib.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  lib.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  lib.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  lib.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) lib.easy_setopt(curl, CURLOPT_CAINFO, options.ca_file.c_str());
  lib.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(curl, CURLOPT_USERAGENT, "tfq/" TFQ_VERSION);
  lib.easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  lib.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  if (sink == nullptr) {
    lib.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.max_time.count()));
  } else {
    // A download may be large: no limit on its length, only on a stall.
    const long stall_seconds = std::max<long>(1, static_cast<long>((options.max_time.count() + 999) / 1000));
    lib.easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    lib.easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, stall_seconds);
  }
  if (request.fresh_connection) {
    lib.easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    lib.easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);
  }
  if (request.method == "POST") {
    lib.easy_setopt(curl, CURLOPT_POST, 1L);
    lib.easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    lib.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else if (request.method != "GET") {
    lib.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  lib.easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  lib.easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_body);
  lib.easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
  lib.easy_setopt(curl, CURLOPT_HEADERFUNCTION, &on_header);
  lib.easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
  lib.easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  lib.easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &on_progress);
  lib.easy_setopt(curl, CURLOPT_XFERINFODATA, &exchange);
  // The debug callback is always on: it tells whether the request went out, which decides whether a
  // failed POST may be retried. Its lines reach the user only with a trace sink (--verbose).
  lib.easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  lib.easy_setopt(curl, CURLOPT_DEBUGFUNCTION, &on_debug);
  lib.easy_setopt(curl, CURLOPT_DEBUGDATA, &exchange);

  const CURLcode code = lib.easy_perform(curl);
  curl_off_t request_size = 0;
  lib.easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_size);
  const bool sent = exchange.request_sent || request_size > 0;
  response.failure = classify_curl_error(code, sent);
  if (code == CURLE_WRITE_ERROR && !exchange.sink_refused) response.failure = TransferFailure::other;
  if (response.failure != TransferFailure::none) {
    const std::string detail = error_buffer[0] != '\0' ? error_buffer : lib.easy_strerror(code);
    response.error = redact(detail, exchange.secrets);
    response.status = 0;
    response.headers.clear();
    return response;
  }
  lib.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& header : headers) {
    if (header.name.size() == name.size() &&
        std::equal(name.begin(), name.end(), header.name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return header.value;
    }
  }
  return std::nullopt;
}

}  // namespace tfq::send
