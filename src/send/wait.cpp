// Waiting for exports and queries to finish: poll, back off, stop at the timeout. Each poll is itself a
// GET under the retry policy, so a blip in the network does not end the wait.
#include "tfq/api.hpp"

namespace tfq::send {
namespace {

std::string duration_text(Milliseconds elapsed) {
  const auto seconds = elapsed.count() / 1000;
  if (seconds < 60) return std::to_string(seconds) + "s";
  return std::to_string(seconds / 60) + "m" + std::to_string(seconds % 60) + "s";
}

// Sleeps until the next poll; false when the timeout has passed and no poll should follow.
bool pause_before_poll(const RetryEnvironment& environment, const PollPolicy& policy, int poll,
                       std::chrono::steady_clock::time_point started) {
  const auto elapsed = std::chrono::duration_cast<Milliseconds>(environment.now() - started);
  Milliseconds interval = poll_interval(policy, poll);
  if (policy.timeout.count() > 0) {
    if (elapsed >= policy.timeout) return false;
    interval = std::min(interval, policy.timeout - elapsed);  // one last poll right at the timeout
  }
  environment.sleep(interval);
  return true;
}

}  // namespace

std::vector<ApiResult<ExportRequest>> wait_for_exports(Client& client, std::string_view contract,
                                                       const std::vector<std::string>& keys,
                                                       const PollPolicy& policy,
                                                       const WaitProgress& progress) {
  const RetryEnvironment& environment = client.environment();
  const auto started = environment.now();
  std::vector<ApiResult<ExportRequest>> results(keys.size());
  std::vector<bool> finished(keys.size(), false);
  std::size_t finished_count = 0;
  for (int poll = 0;; ++poll) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (finished[i]) continue;
      ApiResult<ExportRequest> seen = client.get_export(contract, keys[i]);
      const std::string status = seen.value ? seen.value->request_status : std::string();
      if (seen.ok() && status != "Download" && status != "Error") {
        results[i].value = std::move(seen.value);  // still Requested: remember it and poll again
        continue;
      }
      if (seen.ok() && status == "Error") {
        seen.outcome = Outcome::rejected;
        seen.message = "the server could not produce the export (status Error)";
      }
      results[i] = std::move(seen);
      finished[i] = true;
      ++finished_count;
    }
    const auto elapsed = std::chrono::duration_cast<Milliseconds>(environment.now() - started);
    if (progress) progress(finished_count, keys.size(), elapsed);
    if (finished_count == keys.size()) return results;
    if (!pause_before_poll(environment, policy, poll, started)) break;
  }
  const auto elapsed = std::chrono::duration_cast<Milliseconds>(environment.now() - started);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (finished[i]) continue;
    const std::string status = results[i].value ? results[i].value->request_status : "unknown";
    results[i].outcome = Outcome::network;
    results[i].message =
        "still " + status + " after " + duration_text(elapsed) + "; stopped waiting (--timeout)";
  }
  return results;
}

ApiResult<QueryPage> wait_for_query(Client& client, std::string_view contract, std::string_view id,
                                    const PollPolicy& policy, const WaitProgress& progress) {
  const RetryEnvironment& environment = client.environment();
  const auto started = environment.now();
  std::string status = "unknown";
  for (int poll = 0;; ++poll) {
    ApiResult<QueryPage> seen = client.get_query(contract, id, 0, 1);
    if (!seen.ok()) return seen;
    status = seen.value->status;
    const bool done = status == "DONE";
    const bool ended = status == "FAILED" || status == "TIMEOUT" || status == "EXPIRED";
    if (progress) {
      progress(done || ended ? 1 : 0, 1,
               std::chrono::duration_cast<Milliseconds>(environment.now() - started));
    }
    if (done) return seen;
    if (ended) {
      seen.outcome = Outcome::rejected;
      seen.message = "the query ended with status " + status;
      return seen;
    }
    if (!pause_before_poll(environment, policy, poll, started)) break;
  }
  ApiResult<QueryPage> timed_out;
  timed_out.outcome = Outcome::network;
  timed_out.message = "the query is still " + status + " after " +
                      duration_text(std::chrono::duration_cast<Milliseconds>(environment.now() - started)) +
                      "; stopped waiting (--timeout)";
  return timed_out;
}

}  // namespace tfq::send
