// Atomic file writing: a temporary file in the target's directory (so the final step is a rename within
// one file system), fsynced before it takes the target's name; the directory is fsynced after.
#include "tfq/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tfq::send {
namespace {

std::string directory_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string errno_text() {
  return std::strerror(errno);
}

void sync_directory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::optional<AtomicFile> AtomicFile::create(const std::string& path, std::string* error) {
  const std::filesystem::path target(path);
  std::string pattern =
      (std::filesystem::path(directory_of(path)) / ("." + target.filename().string() + ".tfq-partial-XXXXXX"))
          .string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = "cannot write in " + directory_of(path) + ": " + errno_text();
    return std::nullopt;
  }
  // mkostemp makes the file 0600; a downloaded CSV gets the usual mode, less the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  return AtomicFile(path, std::move(pattern), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temporary_(std::move(other.temporary_)),
      fd_(other.fd_),
      size_(other.size_),
      committed_(other.committed_) {
  other.fd_ = -1;
  other.committed_ = true;  // the moved-from object owns nothing
}

AtomicFile::~AtomicFile() {
  discard();
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!committed_) ::unlink(temporary_.c_str());
  committed_ = true;
}

bool AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
    size_ += static_cast<std::uint64_t>(written);
  }
  return true;
}

bool AtomicFile::restart() {
  size_ = 0;
  return ::ftruncate(fd_, 0) == 0 && ::lseek(fd_, 0, SEEK_SET) == 0;
}

bool AtomicFile::commit(bool overwrite, std::string* error) {
  if (fd_ < 0 || committed_) {
    if (error) *error = "the file was already written";
    return false;
  }
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    if (error) *error = "cannot write " + path_ + ": " + errno_text();
    discard();
    return false;
  }
  fd_ = -1;
  if (overwrite) {
    if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
      if (error) *error = "cannot write " + path_ + ": " + errno_text();
      discard();
      return false;
    }
  } else {
    // link() fails when the name exists, so an existing file is never replaced, even by a race.
    if (::link(temporary_.c_str(), path_.c_str()) != 0) {
      if (error) {
        *error = errno == EEXIST ? path_ + " already exists (--force replaces it)"
                                 : "cannot write " + path_ + ": " + errno_text();
      }
      discard();
      return false;
    }
    ::unlink(temporary_.c_str());
  }
  committed_ = true;
  sync_directory(directory_of(path_));
  return true;
}

}  // namespace tfq::send
