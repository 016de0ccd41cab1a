// What a recording costs: for each program (the 12-URL chapter, or .py files given), the wall time
// from source to a complete recording (best of N) and the heap the recording keeps, through the
// app's model as the app runs it. One JSON line per program.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/app_state.hpp"
#include "twelve_requests_chapter.hpp"

namespace {

std::size_t heap_in_use() { return mallinfo2().uordblks; }


std::string file_text(const char* path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void measure(loopstep::web::app_state& app, const std::string& name, const std::string& program, int runs) {
    double best = 1e30;
    std::size_t kept = 0;
    for (int run = 0; run < runs; ++run) {
        loopstep::web::load_program(app, "");  // frees the last recording before measuring
        const std::size_t before = heap_in_use();
        const auto start = std::chrono::steady_clock::now();
        loopstep::web::load_program(app, program);
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        kept = heap_in_use() - before;
    }
    std::printf("{\"name\": \"%s\", \"best_ms\": %.3f, \"runs\": %d, \"events\": %zu, \"recording_kb\": %.1f, "
                "\"exit_code\": %d}\n",
                name.c_str(), best, runs, loopstep::web::event_count(app), double(kept) / 1024.0, app.result.exit_code);
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    loopstep::web::app_state app;
    loopstep::web::init_app(app, loopstep::web::parse_lessons(loopstep::web::embedded_lesson_files()));
    measure(app, "twelve_requests", twelve_requests_chapter(app), runs);
    for (int i = 2; i < argc; ++i) measure(app, argv[i], file_text(argv[i]), runs);
}
