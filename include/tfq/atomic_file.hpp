// A file written all at once or not at all: bytes go to a temporary file in the target's directory,
// which is fsynced and then renamed (or linked, to never replace an existing file) into place.
// A symbolic link is followed: the file it points to is replaced and the link stays. A replaced file keeps
// its permission bits (and its owner, where allowed). What cannot be replaced by renaming, because it is
// not a regular file (a terminal, a pipe, /dev/null) or because it names an open descriptor (/dev/stdout,
// /dev/fd/N, /proc/self/fd/N), is written in place, as a shell redirection would: those bytes are not
// all-or-nothing, and nothing is removed there when the write is abandoned.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tfq::send {

// One wording wherever a file the user named cannot be written: "cannot write 'out.json': No space left
// on device".
std::string cannot_write(const std::string& path, int error_number);
// What a write that must not replace an existing file says when one is there.
std::string already_exists(const std::string& path);

class AtomicFile {
 public:
  // Makes the temporary file beside `path`. nullopt with a reason when the directory is not writable.
  static std::optional<AtomicFile> create(const std::string& path, std::string* error);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary file unless committed

  bool write(std::string_view bytes);
  bool restart();  // empties the temporary file, for a download that starts over
  std::uint64_t size() const { return size_; }

  // Flushes to disk and moves the file into place. Without `overwrite` an existing file at the path is
  // never replaced (the commit fails and the existing file is untouched).
  bool commit(bool overwrite, std::string* error);

  const std::string& path() const { return path_; }
  // Empty when the file is written in place.
  const std::string& temporary_path() const { return temporary_; }
  bool in_place() const { return temporary_.empty(); }

 private:
  AtomicFile(std::string path, std::string target, std::string temporary, int fd)
      : path_(std::move(path)), target_(std::move(target)), temporary_(std::move(temporary)), fd_(fd) {}
  void discard();

  std::string path_;    // as the user gave it, for messages
  std::string target_;  // the file that takes the bytes: path_ with its symbolic links followed
  std::string temporary_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  bool committed_ = false;
};

}  // namespace tfq::send
