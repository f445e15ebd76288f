// Following requests after they are made, shared by wait, download and submit --wait/--download: the
// polling flags, waiting with a progress line, and downloading with a progress bar and Ctrl-C cleanup.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "tfq/api.hpp"

namespace tfq::cli {

struct WaitFlags {
  double timeout = 3600;  // seconds; 0: wait forever
  double interval = 5;    // seconds before the second poll
  double max_interval = 60;
};

void add_wait_flags(CLI::App& command, WaitFlags& flags);
send::PollPolicy poll_policy(const WaitFlags& flags);

// Waits for the exports, showing "waiting: 1 of 3 ready (0m12s)" on stderr when it is a terminal.
std::vector<send::ApiResult<send::ExportRequest>> wait_with_progress(send::Client& client,
                                                                     std::string_view contract,
                                                                     const std::vector<std::string>& keys,
                                                                     const send::PollPolicy& policy);

// Waits for a query the same way.
send::ApiResult<send::QueryPage> wait_for_query_with_progress(send::Client& client, std::string_view contract,
                                                              std::string_view id,
                                                              const send::PollPolicy& policy);

// Downloads an export to `path` with a progress bar on a terminal; Ctrl-C stops it and leaves no file.
send::ApiResult<std::uint64_t> download_with_progress(send::Client& client, std::string_view contract,
                                                      std::string_view key, const std::string& path,
                                                      bool overwrite);

// Writes a finished query's rows to `path` as CSV, with a progress line on a terminal.
send::ApiResult<std::uint64_t> download_query_with_progress(send::Client& client, std::string_view contract,
                                                            std::string_view id, std::uint64_t page_size,
                                                            const std::string& path, bool overwrite);

// A file name from the server made safe to use in a directory: its last path component, never empty,
// "." or "..", with a fallback.
std::string safe_file_name(std::string_view suggested, std::string_view fallback);

}  // namespace tfq::cli
