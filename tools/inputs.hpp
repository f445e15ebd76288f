// Turning command-line operands into sources: files, directories searched for inputs, stdin, --where text.
// Shared by every command that reads where clauses, query files or request bodies.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/source.hpp"

namespace tfq::cli {

// One thing to read: a file, stdin, or text given on the command line.
struct InputSpec {
  enum class Kind { file, standard_input, inline_text };
  Kind kind = Kind::file;
  std::string name;  // the path as given (or found below a directory), "<stdin>" or "<where>"
  std::string text;  // inline_text only
};

// Decides whether a file found below a directory (from_glob false) or by a glob (true) is taken: the
// include and exclude lists. Files named on the command line are always taken. Empty: every file is.
using FileFilter = std::function<bool(const std::string& path, bool from_glob)>;

// The input one operand names as it stands, with no directory walk or glob: "-" is stdin, anything else a
// file.
InputSpec single_input(const std::string& operand);

// Expands operands in order: "-" is stdin; a directory is every regular file below it whose name ends in
// one of `extensions`, sorted by path (symbolic links to directories are not followed, hidden directories
// such as .git are skipped); an operand that names no file but holds a glob character ("q/**/*.tfq") is
// every such file the glob matches, sorted; anything else is a file, whose problems show when it is read.
// A directory or glob without such files is a problem, added to `problems`; so is each folder of a walk
// that cannot be read ("cannot read 'x/y': ..."), and the walk and the other operands go on.
std::vector<InputSpec> expand_operands(std::span<const std::string> operands,
                                       std::span<const std::string_view> extensions,
                                       std::vector<std::string>& problems, const FileFilter& selected = {});

// The inputs of a command line: each --where text (named "<where>"), then the expanded operands.
std::vector<InputSpec> collect_inputs(std::span<const std::string> wheres,
                                      std::span<const std::string> operands,
                                      std::span<const std::string_view> extensions,
                                      std::vector<std::string>& problems, const FileFilter& selected = {});

// Gives standard input the name `name` (--stdin-name), unless it is empty: messages use it, and its
// extension says what stdin holds (a query file, a request body or a where clause), as a file's does.
void name_standard_input(std::vector<InputSpec>& inputs, const std::string& name);

// The --stdin-name option of the commands that read "-".
void add_stdin_name_option(CLI::App& command, std::string& name);

// Reads each input in order and hands it to `use`; an input that cannot be read adds to `problems`.
void for_each_source(std::span<const InputSpec> inputs, std::size_t max_bytes,
                     std::vector<std::string>& problems, const std::function<void(Source)>& use);

// Reads an input whole, but never more than max_bytes + 1 bytes, so that an endless or huge input cannot
// exhaust memory while validate_input can still report it as too large. nullopt, with `problem` set
// ("cannot read 'x': No such file or directory"), when it cannot be read.
std::optional<Source> read_input(const InputSpec& input, std::size_t max_bytes, std::string& problem);

}  // namespace tfq::cli
