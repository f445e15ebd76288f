// The submit journal: JSON lines, flushed and fsynced, for each attempt to create an export or a query (a
// "sending" line before it goes out, one with its outcome after), so a re-run (a retried CI job) can skip
// the bodies the server already accepted, and stop at those it may have.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfq::send {

// Lower-case hex SHA-256 of the bytes (FIPS 180-4).
std::string sha256_hex(std::string_view data);

struct JournalEntry {
  std::string time;  // UTC, ISO 8601 with milliseconds and a Z
  std::string file;
  std::string name;  // the request's name (downloadFileName or the file's stem)
  std::string contract;
  std::string target;  // "export" or "query"
  std::string body_sha256;
  int attempt = 1;
  long http_status = 0;     // 0: no answer
  std::string outcome;      // accepted, rejected, retrying, unknown, failed
  std::string request_key;  // the requestKey (or query id) when accepted
};

std::string to_json_line(const JournalEntry& entry);  // one line, with its "\n"

class Journal {
 public:
  // Opens (creating, mode 0600) for appending.
  static std::optional<Journal> open(const std::string& path, std::string* error);
  Journal(Journal&& other) noexcept;
  Journal& operator=(Journal&&) = delete;
  ~Journal();

  // Writes the line in one write() and fsyncs it.
  bool append(const JournalEntry& entry, std::string* error);

 private:
  explicit Journal(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// What an earlier run recorded for one body: an accepted attempt wins over anything else; otherwise a
// last line saying "unknown" or "sending" (the run died mid-request) means the export may exist.
struct EarlierSubmission {
  std::string outcome;  // "accepted" or "unknown"
  std::string request_key;
  std::size_t line = 0;  // 1-based line in the journal
};

struct JournalHistory {
  std::vector<JournalEntry> entries;
  std::vector<std::size_t> lines;  // the 1-based journal line of each entry
  std::optional<EarlierSubmission> find(std::string_view contract, std::string_view target,
                                        std::string_view body_sha256) const;
};

// Reads a journal; a missing file is an empty history. Lines that are not journal entries (a line cut by
// a crash) are skipped; *skipped counts them.
std::optional<JournalHistory> read_journal(const std::string& path, std::string* error,
                                           std::size_t* skipped = nullptr);

// The current time as the journal writes it.
std::string utc_timestamp();

}  // namespace tfq::send
