// Starts tests/fake_tokenflex.py (a fake Token Flex API on 127.0.0.1, port 0) for one test and stops it
// at scope exit; reads back the requests it received.
#pragma once

#include <sys/types.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tfq::test {

inline constexpr const char* fake_token = "tfq-test-token-5ecret-Qx7Z";

struct TlsFiles {
  std::string cert;  // PEM files; both empty: plain HTTP
  std::string key;
};

class FakeServer {
 public:
  // The scenario is the JSON the script documents; "token" defaults to fake_token.
  explicit FakeServer(nlohmann::json scenario = nlohmann::json::object(), TlsFiles tls = {});
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const;  // http(s)://127.0.0.1:PORT/tokenflex/v1

  // Every request received so far (one JSON object each: route, method, path, query, headers, body, time).
  std::vector<nlohmann::json> requests() const;
  std::vector<nlohmann::json> requests(const std::string& route) const;

 private:
  void stop();

  std::string dir_;
  bool tls_ = false;
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int port_ = 0;
};

// A 127.0.0.1 port that nothing listens on (bound, then closed): connecting to it is refused.
int closed_port();

// A self-signed certificate for 127.0.0.1 and localhost, made with the openssl command.
TlsFiles make_self_signed_certificate(const std::string& directory, const std::string& name);

}  // namespace tfq::test
