// The retry policy: which failures may be retried (never one that could duplicate an export), how long
// to wait (exponential backoff with full jitter, or the server's Retry-After), and when to give up.
#include <algorithm>
#include <random>
#include <thread>

#include "tfq/send.hpp"

namespace tfq::send {
namespace {

bool is_transient_status(long status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

// Only these answers prove that a creating request was not carried out: 429 (queue full, rate limit)
// and 503 (not accepting work) are refusals before any processing.
bool is_certain_refusal(long status) {
  return status == 429 || status == 503;
}

std::string seconds_text(Milliseconds delay) {
  const auto tenths = (delay.count() + 50) / 100;
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);
  return text + "s";
}

}  // namespace

std::string_view to_string(AttemptOutcome outcome) {
  switch (outcome) {
    case AttemptOutcome::answered: return "answered";
    case AttemptOutcome::rejected: return "rejected";
    case AttemptOutcome::retryable: return "retryable";
    case AttemptOutcome::outcome_unknown: return "unknown";
    case AttemptOutcome::failed: return "failed";
  }
  return "failed";
}

AttemptOutcome classify(Idempotency idempotency, const HttpResponse& response) {
  const bool creating = idempotency == Idempotency::creating;
  switch (response.failure) {
    case TransferFailure::none: break;
    case TransferFailure::not_sent: return AttemptOutcome::retryable;
    case TransferFailure::timeout:
    case TransferFailure::connection_lost:
      return creating ? AttemptOutcome::outcome_unknown : AttemptOutcome::retryable;
    case TransferFailure::tls:
    case TransferFailure::aborted:
    case TransferFailure::write_failed:
    case TransferFailure::other: return AttemptOutcome::failed;
  }
  if (response.status >= 200 && response.status < 300) return AttemptOutcome::answered;
  if (!is_transient_status(response.status)) return AttemptOutcome::rejected;
  if (!creating || is_certain_refusal(response.status)) return AttemptOutcome::retryable;
  return AttemptOutcome::outcome_unknown;  // 408, 500, 502, 504 after a POST: it may have been created
}

Milliseconds backoff_delay(const RetryPolicy& policy, int retry, double random01) {
  const auto base = std::max<std::int64_t>(policy.base_delay.count(), 0);
  const auto cap = std::max<std::int64_t>(policy.max_delay.count(), 0);
  std::int64_t ceiling = base;
  for (int i = 0; i < retry && ceiling < cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap);
  random01 = std::clamp(random01, 0.0, 1.0);
  return Milliseconds{static_cast<std::int64_t>(static_cast<double>(ceiling) * random01)};
}

Milliseconds poll_interval(const PollPolicy& policy, int poll) {
  double interval = static_cast<double>(policy.first_interval.count());
  const double cap = static_cast<double>(policy.max_interval.count());
  for (int i = 0; i < poll && interval < cap; ++i) interval *= std::max(policy.factor, 1.0);
  return Milliseconds{static_cast<std::int64_t>(std::min(interval, cap))};
}

RetryEnvironment RetryEnvironment::system() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return RetryEnvironment{
      [] { return std::chrono::steady_clock::now(); },
      [] { return std::chrono::system_clock::now(); },
      [](Milliseconds delay) { std::this_thread::sleep_for(delay); },
      [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); },
  };
}

RetryResult exchange_with_retries(const Exchange& exchange, const HttpRequest& request,
                                  Idempotency idempotency, const RetryPolicy& policy,
                                  const RetryEnvironment& environment,
                                  const std::function<void(const AttemptRecord&)>& on_attempt) {
  RetryResult result;
  const auto started = environment.now();
  const auto deadline = started + policy.max_time;
  for (int retry = 0;; ++retry) {
    result.response = exchange(request);
    result.attempts = retry + 1;
    result.outcome = classify(idempotency, result.response);
    AttemptRecord record{result.attempts, &result.response, result.outcome, std::nullopt};
    if (result.outcome != AttemptOutcome::retryable) {
      if (on_attempt) on_attempt(record);
      return result;
    }
    if (retry >= policy.retries) {
      result.gave_up_reason =
          "gave up after " + std::to_string(result.attempts) + (result.attempts == 1 ? " try" : " tries");
      if (on_attempt) on_attempt(record);
      return result;
    }
    Milliseconds delay = backoff_delay(policy, retry, environment.random01());
    std::optional<Milliseconds> asked;
    if (auto header = result.response.header("Retry-After"))
      asked = parse_retry_after(*header, environment.wall_clock());
    if (asked) delay = *asked;
    const auto now = environment.now();
    if (now + delay > deadline) {
      result.gave_up_reason =
          asked ? "the server asked to wait " + seconds_text(*asked) +
                      ", past the retry time limit; gave up after " + std::to_string(result.attempts) +
                      (result.attempts == 1 ? " try" : " tries")
                : "gave up after " + std::to_string(result.attempts) +
                      (result.attempts == 1 ? " try" : " tries") + " (retry time limit reached)";
      if (on_attempt) on_attempt(record);
      return result;
    }
    record.next_delay = delay;
    if (on_attempt) on_attempt(record);
    environment.sleep(delay);
  }
}

}  // namespace tfq::send
