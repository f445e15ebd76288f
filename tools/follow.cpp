// Waiting and downloading for the CLI: the library's loops plus terminal progress and interrupt handling.
#include "follow.hpp"

#include "progress.hpp"

namespace tfq::cli {

void add_wait_flags(CLI::App& command, WaitFlags& flags) {
  const std::string group = "Waiting";
  command.add_option("--timeout", flags.timeout, "seconds to wait at most (0: no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 30.0 * 86400))
      ->group(group);
  command
      .add_option("--interval", flags.interval, "seconds between the first polls (grows by half each time)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0))
      ->group(group);
  command.add_option("--max-interval", flags.max_interval, "seconds between polls at most")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0))
      ->group(group);
}

send::PollPolicy poll_policy(const WaitFlags& flags) {
  send::PollPolicy policy;
  policy.first_interval = send::Milliseconds{static_cast<std::int64_t>(flags.interval * 1000)};
  policy.max_interval = std::max(policy.first_interval,
                                 send::Milliseconds{static_cast<std::int64_t>(flags.max_interval * 1000)});
  policy.timeout = send::Milliseconds{static_cast<std::int64_t>(flags.timeout * 1000)};
  return policy;
}

std::vector<send::ApiResult<send::ExportRequest>> wait_with_progress(send::Client& client,
                                                                     std::string_view contract,
                                                                     const std::vector<std::string>& keys,
                                                                     const send::PollPolicy& policy) {
  ProgressLine line;
  return send::wait_for_exports(client, contract, keys, policy,
                                [&line](std::size_t finished, std::size_t total, send::Milliseconds elapsed) {
                                  line.show("waiting: " + std::to_string(finished) + " of " +
                                            std::to_string(total) + " finished (" +
                                            elapsed_text(elapsed.count()) + ")");
                                });
}

send::ApiResult<send::QueryPage> wait_for_query_with_progress(send::Client& client, std::string_view contract,
                                                              std::string_view id,
                                                              const send::PollPolicy& policy) {
  ProgressLine line;
  return send::wait_for_query(client, contract, id, policy,
                              [&line](std::size_t, std::size_t, send::Milliseconds elapsed) {
                                line.show("waiting for the query (" + elapsed_text(elapsed.count()) + ")");
                              });
}

send::ApiResult<std::uint64_t> download_with_progress(send::Client& client, std::string_view contract,
                                                      std::string_view key, const std::string& path,
                                                      bool overwrite) {
  ProgressLine line;
  InterruptGuard guard;
  send::DownloadOptions options;
  options.overwrite = overwrite;
  options.progress = [&line](std::uint64_t done, std::uint64_t total) {
    line.show(progress_bar(done, total));
    return !InterruptGuard::interrupted();
  };
  auto result = send::download_export(client, contract, key, path, options);
  if (InterruptGuard::interrupted()) {
    result.outcome = send::Outcome::network;
    result.message = "interrupted; nothing was written";
  }
  return result;
}

send::ApiResult<std::uint64_t> download_query_with_progress(send::Client& client, std::string_view contract,
                                                            std::string_view id, std::uint64_t page_size,
                                                            const std::string& path, bool overwrite) {
  ProgressLine line;
  InterruptGuard guard;
  send::DownloadOptions options;
  options.overwrite = overwrite;
  options.progress = [&line](std::uint64_t rows, std::uint64_t total) {
    line.show("rows: " + std::to_string(rows) + " of " + std::to_string(total));
    return !InterruptGuard::interrupted();
  };
  auto result = send::download_query_results(client, contract, id, page_size, path, options);
  if (InterruptGuard::interrupted()) {
    result.outcome = send::Outcome::network;
    result.message = "interrupted; nothing was written";
  }
  return result;
}

std::string safe_file_name(std::string_view suggested, std::string_view fallback) {
  const auto slash = suggested.find_last_of("/\\");
  std::string name(slash == std::string_view::npos ? suggested : suggested.substr(slash + 1));
  std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (name.empty() || name == "." || name == "..") name = std::string(fallback);
  return name;
}

}  // namespace tfq::cli
