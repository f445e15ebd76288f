// Temp file + fsync + rename, for every output file: a crash or an error leaves each target either as it
// was or complete, never half written, and a failed batch leaves no temporary file behind.
#include "atomic_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tfq::cli {
namespace {

std::string problem(const std::string& path, int error) {
  return "cannot write '" + path + "': " + std::strerror(error);
}

// Writes content to a new temporary file in the target's directory; returns its path.
std::optional<std::string> write_temporary(const PlannedFile& file, std::string& error_message) {
  const std::filesystem::path target(file.path);
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  std::string temp = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error_message = problem(file.path, errno);
    return std::nullopt;
  }
  // mkstemp creates 0600: a rewritten file keeps its mode, a new one gets the usual permissions.
  struct stat existing {};
  if (::stat(file.path.c_str(), &existing) == 0) {
    ::fchmod(fd, existing.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  std::size_t written = 0;
  while (written < file.content.size()) {
    const ssize_t n = ::write(fd, file.content.data() + written, file.content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_message = problem(file.path, n < 0 ? errno : EIO);
      ::close(fd);
      ::unlink(temp.c_str());
      return std::nullopt;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error_message = problem(file.path, errno);
    ::unlink(temp.c_str());
    return std::nullopt;
  }
  return temp;
}

}  // namespace

std::optional<std::string> write_files_atomically(const std::vector<PlannedFile>& files) {
  std::vector<std::string> temporaries;
  std::string error_message;
  for (const auto& file : files) {
    std::optional<std::string> temp = write_temporary(file, error_message);
    if (!temp) {
      for (const auto& t : temporaries) ::unlink(t.c_str());
      return error_message;
    }
    temporaries.push_back(std::move(*temp));
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (::rename(temporaries[i].c_str(), files[i].path.c_str()) != 0) {
      error_message = problem(files[i].path, errno);
      for (std::size_t k = i; k < temporaries.size(); ++k) ::unlink(temporaries[k].c_str());
      return error_message;
    }
  }
  return std::nullopt;
}

std::optional<std::string> read_existing(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace tfq::cli
