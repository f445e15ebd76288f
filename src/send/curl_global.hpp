// libcurl's process-wide set-up, done once before the first handle is made.
#pragma once

namespace tfq::send {

void ensure_curl_initialized();

}  // namespace tfq::send
