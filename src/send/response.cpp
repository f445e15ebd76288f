// Reading the server's answers: export request objects, lists of them, query jobs and result pages, and
// error bodies in each of the shapes seen ({"Code","Message"}, the gateway's {"developerMessage",
// "errorCode"}, the storage service's XML). Never throws: malformed input is an error string.
#include <nlohmann/json.hpp>

#include "tfq/send.hpp"

namespace tfq::send {
namespace {

using nlohmann::json;

std::optional<json> parse_json(std::string_view body) {
  json value = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

std::string compact(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A member as text: strings as they are, numbers and booleans as JSON, null or missing as "".
std::string text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  return compact(value);
}

std::string member(const json& object, const char* name) {
  const auto found = object.find(name);
  return found == object.end() ? std::string() : text_of(*found);
}

// The first line of a body, cut short and stripped of control characters, for messages.
std::string excerpt(std::string_view body) {
  std::string out;
  for (char c : body) {
    if (c == '\n' || c == '\r') {
      if (!out.empty()) break;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
    if (out.size() >= 200) {
      out += "...";
      break;
    }
  }
  return out;
}

// <Tag>text</Tag> from an XML error document (S3 answers an expired pre-signed URL that way).
std::string xml_element(std::string_view body, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const auto begin = body.find(open);
  if (begin == std::string_view::npos) return {};
  const auto end = body.find(close, begin + open.size());
  if (end == std::string_view::npos) return {};
  return excerpt(body.substr(begin + open.size(), end - begin - open.size()));
}

Parsed<ExportRequest> export_request_from(const json& value) {
  if (!value.is_object()) return {std::nullopt, "an export request is not a JSON object"};
  ExportRequest request;
  request.request_key = member(value, "requestKey");
  request.request_status = member(value, "requestStatus");
  request.download_file_name = member(value, "downloadFileName");
  request.export_request_date = member(value, "exportRequestDate");
  request.download_url = member(value, "downloadUrl");
  request.download_url_expire_date = member(value, "downloadUrlExpireDate");
  request.json = compact(value);
  if (request.request_key.empty()) return {std::nullopt, "the export request has no requestKey"};
  return {std::move(request), {}};
}

std::string column_name(const json& column) {
  if (column.is_object()) {
    for (const char* key : {"name", "label", "field", "id"}) {
      if (auto name = member(column, key); !name.empty()) return name;
    }
  }
  return text_of(column);
}

}  // namespace

ApiError parse_api_error(long http_status, std::string_view body) {
  ApiError error;
  error.http_status = http_status;
  if (const auto value = parse_json(body); value && value->is_object()) {
    error.code = member(*value, "Code");
    if (error.code.empty()) error.code = member(*value, "code");
    if (error.code.empty()) error.code = member(*value, "errorCode");
    for (const char* key : {"Message", "message", "developerMessage", "userMessage", "detail"}) {
      if (error.message.empty()) error.message = excerpt(member(*value, key));
    }
    if (error.message.empty()) error.message = excerpt(compact(*value));
    return error;
  }
  error.code = xml_element(body, "Code");
  error.message = xml_element(body, "Message");
  if (error.message.empty()) error.message = excerpt(body);
  return error;
}

Parsed<ExportRequest> parse_export_request(std::string_view body) {
  const auto value = parse_json(body);
  if (!value) return {std::nullopt, "the answer is not JSON"};
  return export_request_from(*value);
}

Parsed<std::vector<ExportRequest>> parse_export_list(std::string_view body) {
  const auto value = parse_json(body);
  if (!value) return {std::nullopt, "the answer is not JSON"};
  if (!value->is_array()) return {std::nullopt, "the list of export requests is not a JSON array"};
  std::vector<ExportRequest> requests;
  for (const auto& item : *value) {
    auto parsed = export_request_from(item);
    if (!parsed.value) return {std::nullopt, parsed.error};
    requests.push_back(std::move(*parsed.value));
  }
  return {std::move(requests), {}};
}

Parsed<ExportRequest> parse_refreshed_request(std::string_view body) {
  const auto value = parse_json(body);
  if (!value) return {std::nullopt, "the answer is not JSON"};
  if (!value->is_object()) return {std::nullopt, "the refreshed URL is not in a JSON object"};
  ExportRequest request;
  request.request_key = member(*value, "requestKey");
  request.request_status = member(*value, "requestStatus");
  request.download_url = member(*value, "downloadUrl");
  request.download_url_expire_date = member(*value, "downloadUrlExpireDate");
  request.json = compact(*value);
  if (request.download_url.empty()) return {std::nullopt, "the answer has no downloadUrl"};
  return {std::move(request), {}};
}

Parsed<QueryJob> parse_query_job(std::string_view body) {
  const auto value = parse_json(body);
  if (!value) return {std::nullopt, "the answer is not JSON"};
  if (!value->is_object()) return {std::nullopt, "the query answer is not a JSON object"};
  QueryJob job{member(*value, "id"), member(*value, "status"), member(*value, "detail_uri"), compact(*value)};
  if (job.id.empty()) return {std::nullopt, "the query answer has no id"};
  return {std::move(job), {}};
}

Parsed<QueryPage> parse_query_page(std::string_view body) {
  const auto value = parse_json(body);
  if (!value) return {std::nullopt, "the answer is not JSON"};
  if (!value->is_object()) return {std::nullopt, "the query result is not a JSON object"};
  QueryPage page;
  page.status = member(*value, "status");
  if (const auto columns = value->find("columns"); columns != value->end() && columns->is_array()) {
    for (const auto& column : *columns) page.columns.push_back(column_name(column));
  }
  if (const auto rows = value->find("rows"); rows != value->end()) {
    if (!rows->is_array()) return {std::nullopt, "the query result's rows are not an array"};
    for (const auto& row : *rows) {
      std::vector<std::string> cells;
      if (row.is_array()) {
        for (const auto& cell : row) cells.push_back(text_of(cell));
      } else if (row.is_object()) {  // a row keyed by column name
        for (const auto& column : page.columns)
          cells.push_back(row.contains(column) ? text_of(row[column]) : "");
      } else {
        return {std::nullopt, "a row of the query result is neither an array nor an object"};
      }
      page.rows.push_back(std::move(cells));
    }
  }
  for (auto [key, target] : {std::pair{"total", &page.total}, std::pair{"offset", &page.offset}}) {
    if (const auto found = value->find(key); found != value->end() && found->is_number_unsigned()) {
      *target = found->get<std::uint64_t>();
    }
  }
  return {std::move(page), {}};
}

std::string csv_record(std::span<const std::string> cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    const std::string& cell = cells[i];
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      line += cell;
      continue;
    }
    line += '"';
    for (char c : cell) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  line += '\n';
  return line;
}

}  // namespace tfq::send
