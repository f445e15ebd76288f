// Sending a batch of compiled requests: the journal around every attempt, skipping what an earlier run
// got accepted, stopping early when going on could only fail again or duplicate; then --wait/--download.
#include "submit_batch.hpp"

#include <filesystem>
#include <optional>

#include "connection.hpp"

namespace tfq::cli {
namespace {

send::JournalEntry journal_entry(const SubmitItem& item, const std::string& contract, int attempt,
                                 std::string outcome, long http_status, std::string key) {
  return send::JournalEntry{
      send::utc_timestamp(), item.file, item.name,   contract,           item.query ? "query" : "export",
      item.body_sha256,      attempt,   http_status, std::move(outcome), std::move(key)};
}

// The journal's word for an attempt that just ended, and the key when the server accepted it.
std::pair<std::string, std::string> attempt_outcome(const SubmitItem& item,
                                                    const send::AttemptRecord& record) {
  switch (record.outcome) {
    case send::AttemptOutcome::answered: {
      const std::string& body = record.response->body;
      std::string key =
          item.query ? send::parse_query_job(body).value.value_or(send::QueryJob{}).id
                     : send::parse_export_request(body).value.value_or(send::ExportRequest{}).request_key;
      if (key.empty()) return {"unknown", ""};
      return {"accepted", key};
    }
    case send::AttemptOutcome::retryable: return {record.next_delay ? "retrying" : "failed", ""};
    case send::AttemptOutcome::rejected: return {"rejected", ""};
    case send::AttemptOutcome::outcome_unknown: return {"unknown", ""};
    case send::AttemptOutcome::failed: return {"failed", ""};
  }
  return {"failed", ""};
}

// Going on after these could only fail the same way (the token, the contract, the network) or risk more
// requests of unknown fate.
bool stops_batch(const SubmitRow& row) {
  switch (row.outcome) {
    case send::Outcome::ok: return false;
    case send::Outcome::rejected: return row.http_status == 401 || row.http_status == 403;
    default: return true;
  }
}

// The status column of a request the server did not take.
std::string status_word(send::Outcome outcome) {
  switch (outcome) {
    case send::Outcome::rejected: return "rejected";
    case send::Outcome::unknown: return "unknown";
    case send::Outcome::local: return "not-sent";
    default: return "failed";
  }
}

template <class T>
void fill_row(SubmitRow& row, const send::ApiResult<T>& result) {
  row.outcome = result.outcome;
  row.message = result.message;
  row.attempts = result.attempts;
  row.http_status = result.error.http_status;
  row.sent = true;
  if (row.outcome == send::Outcome::rejected && row.http_status == 400) {
    row.message += "; tfq compile accepted this body: the catalog may be out of date";
  }
}

SubmitRow send_one(send::Client& client, const SubmitItem& item, const BatchOptions& options) {
  SubmitRow row;
  row.item = &item;
  std::string journal_error;
  send::Client::AttemptHooks hooks;
  if (options.journal != nullptr) {
    hooks.before = [&](int attempt) {
      // Written and fsynced before the request leaves: a run killed mid-request still leaves a record.
      return options.journal->append(journal_entry(item, options.contract, attempt, "sending", 0, ""),
                                     &journal_error);
    };
    hooks.after = [&](const send::AttemptRecord& record) {
      if (!journal_error.empty()) return;
      auto [outcome, key] = attempt_outcome(item, record);
      options.journal->append(
          journal_entry(item, options.contract, record.attempt, outcome, record.response->status, key),
          &journal_error);
    };
  }
  if (item.query) {
    const auto result = client.create_query(options.contract, item.body, hooks);
    fill_row(row, result);
    if (result.value) row.key = result.value->id, row.status = result.value->status;
  } else {
    const auto result = client.create_export(options.contract, item.body, hooks);
    fill_row(row, result);
    if (result.value) row.key = result.value->request_key, row.status = result.value->request_status;
  }
  if (row.key == "-") row.status = status_word(row.outcome);
  if (!journal_error.empty()) {
    if (row.outcome == send::Outcome::ok) {
      print_warning(item.label + ": accepted as " + row.key + ", but " + journal_error);
    } else {
      row.outcome = send::Outcome::local;
      row.status = "not-sent";
      row.message = journal_error + "; not sent";
    }
  }
  return row;
}

}  // namespace

std::vector<SubmitRow> send_all(send::Client& client, const std::vector<SubmitItem>& items,
                                const BatchOptions& options) {
  std::vector<SubmitRow> rows;
  std::optional<SubmitRow> stopped_by;
  for (const SubmitItem& item : items) {
    SubmitRow row;
    row.item = &item;
    row.status = "not-sent";
    const auto earlier =
        options.history
            ? options.history->find(options.contract, item.query ? "query" : "export", item.body_sha256)
            : std::nullopt;
    if (stopped_by) {
      row.outcome = stopped_by->outcome;
      row.message = "not sent: the batch stopped at " + stopped_by->item->label;
    } else if (earlier && earlier->outcome == "accepted") {
      row.key = earlier->request_key;
      row.status = "skipped";
      row.message = "accepted in an earlier run (journal line " + std::to_string(earlier->line) + ")";
    } else if (earlier) {
      row.status = "unknown";
      row.outcome = send::Outcome::unknown;
      row.message =
          "an earlier attempt (journal line " + std::to_string(earlier->line) +
          ") may have created it, so it is not sent again: check with `tfq list`, and remove its lines "
          "from the journal to send it";
    } else {
      row = send_one(client, item, options);
      if (stops_batch(row)) stopped_by = row;
    }
    if (options.on_row) options.on_row(row);
    rows.push_back(std::move(row));
  }
  return rows;
}

void follow_all(send::Client& client, std::vector<SubmitRow>& rows, const FollowOptions& options) {
  std::vector<SubmitRow*> exports;
  std::vector<std::string> keys;
  for (SubmitRow& row : rows) {
    if (row.outcome != send::Outcome::ok || row.item->query || row.key == "-") continue;
    exports.push_back(&row);
    keys.push_back(row.key);
  }
  if (!keys.empty()) {
    auto results = wait_with_progress(client, options.contract, keys, options.poll);
    for (std::size_t i = 0; i < exports.size(); ++i) {
      SubmitRow& row = *exports[i];
      const auto& result = results[i];
      if (result.value) row.status = result.value->request_status;
      if (!result.ok()) {
        row.outcome = result.outcome;
        row.message = result.message;
        continue;
      }
      if (options.download_dir.empty()) continue;
      const std::string file = safe_file_name(result.value->download_file_name, row.item->name + ".csv");
      const std::string path = (std::filesystem::path(options.download_dir) / file).string();
      const auto fetched = download_with_progress(client, options.contract, row.key, path, options.overwrite);
      if (!fetched.ok()) {
        row.outcome = fetched.outcome;
        row.message = fetched.message;
      } else {
        row.output = path;
      }
    }
  }
  for (SubmitRow& row : rows) {
    if (row.outcome != send::Outcome::ok || !row.item->query || row.key == "-") continue;
    const auto waited = wait_for_query_with_progress(client, options.contract, row.key, options.poll);
    if (waited.value) row.status = waited.value->status;
    if (!waited.ok()) {
      row.outcome = waited.outcome;
      row.message = waited.message;
      continue;
    }
    const std::string path =
        (std::filesystem::path(options.query_dir) / safe_file_name(row.item->name + ".csv", "query.csv"))
            .string();
    const auto written = download_query_with_progress(client, options.contract, row.key, options.page_size,
                                                      path, options.overwrite);
    if (!written.ok()) {
      row.outcome = written.outcome;
      row.message = written.message;
    } else {
      row.output = path;
    }
  }
}

}  // namespace tfq::cli
