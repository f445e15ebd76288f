// Formatting of the benchmark's table.
#include "report.hpp"

#include <sys/utsname.h>

#include <fstream>
#include <thread>

namespace tfq::bench {

void print_heading(const std::string& title) {
  std::printf("\n%s\n", title.c_str());
}

void print_row(const std::string& label, const std::string& figure, const std::string& target, bool met) {
  if (target.empty()) {
    std::printf("  %-44s %22s\n", label.c_str(), figure.c_str());
  } else {
    std::printf("  %-44s %22s   target %-14s %s\n", label.c_str(), figure.c_str(), target.c_str(),
                met ? "met" : "MISSED");
  }
}

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string mib(long kib) {
  return format("%.1f MiB", static_cast<double>(kib) / 1024.0);
}

std::string machine_description() {
  std::string cpu = "unknown CPU";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  utsname system{};
  ::uname(&system);
  return cpu + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores, " + system.sysname +
         " " + system.release;
}

}  // namespace tfq::bench
