// tfq_gen_corpus: writes the benchmark corpus into a folder (see tools/gen_corpus):
//   clauses.txt            realistic where clauses, one per line
//   scale/*.where          one clause of 1k, 10k, 100k, 1M predicates; nesting 10, 100 and the depth limit
//   files/q*.where         many small query files, for `tfq lint DIR`
//   small.where            one small file, for start-up + lint
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "corpus.hpp"
#include "tfq/limits.hpp"

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string file_name(const char* prefix, std::size_t n, const char* suffix) {
  char name[64];
  std::snprintf(name, sizeof name, "%s%05zu%s", prefix, n, suffix);
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes tfq's benchmark corpus (deterministic for a given seed)", "tfq_gen_corpus"};
  std::filesystem::path out;
  std::uint64_t seed = 20181029;
  std::size_t clauses = 10'000;
  std::size_t files = 10'000;
  app.add_option("folder", out, "Where to write the corpus")->required();
  app.add_option("--seed", seed, "Seed of the generator")->capture_default_str();
  app.add_option("--clauses", clauses, "Realistic clauses in clauses.txt")->capture_default_str();
  app.add_option("--files", files, "Small query files under files/")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    const tfq::Catalog& catalog = tfq::Catalog::builtin();
    std::filesystem::create_directories(out / "scale");
    std::filesystem::remove_all(out / "files");
    std::filesystem::create_directories(out / "files");

    tfq::bench::ClauseGenerator realistic(catalog, seed);
    std::string text;
    for (std::size_t i = 0; i < clauses; ++i) text += realistic.realistic() + "\n";
    write(out / "clauses.txt", text);

    tfq::bench::ClauseGenerator scaling(catalog, seed + 1);
    for (std::size_t n : {1'000, 10'000, 100'000, 1'000'000}) {
      write(out / "scale" / ("predicates-" + std::to_string(n) + ".where"), scaling.wide(n));
    }
    for (std::size_t depth : {std::size_t{10}, std::size_t{100}, tfq::Limits{}.max_depth}) {
      write(out / "scale" / ("nesting-" + std::to_string(depth) + ".where"), scaling.nested(depth));
    }

    // Small files: the first few predicates of realistic clauses, as a CI repository would hold them.
    tfq::bench::ClauseGenerator small(catalog, seed + 2);
    for (std::size_t i = 0; i < files; ++i)
      write(out / "files" / file_name("q", i, ".where"), small.wide(1 + i % 4));
    write(out / "small.where", "contractYear >= 2 and userName LIKE 'admin%'\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tfq_gen_corpus: %s\n", e.what());
    return 1;
  }
  std::printf("corpus written to %s\n", out.c_str());
  return 0;
}
