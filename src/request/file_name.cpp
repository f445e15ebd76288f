// downloadFileName: the server appends `.csv` itself (a name sent as `x.csv` comes back as `xcsv.csv`), so a
// trailing `.csv` is dropped with a warning; a name that cannot be a plain file name is an error.
#include <algorithm>
#include <cstdio>

#include "request/rules.hpp"
#include "text/utf8.hpp"

namespace tfq::rules {
namespace {

bool ends_with_csv(std::string_view name) {
  if (name.size() < 4) return false;
  std::string tail(name.substr(name.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
  return tail == ".csv";
}

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::string code_point_name(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// Path separators and control characters, each kind reported once; returns the length in characters.
std::size_t check_characters(Context& context, const RequestItem& item, std::string_view name,
                             std::size_t& byte_at_limit) {
  bool separator_seen = false, control_seen = false;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < name.size();) {
    const utf8::Decoded decoded = utf8::decode(name, i);
    const char32_t c = decoded.code_point;
    const std::size_t length = decoded.length;
    if (characters == max_file_name_length) byte_at_limit = i;
    const SourceRange at = name_range(item, i, i + length);
    if ((c == '/' || c == '\\') && !separator_seen) {
      auto& d = context.report(Code::file_name_path_separator, at,
                               std::string("downloadFileName contains the path separator '") + char(c) + "'");
      d.help = "the server names a file, not a path: use '-' instead";
      if (!item.origins.empty()) d.fixes.push_back({at, "-"});
      separator_seen = true;
    } else if (is_control(c) && !control_seen) {
      context.report(Code::file_name_control_character, at,
                     "downloadFileName contains the control character " + code_point_name(c));
      control_seen = true;
    }
    ++characters;
    i += length;
  }
  return characters;
}

}  // namespace

void check_file_name(Context& context) {
  Request& request = context.request;
  if (!request.download_file_name) return;
  RequestItem& item = *request.download_file_name;
  if (!context.is_export()) {
    auto& d =
        context.report(Code::query_file_name, item.range, "a Query API request has no downloadFileName");
    d.help = "remove INTO, or export the data: drop QUERY";
    d.fixes.push_back(remove_item(item));
    return;
  }
  std::string name = item.name;
  // Every trailing `.csv` goes ("x.csv.csv" too), so that compiling the result again changes nothing.
  std::size_t kept = name.size();
  while (ends_with_csv(std::string_view(name).substr(0, kept))) kept -= 4;
  const bool had_csv = kept < name.size();
  if (had_csv) {
    const SourceRange extension = name_range(item, kept, name.size());
    auto& d = context.report(Code::file_name_csv_extension, extension,
                             "downloadFileName ends in '" + name.substr(kept) + "', which is removed");
    d.notes.push_back("the server appends .csv itself: 'x.csv' would come back as 'xcsv.csv'");
    if (!item.origins.empty()) d.fixes.push_back({extension, ""});
    name.resize(kept);
  }
  if (name.empty()) {
    context.report(
        Code::file_name_empty, item.range,
        had_csv ? "downloadFileName is empty once '.csv' is removed" : "downloadFileName is empty");
    return;
  }
  std::size_t byte_at_limit = name.size();
  const std::size_t characters = check_characters(context, item, name, byte_at_limit);
  if (characters > max_file_name_length) {
    context.report(Code::file_name_too_long, name_range(item, byte_at_limit, name.size()),
                   "downloadFileName is " + std::to_string(characters) + " characters long (the limit is " +
                       std::to_string(max_file_name_length) + ")");
  }
  item.name = std::move(name);
}

}  // namespace tfq::rules
