// tfq submit's sending, waiting and fetching, once every file has compiled: one row per request body,
// the journal written around each attempt, and the rule that decides when a batch stops early.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "follow.hpp"
#include "tfq/api.hpp"
#include "tfq/journal.hpp"

namespace tfq::cli {

struct SubmitItem {
  std::string file;    // as named on the command line
  std::string label;   // the file, or "file:name" when the file holds several statements
  std::string name;    // the request's name (downloadFileName or the file's stem)
  bool query = false;  // POST /usage/N/query instead of /export/N/requests
  std::string body;
  std::string body_sha256;
};

struct SubmitRow {
  const SubmitItem* item = nullptr;
  std::string key = "-";  // the requestKey, or the query id; "-" when there is none
  std::string status;  // the server's (Requested, QUEUED, Download, DONE, ...) or skipped, rejected, unknown,
                       // failed, not-sent
  send::Outcome outcome = send::Outcome::ok;
  std::string message;  // why, when outcome != ok
  long http_status = 0;
  int attempts = 0;
  std::string output;  // the file written by --download
  bool sent = false;
};

struct BatchOptions {
  std::string contract;
  send::Journal* journal = nullptr;               // --journal
  const send::JournalHistory* history = nullptr;  // --skip-submitted
  std::function<void(const SubmitRow&)> on_row;   // each row as soon as it is final for this phase
};

// POSTs each item in order. A body the journal shows as accepted is skipped (its key reused); one whose
// earlier outcome is unknown is not sent again. After a rejection of the token or the contract (401,
// 403), a network failure or an unknown outcome, the rest are not sent.
std::vector<SubmitRow> send_all(send::Client& client, const std::vector<SubmitItem>& items,
                                const BatchOptions& options);

struct FollowOptions {
  std::string contract;
  send::PollPolicy poll;
  std::string download_dir;  // empty: exports are waited for but not downloaded
  std::string query_dir;     // where a finished query's CSV goes
  std::uint64_t page_size = 100;
  bool overwrite = false;
};

// --wait: waits for every accepted export (and query), then downloads into download_dir when it is set;
// each row's status becomes the final one.
void follow_all(send::Client& client, std::vector<SubmitRow>& rows, const FollowOptions& options);

}  // namespace tfq::cli
