// Writes the printable page of a whole run. Pairs with run_report.hpp.
#include "model/run_report.hpp"

#include <algorithm>

#include "model/markup.hpp"
#include "model/narration.hpp"
#include "model/timeline_svg.hpp"

namespace loopstep::web {
namespace {

// For paper first: dark on white, the program and output in a monospace face, no step split
// from its time across pages; the Print button is for the screen only.
constexpr const char* page_style = R"(
body { font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: #1a1a1a; background: #fff;
       max-width: 62rem; margin: 1.5rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.55rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #bbb; }
pre { font: 13px/1.4 "DejaVu Sans Mono", ui-monospace, monospace; background: #f4f4f6; border: 1px solid #ddd;
      padding: 0.6rem 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.line-number { color: #777; user-select: none; }
.about { color: #444; margin: 0 0 0.4rem; }
ol.steps { padding-left: 3.2rem; }
ol.steps li { margin: 0.15rem 0; break-inside: avoid; }
.time { display: inline-block; min-width: 5.5rem; color: #555; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; }
.screen-only button { font: inherit; padding: 0.3rem 1rem; }
@media print { .screen-only { display: none; } body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
)";

// The program with its line numbers, as the code panel shows them.
std::string numbered(std::string_view source) {
    std::string out;
    std::size_t number = 1;
    while (!source.empty()) {
        const std::size_t end = std::min(source.find('\n'), source.size());
        const std::string label = std::to_string(number++);
        out += "<span class=\"line-number\">" + std::string(label.size() < 3 ? 3 - label.size() : 0, ' ') + label + "  </span>" +
               xml_escaped(source.substr(0, end)) + "\n";
        source.remove_prefix(std::min(end + 1, source.size()));
    }
    return out;
}

std::string output_of(const python::program_result& result) {
    const std::string all = result.output + result.error_output;
    return all.empty() ? std::string("(nothing printed)") : xml_escaped(all);
}

// The narration of every step by event, each with the clock after it.
std::string steps_of(const recording& run, const timeline& line, const run_steps& steps, const std::string& unit) {
    std::string out = "<ol class=\"steps\">\n";
    for (const std::size_t cursor : steps.event_steps) {
        if (cursor == 0) continue;
        out += "<li><span class=\"time\">" + xml_escaped(format_time(time_at(line, cursor), unit)) + "</span> " +
               xml_escaped(narrate(run, cursor, unit)) + "</li>\n";
    }
    return out + "</ol>\n";
}

std::string sliders(const app_state& app) {
    const chapter& shown = app.chapters[app.chapter_index];
    if (shown.params.empty()) return {};
    std::string out = "<p class=\"about\">Sliders: ";
    for (std::size_t i = 0; i < shown.params.size(); ++i) {
        const int value = i < app.progress[app.chapter_index].params.size() ? app.progress[app.chapter_index].params[i] : shown.params[i].value;
        out += (i ? ", " : "") + xml_escaped(shown.params[i].label) + " = " + std::to_string(value);
    }
    return out + ".</p>\n";
}

}  // namespace

std::string run_report_html(const app_state& app) {
    const std::string title = app.chapters.empty() ? std::string("loopstep") : app.chapters[app.chapter_index].title;
    const std::string& unit = time_unit(app);
    const companion_run* beside = app.companion ? &*app.companion : nullptr;
    const std::string main_name = beside ? beside->main_label : std::string("The program");
    std::string page = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + xml_escaped(title) +
                       ": the whole run (loopstep)</title>\n<style>" + page_style + "</style>\n</head>\n<body>\n";
    page += "<p class=\"screen-only\"><button type=\"button\" onclick=\"window.print()\">Print</button></p>\n";
    page += "<h1>" + xml_escaped(title) + "</h1>\n";
    page += "<p class=\"about\">The whole run, step by step: " + xml_escaped(format_time(app.result.virtual_time, unit)) +
            " of virtual time, " + std::to_string(app.steps.event_steps.size() - 1) + " steps" +
            (beside ? ", beside " + xml_escaped(beside->label) + " (" + xml_escaped(format_time(beside->result.virtual_time, unit)) + ")" : "") +
            ".</p>\n";
    if (!app.chapters.empty()) page += sliders(app);
    if (app.result.used_run_seed) {
        page += "<p class=\"about\">random was seeded with " + std::to_string(app.result.random_seed) + ": random.seed(" +
                std::to_string(app.result.random_seed) + ") repeats this run.</p>\n";
    }
    page += "<h2>" + xml_escaped(main_name) + "</h2>\n<pre class=\"code\">" + numbered(app.source) + "</pre>\n";
    if (beside) page += "<h2>" + xml_escaped(beside->label) + "</h2>\n<pre class=\"code\">" + numbered(beside->source) + "</pre>\n";
    page += "<h2>The timeline</h2>\n" + timeline_svg(app, {.for_print = true, .whole_run = true});
    page += "<h2>Output" + (beside ? ": " + xml_escaped(main_name) : "") + "</h2>\n<pre class=\"output\">" + output_of(app.result) + "</pre>\n";
    if (beside) page += "<h2>Output: " + xml_escaped(beside->label) + "</h2>\n<pre class=\"output\">" + output_of(beside->result) + "</pre>\n";
    page += "<h2>Step by step" + (beside ? ": " + xml_escaped(main_name) : "") + "</h2>\n" +
            steps_of(app.run, app.run_timeline, app.steps, unit);
    if (beside) {
        page += "<h2>Step by step: " + xml_escaped(beside->label) + "</h2>\n" +
                steps_of(beside->run, beside->run_timeline, beside->steps, unit);
    }
    return page + "</body>\n</html>\n";
}

}  // namespace loopstep::web
