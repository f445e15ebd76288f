// Loading libcurl by its soname and binding each function tfq calls.
#include "send/curl_library.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace tfq::send {
namespace {

// The soname of libcurl's ABI, stable since libcurl 7.16; the development link name as a fallback.
constexpr const char* kSonames[] = {"libcurl.so.4", "libcurl.so"};

template <typename Function>
void bind(void* handle, const char* name, Function& slot) {
  slot = reinterpret_cast<Function>(::dlsym(handle, name));
  if (slot == nullptr) throw std::runtime_error(std::string("libcurl lacks ") + name + ": it is too old");
}

CurlLibrary load() {
  void* handle = nullptr;
  std::string why;
  for (const char* soname : kSonames) {
    // RTLD_LOCAL keeps libcurl's symbols out of the global scope; the handle stays open for the process.
    handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) break;
    if (why.empty()) why = ::dlerror();
  }
  if (handle == nullptr) throw std::runtime_error("cannot load libcurl: " + why);
  CurlLibrary lib{};
  bind(handle, "curl_global_init", lib.global_init);
  bind(handle, "curl_global_cleanup", lib.global_cleanup);
  bind(handle, "curl_easy_init", lib.easy_init);
  bind(handle, "curl_easy_setopt", lib.easy_setopt);
  bind(handle, "curl_easy_getinfo", lib.easy_getinfo);
  bind(handle, "curl_easy_perform", lib.easy_perform);
  bind(handle, "curl_easy_reset", lib.easy_reset);
  bind(handle, "curl_easy_cleanup", lib.easy_cleanup);
  bind(handle, "curl_easy_strerror", lib.easy_strerror);
  bind(handle, "curl_slist_append", lib.slist_append);
  bind(handle, "curl_slist_free_all", lib.slist_free_all);
  bind(handle, "curl_url", lib.url);
  bind(handle, "curl_url_cleanup", lib.url_cleanup);
  bind(handle, "curl_url_set", lib.url_set);
  bind(handle, "curl_url_get", lib.url_get);
  bind(handle, "curl_free", lib.free);
  if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
    throw std::runtime_error("libcurl failed to initialise");
  return lib;
}

struct LoadedCurl {
  CurlLibrary lib = load();
  LoadedCurl() = default;
  ~LoadedCurl() { lib.global_cleanup(); }
  LoadedCurl(const LoadedCurl&) = delete;
  LoadedCurl& operator=(const LoadedCurl&) = delete;
};

}  // namespace

const CurlLibrary& curl_library() {
  // A function-local static: loaded exactly once, thread-safely; a failed load is retried on the next call.
  static const LoadedCurl loaded;
  return loaded.lib;
}

}  // namespace tfq::send
