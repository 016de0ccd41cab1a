// The app's model operations: chapters, runs, answers, the cursor. Pairs with app_state.hpp.
#include "model/app_state.hpp"

#include <malloc.h>

#include <algorithm>
#include <random>
#include <utility>

#include "model/formula.hpp"
#include "model/narration.hpp"

namespace loopstep::web {
namespace {

chapter_progress fresh_progress(const chapter& chapter) {
    chapter_progress progress;
    for (const lesson_param& param : chapter.params) progress.params.push_back(param.value);
    progress.answers.assign(chapter.questions.size(), -1);
    progress.predictions.resize(chapter.predictions.size());
    return progress;
}

// The heap in use: the learner's objects and the recording being made, the run's whole cost.
std::size_t heap_in_use() {
#ifdef __EMSCRIPTEN__
    return static_cast<std::size_t>(mallinfo().uordblks);
#else
    return mallinfo2().uordblks;
#endif
}

// What one run in the page may spend: about 2 s of work in wasm and well under the tab's
// 256 MB, whatever the learner types (core/include/loopstep/python/run_program.hpp).
python::run_limits page_limits() {
    return {.steps = 10'000'000,
            .events = 300'000,
            .output_bytes = 2'000'000,
            .source_bytes = max_source_bytes,
            .memory_in_use = heap_in_use,
            .memory_bytes = 160'000'000};
}

// A seed from the system's entropy, below 10^9 (short enough to type), and not `used`.
std::uint64_t fresh_seed(std::uint64_t used) {
    std::random_device entropy;
    std::uniform_int_distribution<std::uint64_t> below_a_billion(1, 999'999'999);
    for (;;) {
        const std::uint64_t seed = below_a_billion(entropy);
        if (seed != used) return seed;
    }
}

chapter_progress* current_progress(app_state& app) {
    return app.chapter_index < app.progress.size() ? &app.progress[app.chapter_index] : nullptr;
}

void place_predictions(app_state& app) {
    app.predictions.clear();
    if (app.chapter_index >= app.chapters.size()) return;
    for (const lesson_prediction& prediction : app.chapters[app.chapter_index].predictions) {
        app.predictions.push_back(place_prediction(prediction, app.run, time_unit(app)));
    }
}

bool prediction_made(const app_state& app, std::size_t index) {
    const std::vector<prediction_answer>& made = app.progress[app.chapter_index].predictions;
    return index < made.size() && made[index].made;
}

void work_out_formulas(app_state& app) {
    app.formulas.clear();
    const chapter& shown = app.chapters[app.chapter_index];
    for (const lesson_formula& formula : shown.formulas) {
        app.formulas.push_back(formula_text(formula, shown, app.progress[app.chapter_index].params));
    }
}

}  // namespace

void init_app(app_state& app, std::vector<chapter> chapters) {
    app.chapters = std::move(chapters);
    app.progress.clear();
    for (const chapter& chapter : app.chapters) app.progress.push_back(fresh_progress(chapter));
    app.chapter_index = 0;
    open_chapter(app, 0);
}

void open_chapter(app_state& app, std::size_t index) {
    if (app.chapters.empty()) return;
    app.code_before_reset.clear();
    app.chapter_index = std::min(index, app.chapters.size() - 1);
    app.selected_task = 0;
    app.selected_beside = false;
    app.chosen_seed.reset();
    const chapter_progress& progress = app.progress[app.chapter_index];
    app.editor = progress.edited_code.empty() ? chapter_program(app) : progress.edited_code;
    work_out_formulas(app);
    load_program(app, app.editor);
}

std::string chapter_program(const app_state& app) {
    if (app.chapter_index >= app.chapters.size()) return {};
    return fill_params(app.chapters[app.chapter_index], app.progress[app.chapter_index].params);
}

const std::string& time_unit(const app_state& app) {
    static const std::string seconds = "s";
    return app.chapter_index < app.chapters.size() ? app.chapters[app.chapter_index].time_unit : seconds;
}

namespace {

python::program_result record_program(const app_state& app, const std::string& source, recording& run) {
    run = recording{};
    if (source.empty()) return {};
    python::program_options options;
    options.trace = run.sink();
    options.limits = page_limits();
    // A loop that never awaits meets this first, with the message that names the mistake.
    options.step_budget = 5'000'000;
    options.random_seed = app.chosen_seed;
    options.line_events = max_line_steps;
    return python::run_program(source, options);
}

// The chapter's compare program, run beside the main one at the sliders' values.
void load_companion(app_state& app) {
    app.companion.reset();
    app.pairs.clear();
    app.pair_index = 0;
    if (app.chapter_index >= app.chapters.size() || app.chapters[app.chapter_index].compare.empty()) return;
    const chapter& shown = app.chapters[app.chapter_index];
    companion_run& other = app.companion.emplace();
    other.label = shown.compare_label;
    other.main_label = shown.scenario_label;
    other.source = fill_compare_params(shown, app.progress[app.chapter_index].params);
    other.result = record_program(app, other.source, other.run);
    other.steps = find_steps(other.run);
    other.run_timeline = build_timeline(other.run);
    app.pairs = pair_steps(app.run, app.run_timeline, app.steps, other, app.step_by_line);
}

}  // namespace

void load_program(app_state& app, std::string source) {
    app.source = std::move(source);
    app.result = record_program(app, app.source, app.run);
    app.steps = find_steps(app.run);
    app.run_timeline = build_timeline(app.run);
    load_companion(app);
    place_predictions(app);
    ++app.run_number;
    app.playing = false;
    app.play_clock = 0;
    seek(app, 0);
}

void run_editor(app_state& app) {
    app.code_before_reset.clear();  // newer code: an undo of an older Reset would lose it
    if (chapter_progress* progress = current_progress(app)) {
        progress->edited_code = app.editor == chapter_program(app) ? std::string() : app.editor;
    }
    load_program(app, app.editor);
}

void run_code(app_state& app, std::string source) {
    app.editor = std::move(source);
    run_editor(app);
}

void reset_code(app_state& app) {
    if (app.editor == chapter_program(app)) return;  // nothing to reset (the button is off)
    std::string discarded = app.editor;
    run_code(app, chapter_program(app));
    app.code_before_reset = std::move(discarded);
}

void undo_reset(app_state& app) {
    if (app.code_before_reset.empty()) return;
    run_code(app, std::exchange(app.code_before_reset, std::string()));
}

bool editor_changed(const app_state& app) { return app.editor != app.source; }

std::optional<std::uint64_t> run_seed(const app_state& app) {
    if (!app.result.used_run_seed) return std::nullopt;
    return app.result.random_seed;
}

void run_with_new_seed(app_state& app) {
    app.chosen_seed = fresh_seed(app.result.random_seed);
    run_editor(app);
}

bool code_edited(const app_state& app) {
    return app.chapter_index < app.progress.size() && !app.progress[app.chapter_index].edited_code.empty();
}

void set_param(app_state& app, std::size_t index, int value) {
    chapter_progress* progress = current_progress(app);
    if (progress == nullptr || index >= progress->params.size()) return;
    const lesson_param& param = app.chapters[app.chapter_index].params[index];
    progress->params[index] = std::clamp(value, param.min, param.max);
    // The sliders rewrite the chapter's program: a learner's own edits give way to it.
    progress->edited_code.clear();
    app.editor = chapter_program(app);
    work_out_formulas(app);
    load_program(app, app.editor);
    seek_end(app);  // a slider is about the outcome: show the new totals at once
}

void answer(app_state& app, std::size_t question, int option) {
    chapter_progress* progress = current_progress(app);
    if (progress == nullptr || question >= progress->answers.size()) return;
    const int options = static_cast<int>(app.chapters[app.chapter_index].questions[question].options.size());
    if (option < 0 || option >= options || answer_locked(app, question)) return;
    progress->answers[question] = option;
    ++app.revision;
}

bool answer_locked(const app_state& app, std::size_t question) {
    if (app.chapter_index >= app.chapters.size() || !app.chapters[app.chapter_index].is_final_check) return false;
    const std::vector<int>& answers = app.progress[app.chapter_index].answers;
    return question < answers.size() && answers[question] >= 0;
}

std::size_t chapters_done(const app_state& app) {
    std::size_t done = 0;
    for (const chapter_progress& progress : app.progress) {
        done += std::all_of(progress.answers.begin(), progress.answers.end(), [](int chosen) { return chosen >= 0; }) ? 1 : 0;
    }
    return done;
}

score final_check_score(const app_state& app) {
    score result;
    for (std::size_t c = 0; c < app.chapters.size(); ++c) {
        if (!app.chapters[c].is_final_check) continue;
        const std::vector<lesson_question>& questions = app.chapters[c].questions;
        for (std::size_t q = 0; q < questions.size(); ++q) {
            const int chosen = app.progress[c].answers[q];
            ++result.total;
            if (chosen >= 0) ++result.answered;
            if (chosen == questions[q].correct) ++result.right;
        }
    }
    return result;
}

std::optional<std::size_t> prediction_here(const app_state& app) {
    std::optional<std::size_t> here;
    for (std::size_t i = 0; i < app.predictions.size(); ++i) {
        if (!app.predictions[i] || app.predictions[i]->stop != app.cursor) continue;
        if (!prediction_made(app, i)) return i;
        if (!here) here = i;
    }
    return here;
}

bool prediction_waiting(const app_state& app) {
    const std::optional<std::size_t> index = prediction_here(app);
    return index && !prediction_made(app, *index);
}

void predict(app_state& app, int option) {
    const std::optional<std::size_t> index = prediction_here(app);
    if (!index || prediction_made(app, *index)) return;
    const placed_prediction& placed = *app.predictions[*index];
    if (option < 0 || option >= static_cast<int>(placed.options.size())) return;
    const lesson_prediction& prediction = app.chapters[app.chapter_index].predictions[*index];
    app.progress[app.chapter_index].predictions[*index] = {
        true, option == placed.correct, placed.options[static_cast<std::size_t>(option)], prediction_verdict(prediction, placed, option)};
    seek(app, app.cursor);  // the narration may have asked for the prediction
}

void restore_prediction(app_state& app, std::size_t index, std::string chosen) {
    chapter_progress* progress = current_progress(app);
    if (progress == nullptr || index >= progress->predictions.size()) return;
    prediction_answer made{true, false, std::move(chosen), {}};
    made.verdict = "You predicted \"" + made.chosen + "\" in an earlier run with other choices.";
    if (const std::optional<placed_prediction>& placed = app.predictions[index]) {
        const auto at = std::find(placed->options.begin(), placed->options.end(), made.chosen);
        if (at != placed->options.end()) {
            const int option = static_cast<int>(at - placed->options.begin());
            made.right = option == placed->correct;
            made.verdict = prediction_verdict(app.chapters[app.chapter_index].predictions[index], *placed, option);
        }
    }
    progress->predictions[index] = std::move(made);
    ++app.revision;
}

void set_display(app_state& app, display_settings display) {
    display.text_scale = std::clamp(display.text_scale, min_text_scale, max_text_scale);
    app.display = display;
    ++app.revision;
}

const std::string& narration(const app_state& app) { return app.step_sentence; }

namespace {

std::string ended_with_error(const python::program_error& error) {
    std::string where = error.line > 0 ? " at line " + std::to_string(error.line) : std::string();
    const std::string sentence = "The program stopped" + where + " with " + error.type + (error.message.empty() ? "" : ": " + error.message);
    const char last = sentence.back();
    return last == '.' || last == '?' || last == '!' ? sentence : sentence + ".";
}

// One run's sentence at its cursor: the step's narration, or how the program stopped at its end.
std::string narrate_run(const recording& run, std::size_t cursor, const python::program_result& result, const std::string& unit) {
    if (cursor < run.events().size() || !result.error) return narrate(run, cursor, unit);
    return ended_with_error(*result.error);
}

std::string narrate_cursor(const app_state& app) {
    if (app.cursor == 0 && prediction_waiting(app)) return "Nothing has run yet: make your prediction, then step (\xE2\x86\x92) to see.";
    if (!app.companion) return narrate_run(app.run, app.cursor, app.result, time_unit(app));
    // Side by side: the run this step moved, by its label.
    const companion_run& other = *app.companion;
    if (companion_moved(app.pairs, app.pair_index)) {
        return other.label + ": " + narrate_run(other.run, other.cursor, other.result, time_unit(app));
    }
    return other.main_label + ": " + narrate_run(app.run, app.cursor, app.result, time_unit(app));
}

// The cursor of the step before the cursor in the current mode (0 at the start).
std::size_t previous_step(const app_state& app) {
    if (app.companion) return app.pair_index > 0 ? app.pairs[app.pair_index - 1].main : 0;
    if (app.cursor == 0) return 0;
    if (app.step_by_line) return app.cursor - 1;
    return *std::prev(std::lower_bound(app.steps.event_steps.begin(), app.steps.event_steps.end(), app.cursor));
}

// The selected task's frames at the cursor (of its run), compared with the step before.
void update_selected_frames(app_state& app) {
    const bool beside = app.selected_beside && app.companion;
    const task_view* now = app.selected_task ? selected_view(app).find_task(app.selected_task) : nullptr;
    if (now == nullptr) {
        app.selected_frames = {};
        return;
    }
    const recording& run = beside ? app.companion->run : app.run;
    const std::size_t cursor = beside ? app.companion->cursor : app.cursor;
    const std::size_t previous = !beside ? previous_step(app) : app.pair_index > 0 ? app.pairs[app.pair_index - 1].companion : 0;
    // Only an event of this task that carries frames changes them (recording.cpp's apply):
    // when the step had none, the frames are those of the step before, and nothing changed.
    const auto& events = run.events();
    const bool changed = cursor == 0 || std::any_of(events.begin() + static_cast<std::ptrdiff_t>(previous), events.begin() + static_cast<std::ptrdiff_t>(cursor),
                                                    [&](const trace_event& e) { return e.task == app.selected_task && carries_frames(e.kind); });
    if (!changed) {
        app.selected_frames = frames_of(*now, now);
        return;
    }
    const snapshot before = cursor > 0 ? run.at(previous) : snapshot{};
    app.selected_frames = frames_of(*now, before.find_task(app.selected_task));
}

}  // namespace

std::size_t event_count(const app_state& app) { return app.run.events().size(); }

namespace {

// Everything that follows the cursor: the views, the narration, the frames.
void show_cursor(app_state& app) {
    app.view = app.run.at(app.cursor);
    if (app.companion) app.companion->view = app.companion->run.at(app.companion->cursor);
    app.step_sentence = narrate_cursor(app);
    update_selected_frames(app);
    ++app.revision;
}

void seek_pair(app_state& app, std::size_t index) {
    app.pair_index = std::min(index, app.pairs.size() - 1);
    app.cursor = app.pairs[app.pair_index].main;
    app.companion->cursor = app.pairs[app.pair_index].companion;
    show_cursor(app);
}

// The first paired step at which `member` of the pair has reached `cursor` (each member only grows:
// a binary search, since the scrub bar's prediction marks ask every frame).
std::size_t first_pair(const app_state& app, std::size_t paired_step::*member, std::size_t cursor) {
    const auto at = std::partition_point(app.pairs.begin(), app.pairs.end(), [&](const paired_step& step) { return step.*member < cursor; });
    return at == app.pairs.end() ? app.pairs.size() - 1 : static_cast<std::size_t>(at - app.pairs.begin());
}

}  // namespace

void seek(app_state& app, std::size_t cursor) {
    if (app.companion) return seek_pair(app, first_pair(app, &paired_step::main, cursor));
    app.cursor = std::min(cursor, event_count(app));
    show_cursor(app);
}

void seek_companion(app_state& app, std::size_t cursor) {
    if (app.companion) seek_pair(app, first_pair(app, &paired_step::companion, cursor));
}

void seek_step(app_state& app, std::size_t number) {
    if (app.companion) return seek_pair(app, number);
    seek(app, cursor_of_step(app, number));
}

void seek_time(app_state& app, double t) {
    if (!app.companion) return seek(app, cursor_at(app.run_timeline, t));
    const auto after = std::upper_bound(app.pairs.begin(), app.pairs.end(), t, [](double time, const paired_step& step) { return time < step.time; });
    seek_pair(app, after == app.pairs.begin() ? 0 : static_cast<std::size_t>(after - app.pairs.begin()) - 1);
}

void seek_end(app_state& app) {
    if (app.companion) return seek_pair(app, app.pairs.size() - 1);
    seek(app, event_count(app));
}

bool at_end(const app_state& app) {
    return app.companion ? app.pair_index + 1 >= app.pairs.size() : app.cursor >= event_count(app);
}

double shared_time(const app_state& app) {
    return app.companion ? app.pairs[app.pair_index].time : time_at(app.run_timeline, app.cursor);
}

const snapshot& selected_view(const app_state& app) { return app.selected_beside && app.companion ? app.companion->view : app.view; }

namespace {
void select_in(app_state& app, task_id task, bool beside) {
    app.selected_task = task;
    app.selected_beside = beside && task != 0 && app.companion;
    update_selected_frames(app);
    ++app.revision;
}
}  // namespace

void select_task(app_state& app, task_id task) { select_in(app, task, false); }
void select_companion_task(app_state& app, task_id task) { select_in(app, task, true); }

// Within the run of the selected task.
void select_next_task(app_state& app, int direction) {
    const std::vector<task_view>& tasks = selected_view(app).tasks;
    if (tasks.empty()) return;
    const auto here = std::find_if(tasks.begin(), tasks.end(), [&](const task_view& task) { return task.id == app.selected_task; });
    std::size_t index = 0;
    if (here == tasks.end()) {
        index = direction < 0 ? tasks.size() - 1 : 0;
    } else {
        const std::size_t at = static_cast<std::size_t>(here - tasks.begin());
        index = direction < 0 ? (at == 0 ? 0 : at - 1) : std::min(at + 1, tasks.size() - 1);
    }
    select_in(app, tasks[index].id, app.selected_beside);
}

// A prediction's stop is an event step (prediction.cpp), so no step passes over one.
void step_forward(app_state& app) {
    if (prediction_waiting(app) || at_end(app)) return;
    if (app.companion) return seek_pair(app, app.pair_index + 1);
    if (app.step_by_line) return seek(app, app.cursor + 1);
    seek(app, *std::upper_bound(app.steps.event_steps.begin(), app.steps.event_steps.end(), app.cursor));
}

void step_back(app_state& app) {
    if (app.companion) return seek_pair(app, app.pair_index > 0 ? app.pair_index - 1 : 0);
    if (app.cursor > 0) seek(app, previous_step(app));
}

void set_step_by_line(app_state& app, bool by_line) {
    app.step_by_line = by_line;
    if (!app.companion) return seek(app, app.cursor);  // what changed since the step before depends on the mode
    // The pairs of the new mode; the first one where both runs are as far as now.
    const paired_step now = app.pairs[app.pair_index];
    app.pairs = pair_steps(app.run, app.run_timeline, app.steps, *app.companion, by_line);
    const auto there = std::find_if(app.pairs.begin(), app.pairs.end(), [&](const paired_step& step) {
        return step.main >= now.main && step.companion >= now.companion;
    });
    seek_pair(app, static_cast<std::size_t>(there - app.pairs.begin()));
}

std::size_t step_total(const app_state& app) {
    if (app.companion) return app.pairs.size() - 1;
    return app.step_by_line ? event_count(app) : app.steps.event_steps.size() - 1;
}

std::size_t step_of_cursor(const app_state& app, std::size_t cursor) {
    if (app.companion) return first_pair(app, &paired_step::main, cursor);
    if (app.step_by_line) return cursor;
    return static_cast<std::size_t>(std::upper_bound(app.steps.event_steps.begin(), app.steps.event_steps.end(), cursor) - app.steps.event_steps.begin()) - 1;
}

std::size_t step_number(const app_state& app) { return app.companion ? app.pair_index : step_of_cursor(app, app.cursor); }

std::size_t cursor_of_step(const app_state& app, std::size_t number) {
    if (app.companion) return app.pairs[std::min(number, app.pairs.size() - 1)].main;
    if (app.step_by_line) return std::min(number, event_count(app));
    return app.steps.event_steps[std::min(number, app.steps.event_steps.size() - 1)];
}

void set_playing(app_state& app, bool playing) {
    if (playing && at_end(app)) seek(app, 0);  // play again from the start
    app.playing = playing && !at_end(app) && !prediction_waiting(app);
    app.play_clock = 0;
    ++app.revision;
}

void toggle_play(app_state& app) { set_playing(app, !app.playing); }

void advance_play(app_state& app, double seconds) {
    if (!app.playing) return;
    app.play_clock += seconds * app.steps_per_second;
    while (app.play_clock >= 1 && !at_end(app) && !prediction_waiting(app)) {
        app.play_clock -= 1;
        step_forward(app);
    }
    if (at_end(app) || prediction_waiting(app)) set_playing(app, false);
}

}  // namespace loopstep::web
