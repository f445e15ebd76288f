// What a failed call means, in a sentence: one explanation per status the API documents, the server's
// own message quoted (with the token redacted), and the number of tries.
#include <array>

#include "tfq/api.hpp"

namespace tfq::send {
namespace {

std::string tries(int attempts) {
  return std::to_string(attempts) + (attempts == 1 ? " try" : " tries");
}

std::string quoted_server_message(const ApiError& error) {
  std::string text;
  if (!error.code.empty()) text += error.code;
  if (!error.message.empty() && error.message != error.code) {
    text += text.empty() ? "" : ": ";
    text += error.message;
  }
  return text.empty() ? std::string() : " (the server said: " + text + ")";
}

std::string explain_status(long status) {
  switch (status) {
    case 400: return "the server rejected the request as invalid (400)";
    case 401: return "the server refused the token (401): it is invalid or has expired; get a new one";
    case 403:
      return "the server denied access (403): the token's user is not a Token Flex admin, or the contract "
             "number is wrong";
    case 404: return "the server does not know this request (404)";
    case 408: return "the server timed out waiting for the request (408)";
    case 429: return "the server is busy (429: too many pending exports, or the rate limit)";
    case 500: return "the server failed with an unknown error (500)";
    case 502: return "the gateway could not reach the server (502)";
    case 503: return "the server is unavailable (503)";
    case 504: return "the gateway timed out waiting for the server (504)";
    default: return "the server answered " + std::to_string(status);
  }
}

}  // namespace

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::ok: return "ok";
    case Outcome::rejected: return "rejected";
    case Outcome::network: return "network";
    case Outcome::unknown: return "unknown";
    case Outcome::local: return "local";
  }
  return "network";
}

std::string describe_failure(const RetryResult& result, Idempotency idempotency, std::string_view token) {
  const HttpResponse& response = result.response;
  std::string message;
  if (response.failure == TransferFailure::none) {
    message = explain_status(response.status) +
              quoted_server_message(parse_api_error(response.status, response.body));
  } else {
    switch (response.failure) {
      case TransferFailure::not_sent: message = "could not connect: " + response.error; break;
      case TransferFailure::timeout: message = "no answer in time: " + response.error; break;
      case TransferFailure::connection_lost: message = "the connection broke: " + response.error; break;
      case TransferFailure::tls:
        message = "the TLS connection failed (is the certificate trusted? --cacert names a private CA): " +
                  response.error;
        break;
      case TransferFailure::aborted: message = "interrupted"; break;
      case TransferFailure::write_failed: message = "could not write the data: " + response.error; break;
      default: message = "the transfer failed: " + response.error; break;
    }
  }
  if (result.outcome == AttemptOutcome::outcome_unknown && idempotency == Idempotency::creating) {
    message +=
        "; the server may or may not have created it, so it was not sent again: check with `tfq list` before "
        "submitting it again";
  } else if (result.outcome == AttemptOutcome::retryable) {
    message += "; " + (result.gave_up_reason.empty() ? "gave up after " + tries(result.attempts)
                                                     : result.gave_up_reason);
  } else if (result.attempts > 1) {
    message += " (after " + tries(result.attempts) + ")";
  }
  const std::array secrets{std::string(token)};
  return token.empty() ? message : redact(message, secrets);
}

}  // namespace tfq::send
