// Command-line operands to sources: directory walks in sorted order, and bounded reads.
#include "inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace tfq::cli {
namespace {

namespace fs = std::filesystem;

std::string cannot_read(const std::string& name, const std::string& reason) {
  return "cannot read '" + name + "': " + reason;
}

bool has_extension(const fs::path& path, std::span<const std::string_view> extensions) {
  const std::string name = path.filename().string();
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view e) { return name.size() > e.size() && name.ends_with(e); });
}

// Every matching regular file below dir, sorted by path so that output does not depend on the file system.
void walk_directory(const std::string& dir, std::span<const std::string_view> extensions,
                    std::vector<InputSpec>& inputs, std::vector<std::string>& problems) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && has_extension(it->path(), extensions)) {
      found.push_back(it->path().string());
    }
  }
  if (ec) {
    problems.push_back(cannot_read(dir, ec.message()));
    return;
  }
  if (found.empty()) {
    std::string list;
    for (std::string_view e : extensions) list += (list.empty() ? "" : " or ") + std::string(e);
    problems.push_back("no " + list + " files under '" + dir + "'");
    return;
  }
  std::sort(found.begin(), found.end());
  for (std::string& path : found) inputs.push_back({InputSpec::Kind::file, std::move(path), {}});
}

}  // namespace

std::vector<InputSpec> expand_operands(std::span<const std::string> operands,
                                       std::span<const std::string_view> extensions,
                                       std::vector<std::string>& problems) {
  std::vector<InputSpec> inputs;
  for (const std::string& operand : operands) {
    std::error_code ec;
    if (operand == "-") {
      inputs.push_back({InputSpec::Kind::standard_input, "<stdin>", {}});
    } else if (fs::is_directory(operand, ec)) {
      walk_directory(operand, extensions, inputs, problems);
    } else {
      inputs.push_back({InputSpec::Kind::file, operand, {}});
    }
  }
  return inputs;
}

std::optional<Source> read_input(const InputSpec& input, std::size_t max_bytes, std::string& problem) {
  if (input.kind == InputSpec::Kind::inline_text) return Source(input.name, input.text);

  using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
  File owned(nullptr, std::fclose);
  std::FILE* file = stdin;
  if (input.kind == InputSpec::Kind::file) {
    owned.reset(std::fopen(input.name.c_str(), "rb"));
    if (!owned) {
      problem = cannot_read(input.name, std::strerror(errno));
      return std::nullopt;
    }
    file = owned.get();
  }
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= max_bytes) {
    const std::size_t wanted = std::min(sizeof buffer, max_bytes + 1 - text.size());
    const std::size_t got = std::fread(buffer, 1, wanted, file);
    text.append(buffer, got);
    if (got < wanted) break;
  }
  if (std::ferror(file)) {
    problem = cannot_read(input.name, std::strerror(errno));
    return std::nullopt;
  }
  return Source(input.name, std::move(text));
}

std::vector<InputSpec> collect_inputs(std::span<const std::string> wheres,
                                      std::span<const std::string> operands,
                                      std::span<const std::string_view> extensions,
                                      std::vector<std::string>& problems) {
  std::vector<InputSpec> inputs;
  for (const std::string& where : wheres) inputs.push_back({InputSpec::Kind::inline_text, "<where>", where});
  for (InputSpec& found : expand_operands(operands, extensions, problems)) inputs.push_back(std::move(found));
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
