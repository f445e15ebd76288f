// tfq_bench: tfq's benchmark over a corpus written by tfq_gen_corpus (run both through tools/bench).
// Figures are medians of several runs; throughput is measured in process on one core; the scaling
// inputs, start-up and the many-files case run the real tfq binary.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "processes.hpp"
#include "report.hpp"
#include "stages.hpp"

namespace fs = std::filesystem;
using namespace tfq::bench;

namespace {

// A program built beside tfq_bench (found through /proc/self/exe; the bare name when that fails).
std::string beside_this_program(const std::string& name) {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? name : (self.parent_path() / name).string();
}

struct Settings {
  fs::path corpus;
  std::string tfq = "tfq";
  std::string command = "lint";  // what the end-to-end runs ask tfq to do with a file
  int runs = 5;
  fs::path peers;  // JSON written by the peer scripts
  // An empty C++ program (tfq_bench_empty, built beside tfq_bench): the start-up floor of C++ here.
  std::string empty_program = beside_this_program("tfq_bench_empty");
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string() + " (run tools/gen_corpus first)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::istringstream text(read_text(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  return lines;
}

double pipeline_mbps = 0;  // tfq's figure that the peers are compared with

void stages(const Settings& settings, const tfq::Catalog& catalog) {
  const auto clauses = read_lines(settings.corpus / "clauses.txt");
  double bytes = 0;
  for (const auto& clause : clauses) bytes += static_cast<double>(clause.size());
  std::vector<StageSeconds> runs;
  PipelineCounts counts;
  for (int run = 0; run < settings.runs; ++run) runs.push_back(time_stages(clauses, catalog, counts));
  auto stage = [&](double StageSeconds::*field) {
    std::vector<double> values;
    for (const auto& run : runs) values.push_back(run.*field);
    return median(values);
  };
  const double n = static_cast<double>(clauses.size());
  print_heading("Throughput on one core: " + std::to_string(clauses.size()) + " clauses, " +
                format("%.2f MB", bytes / 1e6) + " (reached: parse " + std::to_string(counts.parsed) +
                ", check " + std::to_string(counts.checked) + ", optimize " +
                std::to_string(counts.optimized) + ")");
  auto row = [&](const std::string& label, double seconds, const std::string& target = "", double goal = 0) {
    const double mbps = bytes / seconds / 1e6;
    print_row(label, format("%8.1f MB/s", mbps) + format(" %9.0f/s", n / seconds), target, mbps >= goal);
    return mbps;
  };
  row("parse", stage(&StageSeconds::parse));
  row("check", stage(&StageSeconds::check));
  row("parse + check", stage(&StageSeconds::parse) + stage(&StageSeconds::check), ">= 200 MB/s", 200);
  row("optimize", stage(&StageSeconds::optimize));
  row("emit", stage(&StageSeconds::emit));
  pipeline_mbps = row("whole pipeline", stage(&StageSeconds::pipeline), ">= 100 MB/s", 100);
}

void peers(const Settings& settings) {
  if (settings.peers.empty() || !fs::exists(settings.peers)) return;
  const auto results = nlohmann::json::parse(read_text(settings.peers));
  print_heading("Peers on the same corpus, each clause wrapped as SELECT * FROM t WHERE ... (one core)");
  double fastest = 0;
  for (const auto& peer : results) {
    const double mbps = peer.at("bytes").get<double>() / peer.at("seconds").get<double>() / 1e6;
    fastest = std::max(fastest, mbps);
    const std::string note = format(" (%.0f clauses", peer.at("clauses").get<double>()) +
                             format(", %.0f rejected)", peer.at("failures").get<double>());
    print_row(peer.at("name").get<std::string>() + note,
              format("%8.3f MB/s", mbps) + format("  tfq %.0fx", pipeline_mbps / mbps));
  }
  if (fastest > 0) {
    const double ratio = pipeline_mbps / fastest;
    print_row("tfq pipeline vs the fastest peer", format("%.0fx", ratio), ">= 100x", ratio >= 100);
  }
}

ProcessRun median_run(const std::vector<std::string>& argv, int runs) {
  std::vector<ProcessRun> all;
  for (int i = 0; i < runs; ++i) all.push_back(run_measured(argv));
  std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.seconds < b.seconds; });
  return all[all.size() / 2];
}

void scaling(const Settings& settings, const tfq::Catalog& catalog) {
  print_heading("Scaling inputs: in process (pipeline, CPU) | end to end (tfq " + settings.command +
                " FILE: wall time, CPU time, peak memory)");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(settings.corpus / "scale")) files.push_back(entry.path());
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    const auto number = [](const fs::path& p) {
      return std::stol(p.stem().string().substr(p.stem().string().find('-') + 1));
    };
    return a.stem().string().substr(0, 4) != b.stem().string().substr(0, 4) ? a < b : number(a) < number(b);
  });
  std::string family;  // "predicates" or "nesting": growth is shown against the previous input of it
  double previous_bytes = 0, previous_seconds = 0;
  for (const auto& file : files) {
    const std::string text = read_text(file);
    // The input at the predicate cap is larger than the default byte cap: the runs raise that one.
    const int runs = text.size() > (std::size_t{8} << 20) ? std::min(settings.runs, 3) : settings.runs;
    std::vector<double> seconds;
    for (int run = 0; run < runs; ++run) {
      const double start = thread_seconds();
      const std::size_t emitted = run_pipeline(text, catalog);
      seconds.push_back(thread_seconds() - start);
      if (emitted == 0 && run == 0) std::printf("  (%s: nothing emitted)\n", file.filename().c_str());
    }
    const ProcessRun cli =
        median_run({settings.tfq, settings.command, "--max-bytes", "64M", file.string()}, runs);
    const std::string stem = file.stem().string();
    const std::string this_family = stem.substr(0, stem.find('-'));
    const auto bytes = static_cast<double>(text.size());
    std::string growth;
    if (this_family == family && previous_seconds > 0) {
      growth = format("  (x%.0f bytes:", bytes / previous_bytes) +
               format(" x%.1f time)", cli.cpu_seconds / previous_seconds);
    }
    family = this_family;
    previous_bytes = bytes;
    previous_seconds = cli.cpu_seconds;
    const std::string figure = format("%7.2f ms", median(seconds) * 1e3) +
                               format(" | %7.2f ms", cli.seconds * 1e3) +
                               format(" (cpu %.2f) ", cli.cpu_seconds * 1e3) + mib(cli.peak_kib) +
                               (cli.exit_code > 1 ? " exit " + std::to_string(cli.exit_code) : "") + growth;
    const std::string label =
        file.filename().string() + format(" (%.2f MB)", static_cast<double>(text.size()) / 1e6);
    print_row(label, figure);
    if (file.stem() == "predicates-100000") {
      // The two targets of this input, judged apart: one can be met while the other is not.
      const bool ran = cli.exit_code <= 1;
      print_row("  its end to end wall time", format("%.2f ms", cli.seconds * 1e3), "< 100 ms",
                ran && cli.seconds < 0.1);
      print_row("  its end to end peak memory", mib(cli.peak_kib), "< 64 MiB",
                ran && cli.peak_kib < 64 * 1024);
    }
  }
}

void processes(const Settings& settings) {
  print_heading("The CLI");
  const std::string small = (settings.corpus / "small.where").string();
  const ProcessRun one = median_run({settings.tfq, "lint", small}, 101);
  print_row("start-up + lint of one small file (median of 101)",
            format("%.2f ms", one.seconds * 1e3) + format(" (cpu %.2f)", one.cpu_seconds * 1e3), "< 2 ms",
            one.exit_code <= 1 && one.seconds < 0.002);
  // What any process costs here (fork, exec, dynamic loading of libc): the floor under the row above.
  const ProcessRun floor = median_run({"/bin/true"}, 101);
  print_row("  /bin/true on this machine, for scale (median of 101)",
            format("%.2f ms", floor.seconds * 1e3) + format(" (cpu %.2f)", floor.cpu_seconds * 1e3));
  const ProcessRun empty = median_run({settings.empty_program}, 101);
  print_row("  an empty C++ program, for scale (median of 101)",
            format("%.2f ms", empty.seconds * 1e3) + format(" (cpu %.2f)", empty.cpu_seconds * 1e3));
  const std::size_t files = static_cast<std::size_t>(
      std::distance(fs::directory_iterator(settings.corpus / "files"), fs::directory_iterator{}));
  const ProcessRun many = median_run({settings.tfq, "lint", (settings.corpus / "files").string()}, 3);
  print_row("tfq lint on " + std::to_string(files) + " files, all cores (median of 3)",
            format("%.3f s", many.seconds) + format(" (cpu %.3f) ", many.cpu_seconds) + mib(many.peak_kib),
            "< 0.5 s", many.exit_code <= 1 && many.seconds < 0.5);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each row shows as soon as it is measured
  start_launcher();
  CLI::App app{"tfq's benchmark (see tools/bench)", "tfq_bench"};
  Settings settings;
  app.add_option("corpus", settings.corpus, "Folder written by tfq_gen_corpus")->required();
  app.add_option("--tfq", settings.tfq, "The tfq binary to run")->capture_default_str();
  app.add_option("--command", settings.command, "tfq subcommand for the end-to-end runs")
      ->capture_default_str();
  app.add_option("--runs", settings.runs, "Runs per figure (the median is shown)")->capture_default_str();
  app.add_option("--peers", settings.peers, "Peer results (JSON) to compare with");
  app.add_option("--empty-program", settings.empty_program, "A C++ program that does nothing, for scale")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const tfq::Catalog& catalog = tfq::Catalog::builtin();
    std::printf("tfq benchmark on %s\n", machine_description().c_str());
    stages(settings, catalog);
    peers(settings);
    scaling(settings, catalog);
    processes(settings);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tfq_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
