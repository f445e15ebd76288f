// The fake server's process: started with pipes, its port read from its first line of output (with a
// deadline), stopped by closing its stdin, killed if it does not exit in time.
#include "support/fake_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "support/process.hpp"

namespace tfq::test {
namespace {

// Reads the "port N" line, waiting at most 20 s in total.
int read_port(int fd) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (text.find('\n') == std::string::npos) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("the fake server did not start in time");
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[256];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got <= 0) throw std::runtime_error("the fake server exited before it listened");
    text.append(buffer, static_cast<std::size_t>(got));
  }
  if (text.rfind("port ", 0) != 0) throw std::runtime_error("unexpected fake server output: " + text);
  return std::stoi(text.substr(5));
}

}  // namespace

FakeServer::FakeServer(nlohmann::json scenario, TlsFiles tls)
    : dir_(make_temp_dir()), tls_(!tls.cert.empty()) {
  if (!scenario.contains("token")) scenario["token"] = fake_token;
  write_file(dir_ + "/scenario.json", scenario.dump());
  std::vector<std::string> args{"python3",    TFQ_SOURCE_DIR "/tests/fake_tokenflex.py",
                                "--scenario", dir_ + "/scenario.json",
                                "--log",      dir_ + "/requests.jsonl"};
  if (tls_) args.insert(args.end(), {"--cert", tls.cert, "--key", tls.key});
  int in_pipe[2], out_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    const int err = ::open((dir_ + "/server.err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (err >= 0) ::dup2(err, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  stdin_fd_ = in_pipe[1];
  try {
    port_ = read_port(out_pipe[0]);
  } catch (...) {
    ::close(out_pipe[0]);
    stop();
    throw;
  }
  ::close(out_pipe[0]);
}

FakeServer::~FakeServer() {
  stop();
}

void FakeServer::stop() {
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
  stdin_fd_ = -1;
  if (pid_ <= 0) return;
  int status = 0;
  for (int i = 0; i < 100; ++i) {  // up to 5 s for a clean exit
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string FakeServer::base_url() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + "/tokenflex/v1";
}

std::vector<nlohmann::json> FakeServer::requests() const {
  std::vector<nlohmann::json> out;
  std::ifstream in(dir_ + "/requests.jsonl");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::vector<nlohmann::json> FakeServer::requests(const std::string& route) const {
  std::vector<nlohmann::json> out;
  for (auto& request : requests()) {
    if (request["route"] == route) out.push_back(std::move(request));
  }
  return out;
}

int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    throw std::runtime_error("cannot bind a loopback port");
  }
  const int port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

TlsFiles make_self_signed_certificate(const std::string& directory, const std::string& name) {
  TlsFiles files{directory + "/" + name + ".crt", directory + "/" + name + ".key"};
  const auto made =
      run_process({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                   "-nodes", "-keyout", files.key, "-out", files.cert, "-days", "2", "-subj", "/CN=" + name,
                   "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"});
  if (made.exit_code != 0) throw std::runtime_error("openssl failed: " + made.err);
  return files;
}

}  // namespace tfq::test
