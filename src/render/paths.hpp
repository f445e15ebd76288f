// File names as CI systems match them against the files of a repository.
#pragma once

#include <string_view>

namespace tfq::render {

// `name` without the "./" that walking "." puts in front of every file, and, when it lies inside
// `project_dir` (an absolute path such as GitLab's CI_PROJECT_DIR; empty: none), relative to it.
// GitLab shows a finding in a merge request only when its path is exactly the repository's name for
// the file ("queries/a.tfq", never "./queries/a.tfq" or "/builds/group/project/queries/a.tfq").
std::string_view repository_path(std::string_view name, std::string_view project_dir = {});

}  // namespace tfq::render
