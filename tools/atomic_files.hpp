// Writing several output files all or nothing (over tfq/atomic_file.hpp): every file goes to a temporary
// file beside its target first, and only when all of them are written are they renamed into place.
// Readers never see a partial file.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tfq::cli {

struct PlannedFile {
  std::string path;
  std::string content;
};

// Writes every file, or none: on a failure the temporary files are removed, targets are left as they
// were, and the problem is returned ("cannot write 'x': No space left on device").
std::optional<std::string> write_files_atomically(const std::vector<PlannedFile>& files);

// The file's bytes, or nullopt when it does not exist or cannot be read.
std::optional<std::string> read_existing(const std::string& path);

}  // namespace tfq::cli
