// The benchmark's table: figures, the targets next to them, and whether each target is met.
#pragma once

#include <cstdio>
#include <string>

namespace tfq::bench {

// One line of a table: label, the figure, and the target with its verdict when there is one.
void print_row(const std::string& label, const std::string& figure, const std::string& target = "",
               bool met = true);
void print_heading(const std::string& title);

std::string format(const char* pattern, double value);
std::string mib(long kib);

// "AMD EPYC, 2 cores, Linux 6.1": what the figures were measured on.
std::string machine_description();

}  // namespace tfq::bench
