// The 12-URL chapter's "Run": wall time from the program's source to a complete recording (what the
// app does when the learner presses Run), best of N. One JSON line; bench/run_benchmarks.py shows it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <string>

#include "model/app_state.hpp"
#include "twelve_requests_chapter.hpp"

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    loopstep::web::app_state app;  // reused across runs, as the app reuses its own
    loopstep::web::init_app(app, loopstep::web::parse_lessons(loopstep::web::embedded_lesson_files()));
    const std::string program = twelve_requests_chapter(app);
    double best = 1e30;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        loopstep::web::load_program(app, program);
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("{\"name\": \"twelve_requests\", \"best_ms\": %.3f, \"runs\": %d, \"events\": %zu, "
                "\"exit_code\": %d, \"virtual_time\": %.1f}\n",
                best, runs, loopstep::web::event_count(app), app.result.exit_code, app.result.virtual_time);
    return app.result.exit_code;
}
