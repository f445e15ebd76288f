// Uses the installed library: lists the diagnostic codes and maps an offset to a line and column.
#include <iostream>
#include <tfq/diagnostic.hpp>
#include <tfq/source.hpp>

int main() {
  const tfq::Source source("query.where", "contractYear = 1\nAND userName = 'x'");
  const tfq::LineColumn at = source.line_column(18);
  std::cout << "codes " << tfq::all_codes().size() << " first " << tfq::all_codes().front().id << " at "
            << at.line << ":" << at.column << "\n";
  return tfq::find_code("TFQ001") != nullptr ? 0 : 1;
}
