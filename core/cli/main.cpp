// loopstep's command line: `loopstep run FILE.py` runs a program and prints what CPython would.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "loopstep/python/run_program.hpp"

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: loopstep run [--trace] [--lines] [--time] FILE.py\n"
                 "  runs FILE.py (the lesson's Python subset) on a virtual clock and prints its output\n"
                 "  --trace   also print every scheduler event to stderr\n"
                 "  --lines   with --trace, also every line a task starts (the lesson's line steps)\n"
                 "  --time    also print the seconds the run took (parse to exit, without start-up) to stderr\n");
    return 2;
}

bool read_file(const std::string& path, std::string& text) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || std::strcmp(argv[1], "run") != 0) return usage();
    bool trace = false, lines = false, time = false;
    std::string path;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--trace") == 0) trace = true;
        else if (std::strcmp(argv[i], "--lines") == 0) lines = true;
        else if (std::strcmp(argv[i], "--time") == 0) time = true;
        else path = argv[i];
    }
    if (path.empty()) return usage();
    std::string source;
    if (!read_file(path, source)) {
        std::fprintf(stderr, "loopstep: can't open file '%s'\n", path.c_str());
        return 2;
    }
    loopstep::python::program_options options;
    options.filename = path;
    options.on_output = [](const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    if (lines) options.line_events = SIZE_MAX;
    if (trace) {
        options.trace = [](const loopstep::trace_event& event) { std::fprintf(stderr, "%s\n", loopstep::to_string(event).c_str()); };
    }
    const auto start = std::chrono::steady_clock::now();
    const auto result = loopstep::python::run_program(source, options);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::fflush(stdout);
    std::fwrite(result.error_output.data(), 1, result.error_output.size(), stderr);
    if (time) std::fprintf(stderr, "loopstep: run took %.6f s\n", took.count());
    return result.exit_code;
}
