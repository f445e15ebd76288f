// The retry and polling policy, without a network: which attempts are retried, backoff with full jitter,
// Retry-After in seconds and as HTTP dates, the retry budget, and the never-a-duplicate rule for POSTs.
#include <catch2/catch.hpp>
#include <deque>

#include "send/transport_errors.hpp"
#include "tfq/send.hpp"

using namespace tfq::send;
using namespace std::chrono_literals;

namespace {

HttpResponse answer(long status, std::vector<Header> headers = {}) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  return response;
}

HttpResponse failure(TransferFailure kind) {
  HttpResponse response;
  response.failure = kind;
  response.error = "simulated";
  return response;
}

// A scripted network and a fake clock: sleeping advances the clock, nothing really waits.
struct Script {
  std::deque<HttpResponse> answers;
  std::vector<Milliseconds> sleeps;
  int calls = 0;
  std::chrono::steady_clock::time_point clock{};
  double dice = 0.5;

  Exchange exchange() {
    return [this](const HttpRequest&) {
      ++calls;
      HttpResponse next = answers.front();
      if (answers.size() > 1) answers.pop_front();
      return next;
    };
  }
  RetryEnvironment environment() {
    return RetryEnvironment{
        [this] { return clock; },
        [] { return std::chrono::system_clock::from_time_t(1'700'000'000); },
        [this](Milliseconds delay) {
          sleeps.push_back(delay);
          clock += delay;
        },
        [this] { return dice; },
    };
  }
};

RetryPolicy quick_policy(int retries = 3) {
  RetryPolicy policy;
  policy.retries = retries;
  policy.base_delay = 100ms;
  policy.max_delay = 1000ms;
  policy.max_time = 60'000ms;
  return policy;
}

}  // namespace

TEST_CASE("GET requests retry on every transient failure and status", "[send][policy]") {
  for (const auto& response : {failure(TransferFailure::not_sent), failure(TransferFailure::timeout),
                               failure(TransferFailure::connection_lost), answer(408), answer(429),
                               answer(500), answer(502), answer(503), answer(504)}) {
    CHECK(classify(Idempotency::safe, response) == AttemptOutcome::retryable);
  }
  CHECK(classify(Idempotency::safe, answer(200)) == AttemptOutcome::answered);
  CHECK(classify(Idempotency::safe, answer(204)) == AttemptOutcome::answered);
  for (long status : {400L, 401L, 403L, 404L, 409L, 501L}) {
    CHECK(classify(Idempotency::safe, answer(status)) == AttemptOutcome::rejected);
  }
  CHECK(classify(Idempotency::safe, failure(TransferFailure::tls)) == AttemptOutcome::failed);
  CHECK(classify(Idempotency::safe, failure(TransferFailure::aborted)) == AttemptOutcome::failed);
}

TEST_CASE("creating POSTs retry only when the server certainly did not act", "[send][policy]") {
  CHECK(classify(Idempotency::creating, failure(TransferFailure::not_sent)) == AttemptOutcome::retryable);
  CHECK(classify(Idempotency::creating, answer(429)) == AttemptOutcome::retryable);
  CHECK(classify(Idempotency::creating, answer(503)) == AttemptOutcome::retryable);
  for (const auto& response : {failure(TransferFailure::timeout), failure(TransferFailure::connection_lost),
                               answer(408), answer(500), answer(502), answer(504)}) {
    CHECK(classify(Idempotency::creating, response) == AttemptOutcome::outcome_unknown);
  }
  CHECK(classify(Idempotency::creating, answer(400)) == AttemptOutcome::rejected);
  CHECK(classify(Idempotency::creating, answer(200)) == AttemptOutcome::answered);
}

TEST_CASE("libcurl errors before the request went out count as not sent", "[send][policy]") {
  CHECK(classify_curl_error(6, false) == TransferFailure::not_sent);   // couldn't resolve host
  CHECK(classify_curl_error(7, false) == TransferFailure::not_sent);   // couldn't connect
  CHECK(classify_curl_error(28, false) == TransferFailure::not_sent);  // connect timeout
  CHECK(classify_curl_error(28, true) == TransferFailure::timeout);
  CHECK(classify_curl_error(52, true) == TransferFailure::connection_lost);  // empty reply
  CHECK(classify_curl_error(18, true) == TransferFailure::connection_lost);  // partial file
  CHECK(classify_curl_error(60, false) == TransferFailure::tls);             // peer verification
  CHECK(classify_curl_error(42, true) == TransferFailure::aborted);
  CHECK(classify_curl_error(0, true) == TransferFailure::none);
}

TEST_CASE("backoff grows exponentially under full jitter and stops at the cap", "[send][policy]") {
  const RetryPolicy policy = quick_policy();
  CHECK(backoff_delay(policy, 0, 0.999999) == 99ms);
  CHECK(backoff_delay(policy, 1, 0.5) == 100ms);
  CHECK(backoff_delay(policy, 2, 0.5) == 200ms);
  CHECK(backoff_delay(policy, 3, 0.5) == 400ms);
  CHECK(backoff_delay(policy, 10, 0.5) == 500ms);  // capped at max_delay 1000 ms
  CHECK(backoff_delay(policy, 60, 1.0) == 1000ms);
  CHECK(backoff_delay(policy, 5, 0.0) == 0ms);  // full jitter reaches down to zero
}

TEST_CASE("Retry-After is read as seconds or as any of the three HTTP date formats", "[send][policy]") {
  // 1994-11-06T08:49:37Z is 784111777 seconds after the epoch.
  const auto now = std::chrono::system_clock::from_time_t(784111777 - 30);
  CHECK(parse_retry_after("120", now) == Milliseconds{120'000});
  CHECK(parse_retry_after(" 0 ", now) == Milliseconds{0});
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == Milliseconds{30'000});
  CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == Milliseconds{30'000});
  CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", now) == Milliseconds{30'000});
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now) == Milliseconds{0});  // in the past
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("-5", now));
  CHECK_FALSE(parse_retry_after("1.5", now));
  CHECK_FALSE(parse_retry_after("Sun, 06 Nov 1994 08:49:37 PST", now));
  CHECK_FALSE(parse_retry_after("Sun, 06 Foo 1994 08:49:37 GMT", now));
  CHECK_FALSE(parse_retry_after("", now));
}

TEST_CASE("a GET is retried until it succeeds, waiting the backoff in between", "[send][policy]") {
  Script script;
  script.answers = {answer(503), failure(TransferFailure::timeout), answer(200)};
  std::vector<AttemptRecord> seen;
  const auto result =
      exchange_with_retries(script.exchange(), {}, Idempotency::safe, quick_policy(), script.environment(),
                            [&](const AttemptRecord& r) { seen.push_back(r); });
  CHECK(result.outcome == AttemptOutcome::answered);
  CHECK(result.attempts == 3);
  CHECK(script.sleeps == std::vector<Milliseconds>{50ms, 100ms});
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].next_delay == 50ms);
  CHECK_FALSE(seen[2].next_delay);
}

TEST_CASE("Retry-After replaces the backoff delay", "[send][policy]") {
  Script script;
  script.answers = {answer(429, {{"retry-after", "7"}}), answer(200)};
  const auto result = exchange_with_retries(script.exchange(), {}, Idempotency::creating, quick_policy(),
                                            script.environment());
  CHECK(result.outcome == AttemptOutcome::answered);
  CHECK(script.sleeps == std::vector<Milliseconds>{7000ms});
}

TEST_CASE("retries stop after --retries more attempts with a gave-up reason", "[send][policy]") {
  Script script;
  script.answers = {answer(503)};
  const auto result =
      exchange_with_retries(script.exchange(), {}, Idempotency::safe, quick_policy(2), script.environment());
  CHECK(result.outcome == AttemptOutcome::retryable);
  CHECK(script.calls == 3);
  CHECK(result.gave_up_reason == "gave up after 3 tries");
}

TEST_CASE("a Retry-After beyond the retry time limit ends the retries at once", "[send][policy]") {
  Script script;
  script.answers = {answer(429, {{"Retry-After", "3600"}})};
  RetryPolicy policy = quick_policy(10);
  policy.max_time = 10'000ms;
  const auto result =
      exchange_with_retries(script.exchange(), {}, Idempotency::creating, policy, script.environment());
  CHECK(script.calls == 1);
  CHECK(script.sleeps.empty());
  CHECK(result.gave_up_reason ==
        "the server asked to wait 3600s, past the retry time limit; gave up after 1 try");
}

TEST_CASE("the retry time limit bounds the total of the backoff waits", "[send][policy]") {
  Script script;
  script.answers = {failure(TransferFailure::not_sent)};
  script.dice = 0.999;
  RetryPolicy policy = quick_policy(100);
  policy.max_time = 2'500ms;
  const auto result =
      exchange_with_retries(script.exchange(), {}, Idempotency::safe, policy, script.environment());
  CHECK(result.outcome == AttemptOutcome::retryable);
  Milliseconds total{0};
  for (auto delay : script.sleeps) total += delay;
  CHECK(total <= 2'500ms);
  CHECK(script.calls < 100);
}

TEST_CASE("a POST that timed out or got a 500 is never sent again", "[send][policy]") {
  for (const auto& first : {failure(TransferFailure::timeout), failure(TransferFailure::connection_lost),
                            answer(500), answer(502), answer(504)}) {
    Script script;
    script.answers = {first, answer(200)};
    const auto result = exchange_with_retries(script.exchange(), {}, Idempotency::creating, quick_policy(),
                                              script.environment());
    CHECK(script.calls == 1);
    CHECK(result.outcome == AttemptOutcome::outcome_unknown);
  }
}

TEST_CASE("a POST refused before it was sent is sent again", "[send][policy]") {
  Script script;
  script.answers = {failure(TransferFailure::not_sent), answer(503), answer(200)};
  const auto result = exchange_with_retries(script.exchange(), {}, Idempotency::creating, quick_policy(),
                                            script.environment());
  CHECK(script.calls == 3);
  CHECK(result.outcome == AttemptOutcome::answered);
}

TEST_CASE("poll intervals grow by the factor up to the maximum", "[send][policy]") {
  PollPolicy policy;
  policy.first_interval = 1000ms;
  policy.factor = 2.0;
  policy.max_interval = 5000ms;
  CHECK(poll_interval(policy, 0) == 1000ms);
  CHECK(poll_interval(policy, 1) == 2000ms);
  CHECK(poll_interval(policy, 2) == 4000ms);
  CHECK(poll_interval(policy, 3) == 5000ms);
  CHECK(poll_interval(policy, 1000) == 5000ms);
}
