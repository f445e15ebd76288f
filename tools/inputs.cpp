// Command-line operands to sources: directory walks in sorted order, and bounded reads.
#include "inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "large_input_heap.hpp"
#include "tfq/config.hpp"
#include "tfq/glob.hpp"

namespace tfq::cli {
namespace {

namespace fs = std::filesystem;

std::string cannot_read(const std::string& name, const std::string& reason) {
  return "cannot read '" + name + "': " + reason;
}

bool has_extension(const fs::path& path, std::span<const std::string_view> extensions) {
  const std::string name = path.filename().string();
  // The project file is JSON, but never a request body.
  if (name == config_file_name) return false;
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view e) { return name.size() > e.size() && name.ends_with(e); });
}

// ".where, .tfq or .json"
std::string extension_list(std::span<const std::string_view> extensions) {
  std::string list;
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == extensions.size() ? " or " : ", ") + std::string(extensions[i]);
  }
  return list;
}

// Every regular file below dir that `take` accepts, sorted by path so that output does not depend on the
// file system. Hidden directories (.git, .cache, ...) are not entered, nor are symbolic links to
// directories. A directory that cannot be read is a problem naming that directory, and the walk goes on
// with the others (as `find` does), so one unreadable folder neither hides nor drops the rest. Returns
// whether every directory was read.
bool walk_directory(const std::string& dir, const std::function<bool(const std::string&)>& take,
                    std::vector<std::string>& found, std::vector<std::string>& problems) {
  bool read_all = true;
  std::vector<fs::path> pending{dir};  // a list, not recursion: no depth of folders can overflow the stack
  while (!pending.empty()) {
    const fs::path folder = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (!it->is_symlink(type_ec) && it->is_directory(type_ec)) {
        if (!it->path().filename().string().starts_with('.')) pending.push_back(it->path());
      } else if (it->is_regular_file(type_ec) && take(it->path().string())) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      problems.push_back(cannot_read(folder.string(), ec.message()));
      read_all = false;
    }
  }
  std::sort(found.begin(), found.end());
  return read_all;
}

// The directory a glob's walk starts from: its leading segments that hold no glob character.
std::string glob_base(const std::string& pattern) {
  std::string base;
  std::size_t at = 0;
  while (true) {
    const std::size_t slash = pattern.find('/', at);
    if (slash == std::string::npos) break;
    const std::string segment = pattern.substr(at, slash - at);
    if (has_glob_characters(segment)) break;
    base = pattern.substr(0, slash == 0 ? 1 : slash);
    at = slash + 1;
  }
  return base.empty() ? "." : base;
}

void expand_glob(const std::string& pattern, std::span<const std::string_view> extensions,
                 std::vector<InputSpec>& inputs, std::vector<std::string>& problems,
                 const FileFilter& selected) {
  const std::string base = glob_base(pattern);
  // A pattern without a directory part is matched against names found from ".", which are "./name".
  const std::string prefix = base == "." && !pattern.starts_with("./") ? "./" : "";
  if (!fs::is_directory(base)) {
    problems.push_back(cannot_read(pattern, "no such file, directory or matching glob"));
    return;
  }
  const auto take = [&](const std::string& path) {
    return has_extension(path, extensions) && glob_match(prefix + pattern, path) &&
           (!selected || selected(path, true));
  };
  std::vector<std::string> found;
  if (walk_directory(base, take, found, problems) && found.empty())
    problems.push_back("no " + extension_list(extensions) + " files match '" + pattern + "'");
  for (std::string& path : found) {
    if (!prefix.empty() && path.starts_with(prefix)) path.erase(0, prefix.size());
    inputs.push_back({InputSpec::Kind::file, std::move(path), {}});
  }
}

// Everything fd holds, up to max_bytes + 1 bytes (one more than allowed, so that validation can say the
// input is too large). Plain reads straight into the text: no stdio buffer to copy through, and no second
// fstat for one (on 10,000 small files those are 10,000 system calls).
std::optional<Source> read_descriptor(int fd, const std::string& name, std::size_t max_bytes,
                                      std::string& problem) {
  // A regular file's text is allocated once at its size: grown by doubling, a large file would hold up
  // to twice its size for as long as it is linted.
  struct stat status {};
  const bool sized = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0;
  const std::size_t size = sized ? static_cast<std::size_t>(status.st_size) : 0;  // /proc files say 0
  if (sized) prepare_heap_for_input(std::min(size, max_bytes));
  std::string text;
  text.resize(std::min(sized ? size : std::size_t{1} << 16, max_bytes) + 1);
  std::size_t filled = 0;
  while (filled <= max_bytes) {
    if (filled == text.size()) text.resize(std::min(text.size() * 2, max_bytes + 1));
    const std::size_t wanted = text.size() - filled;
    const ssize_t got = ::read(fd, text.data() + filled, wanted);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      problem = cannot_read(name, std::strerror(errno));
      return std::nullopt;
    }
    filled += static_cast<std::size_t>(got);
    // A regular file that has given all its bytes reads short at its end: asking again just to be told
    // so would cost a call.
    if (got == 0 || (sized && filled >= size && static_cast<std::size_t>(got) < wanted)) break;
  }
  text.resize(filled);
  if (!sized) prepare_heap_for_input(text.size());  // a pipe's size is known only now
  return Source(name, std::move(text));
}

}  // namespace

InputSpec single_input(const std::string& operand) {
  if (operand == "-") return {InputSpec::Kind::standard_input, "<stdin>", {}};
  return {InputSpec::Kind::file, operand, {}};
}

std::vector<InputSpec> expand_operands(std::span<const std::string> operands,
                                       std::span<const std::string_view> extensions,
                                       std::vector<std::string>& problems, const FileFilter& selected) {
  std::vector<InputSpec> inputs;
  for (const std::string& operand : operands) {
    std::error_code ec;
    if (operand == "-") {
      inputs.push_back(single_input(operand));
    } else if (fs::is_directory(operand, ec)) {
      std::vector<std::string> found;
      const auto take = [&](const std::string& path) {
        return has_extension(path, extensions) && (!selected || selected(path, false));
      };
      if (walk_directory(operand, take, found, problems) && found.empty())
        problems.push_back("no " + extension_list(extensions) + " files under '" + operand + "'");
      for (std::string& path : found) inputs.push_back({InputSpec::Kind::file, std::move(path), {}});
    } else if (has_glob_characters(operand) && !fs::exists(operand, ec)) {
      expand_glob(operand, extensions, inputs, problems, selected);
    } else {
      inputs.push_back(single_input(operand));
    }
  }
  return inputs;
}

void name_standard_input(std::vector<InputSpec>& inputs, const std::string& name) {
  if (name.empty()) return;
  for (InputSpec& input : inputs) {
    if (input.kind == InputSpec::Kind::standard_input) input.name = name;
  }
}

void add_stdin_name_option(CLI::App& command, std::string& name) {
  command.add_option(
      "--stdin-name", name,
      "The name of standard input in messages; its extension (.tfq, .json, .where) says what it "
      "holds");
}

std::optional<Source> read_input(const InputSpec& input, std::size_t max_bytes, std::string& problem) {
  if (input.kind == InputSpec::Kind::inline_text) return Source(input.name, input.text);
  if (input.kind == InputSpec::Kind::standard_input) {
    return read_descriptor(STDIN_FILENO, input.name, max_bytes, problem);
  }
  const int fd = ::open(input.name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    problem = cannot_read(input.name, std::strerror(errno));
    return std::nullopt;
  }
  std::optional<Source> source = read_descriptor(fd, input.name, max_bytes, problem);
  ::close(fd);
  return source;
}

std::vector<InputSpec> collect_inputs(std::span<const std::string> wheres,
                                      std::span<const std::string> operands,
                                      std::span<const std::string_view> extensions,
                                      std::vector<std::string>& problems, const FileFilter& selected) {
  std::vector<InputSpec> inputs;
  for (const std::string& where : wheres) inputs.push_back({InputSpec::Kind::inline_text, "<where>", where});
  for (InputSpec& found : expand_operands(operands, extensions, problems, selected)) {
    inputs.push_back(std::move(found));
  }
  return inputs;
}

void for_each_source(std::span<const InputSpec> inputs, std::size_t max_bytes,
                     std::vector<std::string>& problems, const std::function<void(Source)>& use) {
  for (const InputSpec& input : inputs) {
    std::string problem;
    std::optional<Source> source = read_input(input, max_bytes, problem);
    if (source) {
      use(std::move(*source));
    } else {
      problems.push_back(std::move(problem));
    }
  }
}

}  // namespace tfq::cli
