// The --verbose trace lines, redacted: the Authorization header and the token never reach the sink.
#include "send/trace.hpp"

#include <curl/curl.h>

#include "tfq/send.hpp"

namespace tfq::send {

void emit_trace(const std::function<void(std::string_view)>& sink, int kind, std::string_view data,
                std::span<const std::string> secrets) {
  if (!sink) return;
  std::string_view prefix;
  switch (static_cast<curl_infotype>(kind)) {
    case CURLINFO_TEXT: prefix = "* "; break;
    case CURLINFO_HEADER_OUT: prefix = "> "; break;
    case CURLINFO_HEADER_IN: prefix = "< "; break;
    case CURLINFO_DATA_OUT: sink("> [" + std::to_string(data.size()) + " bytes of body]"); return;
    case CURLINFO_DATA_IN: sink("< [" + std::to_string(data.size()) + " bytes of body]"); return;
    default: return;  // TLS records
  }
  // Redact the whole block first: a secret could straddle the line breaks we split at.
  const std::string clean = redact(data, secrets);
  std::size_t start = 0;
  while (start < clean.size()) {
    std::size_t end = clean.find('\n', start);
    if (end == std::string::npos) end = clean.size();
    std::string_view line(clean.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) sink(std::string(prefix) + std::string(line));
    start = end + 1;
  }
}

}  // namespace tfq::send
