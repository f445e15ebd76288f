// One curl_global_init per process, on first use; curl_global_cleanup when the process ends.
#include "send/curl_global.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>

namespace tfq::send {
namespace {

struct CurlGlobal {
  CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      std::fputs("tfq: libcurl failed to initialise\n", stderr);
      std::abort();
    }
  }
  ~CurlGlobal() { curl_global_cleanup(); }
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

}  // namespace

void ensure_curl_initialized() {
  // A function-local static: initialised exactly once, thread-safely, and cleaned up at exit.
  static const CurlGlobal global;
  (void)global;
}

}  // namespace tfq::send
