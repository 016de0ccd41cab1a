// The app's model: the lesson's chapters and the learner's progress in them, the program that ran,
// its recording and the cursor over it. No UI and no platform here; ui_* files draw it,
// platform_sdl.cpp drives it, web_api.cpp exposes it to the page. Pairs with app_state.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"
#include "model/comparison.hpp"
#include "model/frames.hpp"
#include "model/lesson.hpp"
#include "model/prediction.hpp"
#include "model/timeline.hpp"

namespace loopstep::web {

// A prediction the learner made (@predict): the choice in words, since a new run's choices may
// differ. Once made, the prediction no longer stops that chapter's runs.
struct prediction_answer {
    bool made = false;
    bool right = false;
    std::string chosen;
    std::string verdict;  // prediction_verdict's sentence
    bool operator==(const prediction_answer&) const = default;
};

// What the learner has done in one chapter.
struct chapter_progress {
    std::vector<int> params;   // the sliders' values
    std::string edited_code;   // the learner's own version of the program; empty = as written
    std::vector<int> answers;  // the option chosen per question, -1 = not answered yet
    std::vector<prediction_answer> predictions;  // one per @predict
};

// How the screen looks: chosen by the learner (or the page, from the system's preferences).
struct display_settings {
    bool high_contrast = false;
    float text_scale = 1.0f;  // 1 = the default text size
    // For a projector: larger text, the program and timeline big, the panels the run uses and
    // no lesson text; PageDown and PageUp (a presenter's clicker) step instead of changing chapter.
    bool classroom = false;
    bool operator==(const display_settings&) const = default;
};
// How much larger the text is in classroom mode, on top of the learner's own text size.
inline constexpr float classroom_text_factor = 1.3f;
inline float shown_text_scale(const display_settings& display) {
    return display.text_scale * (display.classroom ? classroom_text_factor : 1.0f);
}
// The longest program the page runs; the page refuses longer code before it reaches the wasm.
inline constexpr std::size_t max_source_bytes = 256 * 1024;
// The most line steps one run records (a long loop would otherwise record a line event per turn);
// past them it steps by event only.
inline constexpr std::size_t max_line_steps = 5000;
inline constexpr float min_text_scale = 0.8f;
inline constexpr float max_text_scale = 2.0f;

struct app_state {
    std::vector<chapter> chapters;
    std::vector<chapter_progress> progress;  // one per chapter
    std::size_t chapter_index = 0;  // the chapter on screen

    std::string source;                // the program that ran: the recording is of this
    std::string editor;                // the code panel's text (differs from source while editing)
    python::program_result result;     // how the run ended
    recording run;                     // every scheduler event of the run
    timeline run_timeline;             // build_timeline(run), made once per run (the text version's timeline reads it)
    std::size_t cursor = 0;            // events applied: 0 = before the first event
    // The cursors Step stops at by event (the run's line events lie between them) and how many
    // line events there are (max_line_steps: it had more), made once per run. By line, Step stops at every cursor.
    run_steps steps;
    bool step_by_line = false;         // Step, Back and Play go line by line (else event by event)
    snapshot view;                     // run.at(cursor), kept in step with the cursor
    // Two runs side by side (a chapter with a compare program): the other run, and the steps of
    // both in time order (made once per run and mode); the cursor is then pairs[pair_index].main.
    std::optional<companion_run> companion;
    std::vector<paired_step> pairs;
    std::size_t pair_index = 0;
    std::string step_sentence;         // the narration at the cursor, kept in step with it too
    task_id selected_task = 0;         // the task the frames panel shows; 0 = none
    bool selected_beside = false;      // ... of the companion run (two runs side by side), not the main one
    task_frames selected_frames;       // its frames at the cursor (task 0 if it does not exist there), kept in step
    // The chapter's predictions placed in this run (one per @predict; empty where the run has no
    // such point): stepping and playing wait at an unmade one's stop.
    std::vector<std::optional<placed_prediction>> predictions;
    std::uint64_t run_number = 0;      // bumps with every run: views cache what they derive from it
    // What seeds an unseeded `random` in this chapter's runs once New seed chose it; unset, the
    // program's text does (run_program's default), so a chapter's program repeats as written.
    std::optional<std::uint64_t> chosen_seed;
    std::vector<std::string> formulas;  // the chapter's @formula lines at the sliders' values
    std::string code_before_reset;      // what Reset code replaced, for its undo (this chapter only)

    bool playing = false;
    double play_clock = 0;             // steps not yet taken while playing
    double steps_per_second = 8;
    display_settings display;
    // Lessons brought at run time (lesson_loading.hpp): the files the chapters came from (empty:
    // the built-in ones), and what the author must fix in the last files tried.
    std::vector<std::string> lesson_files;
    std::vector<lesson_problem> lesson_problems;
    std::uint64_t revision = 0;        // bumps on every change the page should hear about
};

void set_display(app_state& app, display_settings display);  // clamps the text scale

// Takes the chapters and opens the first one. Without chapters the app still runs programs.
void init_app(app_state& app, std::vector<chapter> chapters);
void open_chapter(app_state& app, std::size_t index);  // clamped; runs the chapter's program

// Running programs: each builds a fresh recording and puts the cursor at the start.
void load_program(app_state& app, std::string source);  // runs without touching the chapter's progress
void run_editor(app_state& app);                        // runs the code panel; keeps it as the learner's code
void run_code(app_state& app, std::string source);      // replaces the code panel's text, then run_editor
void reset_code(app_state& app);                        // back to the chapter's program as written
void undo_reset(app_state& app);                        // the code as it was before Reset, run again
bool editor_changed(const app_state& app);              // the code panel differs from what ran
// random's seed: the run's, if the program drew from an unseeded `random` (then
// random.seed(it) repeats the run), else none. New seed runs the code panel again with a fresh
// one (below 10^9, a number a learner can type), kept for the chapter's runs until another opens.
std::optional<std::uint64_t> run_seed(const app_state& app);
void run_with_new_seed(app_state& app);
bool code_edited(const app_state& app);                 // the learner's code differs from the chapter's
std::string chapter_program(const app_state& app);      // the chapter's scenario at the sliders' values
const std::string& time_unit(const app_state& app);     // the chapter's @time_unit ("s" by default)
void set_param(app_state& app, std::size_t index, int value);  // clamped to the slider's range; reruns to the end

// Questions of the current chapter. In the final check the first answer counts: it is locked,
// so changing it after its feedback was shown cannot raise the score.
void answer(app_state& app, std::size_t question, int option);
bool answer_locked(const app_state& app, std::size_t question);
std::size_t chapters_done(const app_state& app);  // chapters whose every question is answered
struct score {
    int right = 0;
    int answered = 0;
    int total = 0;
};
score final_check_score(const app_state& app);  // over every @check chapter's questions

// Predictions (@predict): the one whose stop is the cursor (an unmade one first), if any, and
// making it with one of its placed options. Stepping and playing stop at an unmade one's stop
// until it is made; a jump (the scrub bar, the timeline, End, a slider) goes anywhere.
std::optional<std::size_t> prediction_here(const app_state& app);
bool prediction_waiting(const app_state& app);  // the one here is not made yet: Step waits for it
void predict(app_state& app, int option);
// A saved prediction of the current chapter (index: its @predict), as made before a reload: the
// choice's words; its verdict is worked out again where this run has the same choice.
void restore_prediction(app_state& app, std::size_t index, std::string chosen);

// The sentence for the step at the cursor (model/narration.hpp), or how the program stopped
// when it ended with an error.
const std::string& narration(const app_state& app);

// The cursor.
std::size_t event_count(const app_state& app);
void seek(app_state& app, std::size_t cursor);  // clamped to [0, event_count]; beside a companion, its first step there
void seek_step(app_state& app, std::size_t number);  // to step `number` of the current mode (clamped)
void seek_time(app_state& app, double t);            // to the last step at or before virtual time t
void seek_end(app_state& app);
bool at_end(const app_state& app);                   // no step left (in both runs, side by side)
// The companion's cursor: its first step there (the main run's cursor as it is by then).
void seek_companion(app_state& app, std::size_t cursor);
// The shared clock at the cursor: the main run's, or side by side the later of the two.
double shared_time(const app_state& app);
void step_forward(app_state& app);  // to the next step of the mode
void step_back(app_state& app);
// Steps by line (every line a task runs, and every event) or by scheduler event; the cursor stays.
void set_step_by_line(app_state& app, bool by_line);
// The steps of the current mode: how many there are, and the number of the last one at or
// before the cursor (a cursor between two event steps, reached by line or by a link, counts as the earlier).
std::size_t step_total(const app_state& app);
std::size_t step_number(const app_state& app);
std::size_t step_of_cursor(const app_state& app, std::size_t cursor);  // the same for any cursor
// The cursor of step `number` of the current mode (clamped): what the scrub bar drags.
std::size_t cursor_of_step(const app_state& app, std::size_t number);
void toggle_play(app_state& app);

// The frames panel's task: chosen by its id (0 = none); kept across steps and runs of the same
// chapter, since a program's tasks get the same ids each run.
void select_task(app_state& app, task_id task);
// The same for a task of the companion run (two runs side by side).
void select_companion_task(app_state& app, task_id task);
// The view the selected task is in: the main run's, or the companion's.
const snapshot& selected_view(const app_state& app);
// The next or previous task at the cursor in creation order (direction +1 or -1), from the
// selected one; the first or last when none is selected there.
void select_next_task(app_state& app, int direction);
void set_playing(app_state& app, bool playing);
// Advances a playing cursor by the wall time since the last frame.
void advance_play(app_state& app, double seconds);

}  // namespace loopstep::web
