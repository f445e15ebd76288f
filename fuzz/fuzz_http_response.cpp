// Fuzz target: the sender's readers of what a server sends back (response bodies of every endpoint,
// error bodies, Retry-After). The first byte picks the reader, the rest is the body. For any bytes: no
// crash, no exception; a reader gives a value or says why not, never both or neither.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "support.hpp"
#include "tfq/send.hpp"

namespace {

template <class T>
bool value_or_error(const tfq::send::Parsed<T>& parsed) {
  return parsed.value.has_value() == parsed.error.empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  namespace send = tfq::send;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 7) {
    case 0: {
      const send::ApiError error = send::parse_api_error(400 + data[0] % 100, body);
      FUZZ_CHECK(error.http_status >= 400);
      break;
    }
    case 1: FUZZ_CHECK(value_or_error(send::parse_export_request(body))); break;
    case 2: FUZZ_CHECK(value_or_error(send::parse_export_list(body))); break;
    case 3: FUZZ_CHECK(value_or_error(send::parse_refreshed_request(body))); break;
    case 4: FUZZ_CHECK(value_or_error(send::parse_query_job(body))); break;
    case 5: {
      const auto page = send::parse_query_page(body);
      FUZZ_CHECK(value_or_error(page));
      if (page.value) {
        for (const auto& row : page.value->rows) FUZZ_CHECK(send::csv_record(row).back() == '\n');
      }
      break;
    }
    case 6: {
      // A fixed "now" keeps the run reproducible.
      const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
      const auto delay = send::parse_retry_after(body, now);
      FUZZ_CHECK(!delay || delay->count() >= 0);
      break;
    }
  }
  return 0;
}
