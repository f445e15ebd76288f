// Repository-relative file names for the CI formats (see paths.hpp).
#include "render/paths.hpp"

namespace tfq::render {

std::string_view repository_path(std::string_view name, std::string_view project_dir) {
  const std::string_view given = name;
  while (project_dir.size() > 1 && project_dir.ends_with('/')) project_dir.remove_suffix(1);
  if (!project_dir.empty() && name.size() > project_dir.size() + 1 && name.starts_with(project_dir) &&
      name[project_dir.size()] == '/') {
    name.remove_prefix(project_dir.size() + 1);
  }
  while (name.starts_with("./")) {
    name.remove_prefix(2);
    while (name.starts_with('/')) name.remove_prefix(1);  // ".//a" is "a" too
  }
  return name.empty() ? given : name;
}

}  // namespace tfq::render
