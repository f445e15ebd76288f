// Reading the server's answers: export requests, lists, query jobs and pages, and every error-body shape.
#include <catch2/catch.hpp>

#include "tfq/send.hpp"

using namespace tfq::send;

TEST_CASE("an export request object is read field by field", "[send][response]") {
  const auto parsed = parse_export_request(
      R"({"requestKey":"2018-10-29T03:25:31#4d16aed0-9de2-40c1-9e91-22e3e83c6ce3","requestStatus":"Download",)"
      R"("downloadFileName":"monthly.csv","exportRequestDate":"2018-10-29T03:25:31.123456Z",)"
      R"("downloadUrl":"https://s3.example/x?sig=1","downloadUrlExpireDate":"2018-10-29T03:35:31Z","scheduleId":null})");
  REQUIRE(parsed.value);
  CHECK(parsed.value->request_key == "2018-10-29T03:25:31#4d16aed0-9de2-40c1-9e91-22e3e83c6ce3");
  CHECK(parsed.value->request_status == "Download");
  CHECK(parsed.value->download_file_name == "monthly.csv");
  CHECK(parsed.value->download_url == "https://s3.example/x?sig=1");
  CHECK(parsed.value->download_url_expire_date == "2018-10-29T03:35:31Z");
  CHECK(parsed.value->json.find("\"scheduleId\":null") != std::string::npos);
}

TEST_CASE("malformed answers are errors, never exceptions", "[send][response]") {
  for (const char* body :
       {"", "not json", "[1,2]", "{\"requestStatus\":\"Requested\"}", "{\"requestKey\":", "\xff\xfe",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
    CAPTURE(body);
    const auto parsed = parse_export_request(body);
    CHECK_FALSE(parsed.value);
    CHECK_FALSE(parsed.error.empty());
    CHECK_FALSE(parse_export_list(body).value);
    CHECK_FALSE(parse_query_job(body).value);
  }
  CHECK_FALSE(parse_export_list(R"([{"requestKey":"a"},{"nokey":1}])").value);
  CHECK_FALSE(parse_query_page(R"({"rows":5})").value);
  CHECK_FALSE(parse_query_page(R"({"rows":[7]})").value);
}

TEST_CASE("a list of export requests keeps the server's order", "[send][response]") {
  const auto parsed =
      parse_export_list(R"([{"requestKey":"b","requestStatus":"Requested"},{"requestKey":"a"}])");
  REQUIRE(parsed.value);
  REQUIRE(parsed.value->size() == 2);
  CHECK((*parsed.value)[0].request_key == "b");
  CHECK((*parsed.value)[1].request_status.empty());
  CHECK(parse_export_list("[]").value->empty());
}

TEST_CASE("error bodies in the API's, the gateway's and the storage's shapes give code and message",
          "[send][response]") {
  auto api =
      parse_api_error(400, R"({"Code":"BadRequestError","Message":"BadRequestError: Invalid request"})");
  CHECK(api.http_status == 400);
  CHECK(api.code == "BadRequestError");
  CHECK(api.message == "BadRequestError: Invalid request");
  auto gateway =
      parse_api_error(401, R"({"developerMessage":"The token is invalid","errorCode":"AUTH-001"})");
  CHECK(gateway.code == "AUTH-001");
  CHECK(gateway.message == "The token is invalid");
  auto quota = parse_api_error(429, R"({"developerMessage":"Quota limit exceeded."})");
  CHECK(quota.code.empty());
  CHECK(quota.message == "Quota limit exceeded.");
  auto storage =
      parse_api_error(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
  CHECK(storage.code == "AccessDenied");
  CHECK(storage.message == "Request has expired");
  auto html = parse_api_error(502, "<html>\n<body>Bad Gateway</body></html>");
  CHECK(html.message == "<html>");
  auto odd = parse_api_error(500, R"({"unexpected":true})");
  CHECK(odd.message == R"({"unexpected":true})");
  CHECK(parse_api_error(500, std::string(1000, 'x')).message.size() < 210);
}

TEST_CASE("a query job and its result pages are read, cells as CSV text", "[send][response]") {
  const auto job = parse_query_job(R"({"status":"QUEUED","id":"q-1","detail_uri":"/usage/1/query/q-1"})");
  REQUIRE(job.value);
  CHECK(job.value->id == "q-1");
  CHECK(job.value->status == "QUEUED");
  const auto page = parse_query_page(
      R"({"status":"DONE","columns":["productName",{"name":"tokensConsumed"}],)"
      R"("rows":[["AutoCAD",12.5],["Revit",null],{"productName":"Maya","tokensConsumed":3}],"total":3,"offset":0})");
  REQUIRE(page.value);
  CHECK(page.value->columns == std::vector<std::string>{"productName", "tokensConsumed"});
  REQUIRE(page.value->rows.size() == 3);
  CHECK(page.value->rows[0] == std::vector<std::string>{"AutoCAD", "12.5"});
  CHECK(page.value->rows[1] == std::vector<std::string>{"Revit", ""});
  CHECK(page.value->rows[2] == std::vector<std::string>{"Maya", "3"});
  CHECK(page.value->total == 3);
}

TEST_CASE("CSV records quote only cells that need it", "[send][response]") {
  const std::vector<std::string> cells{"plain", "with,comma", "say \"hi\"", "two\nlines", ""};
  CHECK(csv_record(cells) == "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}
