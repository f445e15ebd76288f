// URLs and names that go into them: the base URL rule (https, or http to loopback only), contract numbers,
// percent-encoding of path segments.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "send/curl_library.hpp"
#include "tfq/send.hpp"

namespace tfq::send {
namespace {

using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> url_part(CURLU* url, CURLUPart part) {
  char* value = nullptr;
  const CurlLibrary& lib = curl_library();
  if (lib.url_get(url, part, &value, 0) != CURLUE_OK || value == nullptr) return std::nullopt;
  std::string text(value);
  lib.free(value);
  return text;
}

bool is_loopback_host(std::string_view host) {
  const std::string name = lower(host);
  if (name == "localhost" || name == "[::1]" || name == "::1") return true;
  // 127.0.0.0/8 written as a dotted quad.
  if (!name.starts_with("127.")) return false;
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}

// The scheme and host of an absolute URL, or a reason it is not one.
struct SchemeHost {
  std::string scheme;
  std::string host;
};

std::optional<SchemeHost> scheme_and_host(std::string_view text, std::string* why) {
  const CurlLibrary& lib = curl_library();
  UrlHandle url(lib.url(), lib.url_cleanup);
  const std::string copy(text);
  if (!url || lib.url_set(url.get(), CURLUPART_URL, copy.c_str(), 0) != CURLUE_OK) {
    if (why) *why = "not a valid absolute URL";
    return std::nullopt;
  }
  auto scheme = url_part(url.get(), CURLUPART_SCHEME);
  auto host = url_part(url.get(), CURLUPART_HOST);
  if (!scheme || !host || host->empty()) {
    if (why) *why = "not a valid absolute URL";
    return std::nullopt;
  }
  return SchemeHost{lower(*scheme), *host};
}

bool allowed(const SchemeHost& parts, std::string* why) {
  if (parts.scheme == "https") return true;
  if (parts.scheme == "http") {
    if (is_loopback_host(parts.host)) return true;
    if (why)
      *why = "plain http:// is allowed only for loopback hosts (localhost, 127.0.0.1, [::1]); use https://";
    return false;
  }
  if (why) *why = "only https:// URLs are allowed";
  return false;
}

}  // namespace

std::string checked_base_url(std::string_view url, std::string* why) {
  const auto parts = scheme_and_host(url, why);
  if (!parts || !allowed(*parts, why)) return {};
  if (url.find_first_of("?#") != std::string_view::npos) {
    if (why) *why = "the base URL may not have a query or a fragment";
    return {};
  }
  std::string base(url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

bool is_allowed_url(std::string_view url) {
  const auto parts = scheme_and_host(url, nullptr);
  return parts && allowed(*parts, nullptr);
}

bool is_valid_contract(std::string_view contract, bool allow_null) {
  if (allow_null && contract == "null") return true;
  return !contract.empty() && contract.size() <= 32 &&
         std::all_of(contract.begin(), contract.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace tfq::send
