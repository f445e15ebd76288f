// Fetching results: an export's CSV through its pre-signed URL (refreshed when expired), and a query's
// rows page by page. Both are written atomically; a failure leaves nothing behind.
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "tfq/api.hpp"
#include "tfq/atomic_file.hpp"

namespace tfq::send {
namespace {

template <class T, class U>
ApiResult<T> failure_from(ApiResult<U>&& other, std::string prefix = {}) {
  ApiResult<T> out;
  out.outcome = other.outcome;
  out.error = std::move(other.error);
  out.message = prefix.empty() ? std::move(other.message) : prefix + ": " + other.message;
  out.attempts = other.attempts;
  return out;
}

template <class T>
ApiResult<T> failure(Outcome outcome, std::string message) {
  ApiResult<T> out;
  out.outcome = outcome;
  out.message = std::move(message);
  return out;
}

// "2024-05-01T10:00:00.123Z" -> a time point; nullopt when it does not look like that.
std::optional<std::chrono::system_clock::time_point> parse_expiry(const std::string& text) {
  std::tm tm{};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) !=
      6) {
    return std::nullopt;
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

// The storage service answers an expired or revoked pre-signed URL with one of these.
bool looks_expired(const ApiResult<long>& fetched) {
  const long status = fetched.error.http_status;
  return fetched.outcome == Outcome::rejected &&
         (status == 400 || status == 401 || status == 403 || status == 410);
}

std::optional<AtomicFile> open_target(const std::string& path, bool overwrite, std::string* error) {
  std::error_code ignored;
  if (!overwrite && std::filesystem::exists(path, ignored)) {
    *error = already_exists(path);
    return std::nullopt;
  }
  return AtomicFile::create(path, error);
}

}  // namespace

ApiResult<std::uint64_t> download_export(Client& client, std::string_view contract,
                                         std::string_view request_key, const std::string& path,
                                         const DownloadOptions& options) {
  auto request = client.get_export(contract, request_key);
  if (!request.ok()) return failure_from<std::uint64_t>(std::move(request));
  const ExportRequest& export_request = *request.value;
  if (export_request.request_status == "Error") {
    return failure<std::uint64_t>(Outcome::rejected,
                                  "the server could not produce the export (status Error)");
  }
  if (export_request.request_status != "Download" || export_request.download_url.empty()) {
    return failure<std::uint64_t>(Outcome::rejected, "the export is not ready (status " +
                                                         export_request.request_status +
                                                         "); wait for it with `tfq wait`");
  }
  std::string error;
  auto file = open_target(path, options.overwrite, &error);
  if (!file) return failure<std::uint64_t>(Outcome::local, error);

  std::string url = export_request.download_url;
  int refreshes = 0;
  const auto expiry = parse_expiry(export_request.download_url_expire_date);
  const bool expired_already = expiry && *expiry <= client.environment().wall_clock();
  int write_error = 0;  // errno of a failed write, taken at once: libcurl's calls would overwrite it
  const BodySink sink{
      [&] { file->restart(); },
      [&](std::string_view bytes) {
        if (file->write(bytes)) return true;
        write_error = errno;
        return false;
      },
      options.progress,
  };
  for (;;) {
    if ((refreshes == 0 && expired_already) || refreshes > 0) {
      auto refreshed = client.refresh_url(contract, request_key);
      if (!refreshed.ok())
        return failure_from<std::uint64_t>(std::move(refreshed), "could not refresh the download URL");
      url = refreshed.value->download_url;
    }
    if (!is_allowed_url(url)) {
      return failure<std::uint64_t>(Outcome::rejected,
                                    "the server's download URL is not https; not fetching it");
    }
    auto fetched = client.fetch_url(url, sink);
    if (fetched.ok()) break;
    if (write_error != 0) return failure<std::uint64_t>(Outcome::local, cannot_write(path, write_error));
    if (!looks_expired(fetched) || refreshes >= options.max_refreshes) {
      return failure_from<std::uint64_t>(std::move(fetched), "the download failed");
    }
    ++refreshes;
  }
  if (!file->commit(options.overwrite, &error)) return failure<std::uint64_t>(Outcome::local, error);
  ApiResult<std::uint64_t> done;
  done.outcome = Outcome::ok;
  done.value = file->size();
  return done;
}

ApiResult<std::uint64_t> download_query_results(Client& client, std::string_view contract,
                                                std::string_view id, std::uint64_t page_size,
                                                const std::string& path, const DownloadOptions& options) {
  std::string error;
  auto file = open_target(path, options.overwrite, &error);
  if (!file) return failure<std::uint64_t>(Outcome::local, error);
  page_size = std::max<std::uint64_t>(page_size, 1);
  std::uint64_t offset = 0;
  std::uint64_t last_page = 0;  // set from the first page's total: the loop cannot run forever
  for (std::uint64_t page_number = 0;; ++page_number) {
    auto page = client.get_query(contract, id, offset, page_size);
    if (!page.ok()) return failure_from<std::uint64_t>(std::move(page), "could not read the query results");
    if (!page.value->status.empty() && page.value->status != "DONE") {
      return failure<std::uint64_t>(Outcome::rejected,
                                    "the query is not finished (status " + page.value->status + ")");
    }
    if (page_number == 0) {
      last_page = page.value->total / page_size + 1;
      if (!file->write(csv_record(page.value->columns)))
        return failure<std::uint64_t>(Outcome::local, cannot_write(path, errno));
    }
    for (const auto& row : page.value->rows) {
      if (!file->write(csv_record(row)))
        return failure<std::uint64_t>(Outcome::local, cannot_write(path, errno));
    }
    offset += page.value->rows.size();
    if (options.progress && !options.progress(offset, page.value->total)) {
      return failure<std::uint64_t>(Outcome::network, "interrupted");
    }
    if (page.value->rows.empty() || offset >= page.value->total || page_number >= last_page) break;
  }
  if (!file->commit(options.overwrite, &error)) return failure<std::uint64_t>(Outcome::local, error);
  ApiResult<std::uint64_t> done;
  done.outcome = Outcome::ok;
  done.value = offset;
  return done;
}

}  // namespace tfq::send
