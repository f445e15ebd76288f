// A batch of output files over the library's AtomicFile: every temporary file is written before any is
// committed, so an error while writing leaves every target as it was and no temporary file behind.
#include "atomic_files.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tfq/atomic_file.hpp"

namespace tfq::cli {

std::optional<std::string> write_files_atomically(const std::vector<PlannedFile>& files) {
  // Committing is a rename, which could fail only once the first ones are done; what would make it fail
  // (a directory in the way) is ruled out before anything is written.
  for (const auto& file : files) {
    std::error_code ec;
    if (std::filesystem::is_directory(file.path, ec)) {
      return send::cannot_write(file.path, EISDIR);
    }
  }
  std::vector<send::AtomicFile> pending;  // destroyed on return: uncommitted temporaries are removed
  pending.reserve(files.size());
  for (const auto& file : files) {
    std::string error;
    std::optional<send::AtomicFile> atomic = send::AtomicFile::create(file.path, &error);
    if (!atomic) return error;
    if (!atomic->write(file.content)) return send::cannot_write(file.path, errno);
    pending.push_back(std::move(*atomic));
  }
  for (auto& atomic : pending) {
    std::string error;
    if (!atomic.commit(true, &error)) return error;
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
