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

void sync_directory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N names, or -1. Writing to a
// duplicate of it shares the shell's open file (its offset, its append mode), as `> /dev/stdout` would.
int descriptor_named(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix) || path.size() == prefix.size() || path.size() > prefix.size() + 9)
      continue;
    int fd = 0;
    for (const char c : std::string_view(path).substr(prefix.size())) {
      if (c < '0' || c > '9') return -1;
      fd = fd * 10 + (c - '0');
    }
    return fd;
  }
  return -1;
}

// `path` with the symbolic links of its last name followed; empty when they loop.
std::filesystem::path follow_links(const std::string& path) {
  std::filesystem::path at(path);
  for (int hops = 0; hops < 40; ++hops) {  // Linux's own limit
    std::error_code ec;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(at, ec))) return at;
    const std::filesystem::path next = std::filesystem::read_symlink(at, ec);
    if (ec) return at;
    at = next.is_absolute() ? next : at.parent_path() / next;
  }
  return {};
}

}  // namespace

std::string cannot_write(const std::string& path, int error_number) {
  return "cannot write '" + path + "': " + std::strerror(error_number);
}

std::string already_exists(const std::string& path) {
  return "'" + path + "' already exists (--force replaces it)";
}

std::optional<AtomicFile> AtomicFile::create(const std::string& path, std::string* error) {
  const auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return std::nullopt;
  };
  if (const int named = descriptor_named(path); named >= 0) {
    const int fd = ::fcntl(named, F_DUPFD_CLOEXEC, 3);
    if (fd < 0) return fail(cannot_write(path, errno));
    return AtomicFile(path, path, "", fd);
  }
  const std::filesystem::path target = follow_links(path);
  if (target.empty()) return fail(cannot_write(path, ELOOP));

  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return fail(cannot_write(path, errno));
    return AtomicFile(path, path, "", fd);
  }

  std::string pattern = (std::filesystem::path(directory_of(target.string())) /
                         ("." + target.filename().string() + ".tfq-partial-XXXXXX"))
                            .string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) return fail("cannot write in '" + directory_of(target.string()) + "': " + std::strerror(errno));
  if (exists) {
    // The replacement is the same file to its users: same permissions, same owner when we may set it.
    ::fchmod(fd, existing.st_mode & 07777);
    if (::fchown(fd, existing.st_uid, existing.st_gid) != 0) {
      // Only root may give a file away; the file is then ours, as any edited file would be.
    }
  } else {
    // mkostemp makes the file 0600; a new file gets the usual mode, less the umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  return AtomicFile(path, target.string(), std::move(pattern), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      target_(std::move(other.target_)),
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
  if (!committed_ && !in_place()) ::unlink(temporary_.c_str());
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
  if (in_place()) {
    // A terminal or a pipe cannot be synced (EINVAL); what was written is all there is to keep.
    int failure = 0;
    if (::fsync(fd_) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP) failure = errno;
    if (::close(fd_) != 0 && failure == 0) failure = errno;
    fd_ = -1;
    committed_ = true;
    if (failure != 0 && error) *error = cannot_write(path_, failure);
    return failure == 0;
  }
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    if (error) *error = cannot_write(path_, errno);
    discard();
    return false;
  }
  fd_ = -1;
  if (overwrite) {
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
      if (error) *error = cannot_write(path_, errno);
      discard();
      return false;
    }
  } else {
    // link() fails when the name exists, so an existing file is never replaced, even by a race.
    if (::link(temporary_.c_str(), target_.c_str()) != 0) {
      if (error) {
        *error = errno == EEXIST ? already_exists(path_) : cannot_write(path_, errno);
      }
      discard();
      return false;
    }
    ::unlink(temporary_.c_str());
  }
  committed_ = true;
  sync_directory(directory_of(target_));
  return true;
}

}  // namespace tfq::send
