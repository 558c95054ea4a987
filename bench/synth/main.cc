// berita-synth: a synthetic news archive and queries for it, fitted to the
// real corpora in <shared>/corpora.
//   berita-synth archive --count N [--seed S] [--years Y] [--first-year Y] --out FILE|-
//   berita-synth queries --count N [--seed S] [--per-class K] --out FILE|-
//   berita-synth profile
// Every command takes --shared DIR (default: the build's BERITA_SHARED_DIR).
// Exit status: 0 done, 2 bad arguments, missing corpora or unwritable output.
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "synth/archive_generator.h"
#include "synth/corpus_profile.h"
#include "synth/query_generator.h"

namespace {

using berita::synth::SynthError;

constexpr const char* kUsage =
    "usage: berita-synth archive --count N [--seed S] [--years Y] [--first-year Y] --out FILE\n"
    "       berita-synth queries --count N [--seed S] [--per-class K] --out FILE\n"
    "       berita-synth profile\n"
    "common: --shared DIR (folder holding corpora/, default " BERITA_SHARED_DIR ")\n";

std::uint64_t number(const std::map<std::string, std::string>& args, const std::string& key,
                     std::uint64_t fallback) {
  const auto it = args.find(key);
  if (it == args.end()) return fallback;
  const std::string& text = it->second;
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
      text.size() > 18) {
    throw SynthError(key + " must be a non-negative whole number, not '" + text + "'");
  }
  return std::stoull(text);
}

std::map<std::string, std::string> parse(int argc, char* argv[]) {
  std::map<std::string, std::string> args;
  for (int i = 2; i < argc; ++i) {
    const std::string key = argv[i];
    if (key.rfind("--", 0) != 0 || i + 1 >= argc) {
      throw SynthError("unexpected argument '" + key + "' (options take a value: --name VALUE)");
    }
    args[key] = argv[++i];
  }
  return args;
}

int run(int argc, char* argv[]) {
  if (argc < 2) throw SynthError("missing command");
  const std::string command = argv[1];
  if (command != "archive" && command != "queries" && command != "profile") {
    throw SynthError("unknown command '" + command + "'");
  }
  auto args = parse(argc, argv);
  const std::string shared = args.count("--shared") ? args["--shared"] : BERITA_SHARED_DIR;
  const std::uint64_t seed = number(args, "--seed", 1);
  const std::uint64_t count = number(args, "--count", 0);
  if (command != "profile" && !args.count("--out")) throw SynthError("--out FILE is required");
  if (command != "profile" && args["--out"] != "-" && !std::ofstream(args["--out"], std::ios::app)) {
    throw SynthError("cannot write " + args["--out"] + " (check the folder exists and is writable)");
  }

  // Check what the user controls before the slower fitting step.
  if (command == "archive") {
    berita::synth::ArchiveOptions options;
    options.count = count;
    options.seed = seed;
    options.years = static_cast<int>(number(args, "--years", 20));
    options.first_year = static_cast<int>(number(args, "--first-year", 2006));
    berita::synth::validate(options);
    const auto start = std::chrono::steady_clock::now();
    const auto profile = berita::synth::fit_profile(shared);
    const auto written = berita::synth::write_archive_file(profile, options, args["--out"]);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "berita-synth: " << written << " articles in " << seconds << " s\n";
    return 0;
  }
  if (command == "queries") {
    berita::synth::QueryOptions options;
    options.archive_size = count;
    options.seed = seed;
    options.per_class = number(args, "--per-class", 25);
    berita::synth::validate(options);
    const auto profile = berita::synth::fit_profile(shared);
    const berita::synth::Vocabulary vocabulary(profile, seed);
    const auto queries = berita::synth::generate_queries(profile, vocabulary, options);
    const std::string path = args["--out"];
    std::ofstream file;
    if (path != "-") {
      file.open(path);
      if (!file) throw SynthError("cannot write " + path);
    }
    std::ostream& out = path == "-" ? std::cout : file;
    berita::synth::write_queries(queries, out);
    if (!out.flush()) throw SynthError("cannot write " + path);
    return 0;
  }
  std::cout << berita::synth::describe(berita::synth::fit_profile(shared));
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  try {
    return run(argc, argv);
  } catch (const SynthError& e) {
    std::cerr << "berita-synth: " << e.what() << "\n" << kUsage;
  } catch (const std::exception& e) {
    std::cerr << "berita-synth: " << e.what() << "\n";
  }
  return 2;
}
