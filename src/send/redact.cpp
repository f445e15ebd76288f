// Keeping secrets out of every line tfq prints: the token, any Authorization header value, and the query
// of a pre-signed download URL.
#include <algorithm>
#include <cctype>

#include "tfq/send.hpp"

namespace tfq::send {
namespace {

constexpr std::string_view kRedacted = "[redacted]";

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

void replace_all(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  std::size_t at = 0;
  while ((at = text.find(secret, at)) != std::string::npos) {
    text.replace(at, secret.size(), kRedacted);
    at += kRedacted.size();
  }
}

// "Authorization: Bearer xyz" -> "Authorization: [redacted]", line by line, keeping the line ends.
std::string redact_authorization_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(start, end - start);
    constexpr std::string_view kName = "authorization:";
    if (starts_with_ignoring_case(line, kName)) {
      out.append(line.substr(0, kName.size()));
      out += ' ';
      out.append(kRedacted);
      const std::size_t ending = line.find_last_not_of("\r\n");
      if (ending != std::string_view::npos) out.append(line.substr(ending + 1));
    } else {
      out.append(line);
    }
    start = end;
  }
  return out;
}

}  // namespace

std::string redact(std::string_view text, std::span<const std::string> secrets) {
  std::string out = redact_authorization_lines(text);
  // Longest first, so a secret that contains another is replaced whole.
  std::vector<std::string_view> ordered(secrets.begin(), secrets.end());
  std::sort(ordered.begin(), ordered.end(), [](auto a, auto b) { return a.size() > b.size(); });
  for (const auto secret : ordered) replace_all(out, secret);
  return out;
}

}  // namespace tfq::send
