// libcurl, loaded with dlopen when tfq first talks to a server rather than linked into every process:
// linking it makes each start of tfq resolve libcurl and its thirty-odd libraries (about 4 ms here), a
// cost that lint, compile and fmt, which never send anything, would pay on every file a hook hands them.
#pragma once

#include <curl/curl.h>

namespace tfq::send {

// The libcurl functions tfq uses, each with the signature curl/curl.h declares for it.
struct CurlLibrary {
  decltype(&curl_global_init) global_init;
  decltype(&curl_global_cleanup) global_cleanup;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_reset) easy_reset;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
  decltype(&curl_url) url;
  decltype(&curl_url_cleanup) url_cleanup;
  decltype(&curl_url_set) url_set;
  decltype(&curl_url_get) url_get;
  decltype(&curl_free) free;
};

// libcurl, loaded and globally initialised on the first call (once per process, thread-safely; cleaned up
// at exit). Throws std::runtime_error saying why when it cannot be loaded or initialised.
const CurlLibrary& curl_library();

}  // namespace tfq::send
