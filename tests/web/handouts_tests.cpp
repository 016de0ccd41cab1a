// What the page saves to hand out (web/model/frames_svg.hpp, run_report.hpp, timeline_svg.hpp's
// options): the frames panel's picture has the selected task's frames and locals as the model
// has them, marks what the step changed and escapes the program's text; the printable run has the
// program, the output and the narration of every step by event, and both runs side by side.
#include <catch2/catch.hpp>

#include <string>

#include "lesson_app.hpp"
#include "model/app_state.hpp"
#include "model/frames_svg.hpp"
#include "model/markup.hpp"
#include "model/narration.hpp"
#include "model/run_report.hpp"
#include "model/timeline_svg.hpp"

using namespace loopstep;
using namespace loopstep::web;

namespace {

const char* const program = R"(import asyncio

async def worker(name, delay):
    note = "<b>&" + name
    await asyncio.sleep(delay)
    print(f"{name} done at {delay}")
    return note

async def main():
    a = asyncio.create_task(worker("a", 2), name="a")
    b = asyncio.create_task(worker("b", 1), name="b")
    print(await a, await b)

asyncio.run(main())
)";

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++found;
    return found;
}

}  // namespace

TEST_CASE("the frames picture has the selected task's frames and locals, escaped, with what the step changed", "[handouts]") {
    app_state app = program_app(program);
    CHECK(frames_svg(app).find("No task is selected") != std::string::npos);
    select_task(app, id_of(app, "a"));
    std::size_t cursor = 0;
    while (cursor < event_count(app) && app.selected_frames.frames.empty()) seek(app, ++cursor);  // a's first frame
    while (cursor < event_count(app) && app.selected_frames.frames.front().paused.empty()) seek(app, ++cursor);  // paused in sleep
    REQUIRE_FALSE(app.selected_frames.frames.empty());
    const std::string svg = frames_svg(app);
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(svg.find(">worker(name=&apos;a&apos;, delay=2)<") == std::string::npos);  // only & < > " are escaped
    CHECK(svg.find(">worker(name='a', delay=2)</text>") != std::string::npos);
    CHECK(svg.find("line 5 \xC2\xB7 waits on sleep(2)") != std::string::npos);
    CHECK(svg.find(">'&lt;b&gt;&amp;a'</text>") != std::string::npos);  // note's repr, escaped
    CHECK(count(svg, "class=\"local\"") == app.selected_frames.frames.front().locals.size());
    std::size_t changed = 0;
    for (const shown_local& local : app.selected_frames.frames.front().locals) changed += local.changed ? 1 : 0;
    CHECK(count(svg, "class=\"changed\"") == changed);
    seek(app, event_count(app));
    CHECK(frames_svg(app).find("Done. It returned '&lt;b&gt;&amp;a'") != std::string::npos);
}

TEST_CASE("the printable run has the program, the output and every step's narration with its time", "[handouts]") {
    const app_state app = program_app(program);
    const std::string page = run_report_html(app);
    CHECK(page.rfind("<!doctype html>", 0) == 0);
    CHECK(page.find("    note = &quot;&lt;b&gt;&amp;&quot; + name") != std::string::npos);  // the program, escaped
    CHECK(page.find(" 14  </span>asyncio.run(main())") != std::string::npos);              // numbered as on screen
    CHECK(page.find("b done at 1\na done at 2\n&lt;b&gt;&amp;a &lt;b&gt;&amp;b") != std::string::npos);
    CHECK(count(page, "<li>") == app.steps.event_steps.size() - 1);
    for (std::size_t i = 1; i < app.steps.event_steps.size(); ++i) {
        const std::size_t cursor = app.steps.event_steps[i];
        INFO("step " << i);
        CHECK(page.find("</span> " + xml_escaped(narrate(app.run, cursor)) + "</li>") != std::string::npos);
    }
    CHECK(page.find("The program finished after 2 s of virtual time.") != std::string::npos);
    // The timeline of the whole run, dark on white, whatever the cursor.
    CHECK(page.find("the timeline of the whole run, 2 s") != std::string::npos);
    CHECK(page.find("fill=\"#ffffff\"") != std::string::npos);
    CHECK(page.find("fill=\"#141417\"") == std::string::npos);
}

TEST_CASE("side by side, the picture and the printable run have both runs under their names", "[handouts]") {
    app_state app = lesson_app();
    std::size_t compared = 0;
    while (compared < app.chapters.size() && app.chapters[compared].compare.empty()) ++compared;
    REQUIRE(compared < app.chapters.size());
    open_chapter(app, compared);
    REQUIRE(app.companion);
    const std::string svg = timeline_svg(app, {.whole_run = true});
    CHECK(svg.find("class=\"run\">" + app.companion->main_label + "</text>") != std::string::npos);
    CHECK(svg.find("class=\"run\">" + app.companion->label + "</text>") != std::string::npos);
    CHECK(count(svg, "class=\"task\"") == app.run_timeline.rows.size() + app.companion->run_timeline.rows.size());
    const std::string page = run_report_html(app);
    CHECK(page.find("<h2>Step by step: " + app.companion->label + "</h2>") != std::string::npos);
    CHECK(count(page, "<li>") == app.steps.event_steps.size() - 1 + app.companion->steps.event_steps.size() - 1);
    CHECK(page.find(app.companion->result.output.substr(0, 20)) != std::string::npos);
}
