// The submit journal: appended one whole line per write(), fsynced, opened O_APPEND so concurrent
// writers do not interleave within a line; read back tolerantly (a crash can cut the last line).
#include "tfq/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace tfq::send {
namespace {

using nlohmann::ordered_json;

std::string text(const ordered_json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string utc_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
  return buffer;
}

std::string to_json_line(const JournalEntry& entry) {
  ordered_json line;
  line["time"] = entry.time;
  line["file"] = entry.file;
  line["name"] = entry.name;
  line["contract"] = entry.contract;
  line["target"] = entry.target;
  line["bodySha256"] = entry.body_sha256;
  line["attempt"] = entry.attempt;
  line["httpStatus"] = entry.http_status;
  line["outcome"] = entry.outcome;
  line["requestKey"] = entry.request_key;
  return line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::optional<Journal> Journal::open(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (error) *error = "cannot open the journal '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  return Journal(fd);
}

Journal::Journal(Journal&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

bool Journal::append(const JournalEntry& entry, std::string* error) {
  const std::string line = to_json_line(entry);
  ssize_t written = 0;
  do {
    written = ::write(fd_, line.data(), line.size());
  } while (written < 0 && errno == EINTR);
  if (written != static_cast<ssize_t>(line.size()) || ::fsync(fd_) != 0) {
    if (error) *error = std::string("cannot write the journal: ") + std::strerror(errno);
    return false;
  }
  return true;
}

std::optional<JournalHistory> read_journal(const std::string& path, std::string* error,
                                           std::size_t* skipped) {
  JournalHistory history;
  if (skipped) *skipped = 0;
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) return history;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot read the journal '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const auto value = ordered_json::parse(line, nullptr, false);
    if (value.is_discarded() || !value.is_object() || !value.contains("bodySha256")) {
      if (skipped && !line.empty()) ++*skipped;
      continue;
    }
    JournalEntry entry;
    entry.time = text(value, "time");
    entry.file = text(value, "file");
    entry.name = text(value, "name");
    entry.contract = text(value, "contract");
    entry.target = text(value, "target");
    entry.body_sha256 = text(value, "bodySha256");
    entry.outcome = text(value, "outcome");
    entry.request_key = text(value, "requestKey");
    if (const auto found = value.find("attempt"); found != value.end() && found->is_number_integer()) {
      entry.attempt = found->get<int>();
    }
    if (const auto found = value.find("httpStatus"); found != value.end() && found->is_number_integer()) {
      entry.http_status = found->get<long>();
    }
    history.entries.push_back(std::move(entry));
    history.lines.push_back(number);
  }
  return history;
}

std::optional<EarlierSubmission> JournalHistory::find(std::string_view contract, std::string_view target,
                                                      std::string_view body_sha256) const {
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const JournalEntry& entry = entries[i];
    if (entry.contract != contract || entry.target != target || entry.body_sha256 != body_sha256) continue;
    if (entry.outcome == "accepted") return EarlierSubmission{"accepted", entry.request_key, lines[i]};
    last = i;
  }
  // "sending" as the last word means the run ended (was killed) while the request was on its way.
  if (last && (entries[*last].outcome == "unknown" || entries[*last].outcome == "sending")) {
    return EarlierSubmission{"unknown", {}, lines[*last]};
  }
  return std::nullopt;
}

}  // namespace tfq::send
