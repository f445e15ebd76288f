// How a libcurl error code maps onto the sender's failure kinds (kept apart so tests can check the table).
#pragma once

#include "tfq/send.hpp"

namespace tfq::send {

// `request_sent`: libcurl had started sending the request when the error happened.
TransferFailure classify_curl_error(int curl_code, bool request_sent);

}  // namespace tfq::send
