// The benchmarks' shared program: the lesson chapter with the URL slider
// (lessons/04-twelve-requests.md), opened at its default settings.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/app_state.hpp"

inline std::string twelve_requests_chapter(loopstep::web::app_state& app) {
    for (std::size_t i = 0; i < app.chapters.size(); ++i) {
        for (const auto& param : app.chapters[i].params) {
            if (param.name == "urls") {
                loopstep::web::open_chapter(app, i);
                return loopstep::web::chapter_program(app);
            }
        }
    }
    std::fprintf(stderr, "no lesson chapter has a 'urls' slider\n");
    std::exit(1);
}
