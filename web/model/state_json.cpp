// Writes app_state as the JSON object shell/API.md describes. Pairs with state_json.hpp.
#include "model/state_json.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>

#include "model/loop_text.hpp"
#include "model/sync_objects.hpp"
#include "model/timeline_text.hpp"

namespace loopstep::web {
namespace {

// A small writer: commas between members, strings escaped as JSON requires.
class json_writer {
public:
    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view name) {
        separate();
        quoted(name);
        out_ += ':';
        after_key_ = true;
    }
    void string(std::string_view text) {
        separate();
        quoted(text);
    }
    void number(double value) {
        separate();
        if (!std::isfinite(value)) {  // JSON has no NaN or infinity: a reader would fail on the whole state
            out_ += "null";
            return;
        }
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.15g", value);
        out_ += buffer;
    }
    void integer(long long value) {
        separate();
        out_ += std::to_string(value);
    }
    void boolean(bool value) {
        separate();
        out_ += value ? "true" : "false";
    }
    void null() {
        separate();
        out_ += "null";
    }
    std::string take() { return std::move(out_); }

private:
    void separate() {
        if (after_key_) {
            after_key_ = false;
        } else if (need_comma_) {
            out_ += ',';
        }
        need_comma_ = true;
    }
    void open(char bracket) {
        separate();
        out_ += bracket;
        need_comma_ = false;
    }
    void close(char bracket) {
        out_ += bracket;
        need_comma_ = true;
    }
    void quoted(std::string_view text) {
        out_ += '"';
        for (const char c : text) escape(c);
        out_ += '"';
    }
    void escape(char c) {
        switch (c) {
            case '"': out_ += "\\\""; return;
            case '\\': out_ += "\\\\"; return;
            case '\n': out_ += "\\n"; return;
            case '\r': out_ += "\\r"; return;
            case '\t': out_ += "\\t"; return;
            default: break;
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out_ += buffer;
        } else {
            out_ += c;
        }
    }

    std::string out_;
    bool need_comma_ = false;
    bool after_key_ = false;
};

void write_tasks(json_writer& json, const snapshot& view) {
    json.begin_array();
    for (const task_view& task : view.tasks) {
        json.begin_object();
        json.key("name"), json.string(task.name);
        json.key("state"), json.string(state_word(task.state));
        json.key("line"), json.integer(task.line);
        json.key("detail"), json.string(task.state == task_state::waiting ? task.waiting_on : task.outcome);
        json.end_object();
    }
    json.end_array();
}

// The loop panel's lists (model/loop_text.hpp), in its words.
void write_loop(json_writer& json, const app_state& app) {
    const loop_lines lines = describe_loop(app.view, time_unit(app));
    json.begin_object();
    json.key("ready"), json.begin_array();
    for (const ready_line& entry : lines.ready) {
        json.begin_object();
        json.key("task"), json.string(entry.task);
        json.key("text"), json.string(entry.text);
        json.end_object();
    }
    json.end_array();
    json.key("timers"), json.begin_array();
    for (const timer_line& timer : lines.timers) {
        json.begin_object();
        json.key("task"), json.string(timer.task);
        json.key("at"), json.number(timer.at);
        json.key("late"), json.boolean(timer.late);
        json.key("text"), json.string(timer.text);
        json.end_object();
    }
    json.end_array();
    json.key("futures"), json.begin_array();
    for (const future_line& future : lines.futures) {
        json.begin_object();
        json.key("label"), json.string(future.label);
        json.key("waiters"), json.begin_array();
        for (const std::string& waiter : future.waiters) json.string(waiter);
        json.end_array();
        json.key("text"), json.string(future.text);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

// The timeline panel up to the cursor, in words (model/timeline_text.hpp).
void write_timeline(json_writer& json, const timeline& line, const recording& run, std::size_t cursor, const std::string& unit, double now) {
    json.begin_array();
    for (const timeline_task& task : describe_timeline(line, run, cursor, unit, 200, now)) {
        json.begin_object();
        json.key("task"), json.string(task.task);
        json.key("omitted"), json.integer(static_cast<long long>(task.omitted));
        json.key("parts"), json.begin_array();
        for (const timeline_part& part : task.parts) {
            json.begin_object();
            json.key("kind"), json.string(part.kind);
            json.key("from"), json.number(part.from);
            json.key("to"), json.number(part.to);
            json.key("goingOn"), json.boolean(part.going_on);
            json.key("text"), json.string(part.text);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

// The seed an unseeded `random` drew from in this run (the app's seeds are below 10^9), or null.
void write_random_seed(json_writer& json, const app_state& app) {
    const std::optional<std::uint64_t> seed = run_seed(app);
    if (seed) json.integer(static_cast<long long>(*seed));
    else json.null();
}

// The selected task's frames (model/frames.hpp), null when no task is selected at the cursor.
void write_frames(json_writer& json, const app_state& app) {
    const task_frames& shown = app.selected_frames;
    if (shown.task == 0) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("task"), json.string(shown.name);
    json.key("state"), json.string(state_word(shown.state));
    json.key("outcome"), json.string(shown.outcome);
    json.key("frames"), json.begin_array();
    for (const shown_frame& frame : shown.frames) {
        json.begin_object();
        json.key("function"), json.string(frame.function);
        json.key("call"), json.string(frame.call);
        json.key("line"), json.integer(frame.line);
        json.key("paused"), json.string(frame.paused);
        json.key("locals"), json.begin_array();
        for (const shown_local& local : frame.locals) {
            json.begin_object();
            json.key("name"), json.string(local.name);
            json.key("value"), json.string(local.value);
            json.key("argument"), json.boolean(local.argument);
            json.key("changed"), json.boolean(local.changed);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

// The selected task's index in the tasks of the main run's view (beside = false) or the companion's, else -1.
long long selected_index(const app_state& app, bool beside) {
    if (beside != app.selected_beside) return -1;
    const snapshot& view = selected_view(app);
    for (std::size_t i = 0; i < view.tasks.size(); ++i) {
        if (view.tasks[i].id == app.selected_task) return static_cast<long long>(i);
    }
    return -1;
}

void write_error(json_writer& json, const python::program_result& result) {
    if (!result.error) {
        json.null();
        return;
    }
    const python::program_error& error = *result.error;
    json.begin_object();
    json.key("kind"), json.string(error.type);
    json.key("message"), json.string(error.message);
    json.key("line"), json.integer(error.line);
    json.key("column"), json.integer(error.column);
    json.end_object();
}

void write_chapters(json_writer& json, const app_state& app) {
    json.begin_array();
    for (const chapter& chapter : app.chapters) {
        json.begin_object();
        json.key("title"), json.string(chapter.title);
        json.key("finalCheck"), json.boolean(chapter.is_final_check);
        json.end_object();
    }
    json.end_array();
}

// The current chapter's sliders and answers.
void write_progress(json_writer& json, const app_state& app) {
    const bool has_chapter = app.chapter_index < app.chapters.size();
    json.key("params"), json.begin_object();
    if (has_chapter) {
        const chapter& chapter = app.chapters[app.chapter_index];
        for (std::size_t i = 0; i < chapter.params.size(); ++i) {
            json.key(chapter.params[i].name), json.integer(app.progress[app.chapter_index].params[i]);
        }
    }
    json.end_object();
    json.key("formulas"), json.begin_array();
    for (const std::string& formula : app.formulas) json.string(formula);
    json.end_array();
    json.key("answers"), json.begin_array();
    if (has_chapter) {
        const chapter& chapter = app.chapters[app.chapter_index];
        const std::vector<int>& answers = app.progress[app.chapter_index].answers;
        for (std::size_t i = 0; i < chapter.questions.size(); ++i) {
            json.begin_object();
            json.key("chosen"), json.integer(answers[i]);
            json.key("correct"), json.boolean(answers[i] == chapter.questions[i].correct);
            json.key("locked"), json.boolean(answer_locked(app, i));
            json.end_object();
        }
    }
    json.end_array();
    const score result = final_check_score(app);
    json.key("score"), json.begin_object();
    json.key("right"), json.integer(result.right);
    json.key("answered"), json.integer(result.answered);
    json.key("total"), json.integer(result.total);
    json.end_object();
}

// Every chapter's progress, for the page to save: sliders, the learner's code, answers, predictions.
void write_saved(json_writer& json, const app_state& app) {
    json.begin_array();
    for (std::size_t c = 0; c < app.chapters.size(); ++c) {
        const chapter_progress& progress = app.progress[c];
        json.begin_object();
        json.key("params"), json.begin_object();
        for (std::size_t i = 0; i < progress.params.size(); ++i) {
            json.key(app.chapters[c].params[i].name), json.integer(progress.params[i]);
        }
        json.end_object();
        json.key("code");
        if (progress.edited_code.empty()) {
            json.null();
        } else {
            json.string(progress.edited_code);
        }
        json.key("answers"), json.begin_array();
        for (const int chosen : progress.answers) json.integer(chosen);
        json.end_array();
        json.key("predictions"), json.begin_array();
        for (const prediction_answer& made : progress.predictions) {
            if (made.made) {
                json.string(made.chosen);
            } else {
                json.null();
            }
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

const char* style_word(span_style style) {
    switch (style) {
        case span_style::emphasis: return "emphasis";
        case span_style::strong: return "strong";
        case span_style::code: return "code";
        case span_style::plain: break;
    }
    return "plain";
}

const char* block_word(block_kind kind) {
    switch (kind) {
        case block_kind::heading: return "heading";
        case block_kind::bullet: return "bullet";
        case block_kind::code: return "code";
        case block_kind::paragraph: break;
    }
    return "paragraph";
}

void write_rich_text(json_writer& json, const rich_text& text) {
    json.begin_array();
    for (const text_span& span : text) {
        json.begin_object();
        json.key("style"), json.string(style_word(span.style));
        json.key("text"), json.string(span.text);
        json.end_object();
    }
    json.end_array();
}

void write_questions(json_writer& json, const std::vector<lesson_question>& questions) {
    json.begin_array();
    for (const lesson_question& question : questions) {
        json.begin_object();
        json.key("prompt"), write_rich_text(json, question.prompt);
        json.key("options"), json.begin_array();
        for (const rich_text& option : question.options) write_rich_text(json, option);
        json.end_array();
        json.key("feedback"), write_rich_text(json, question.feedback);
        json.end_object();
    }
    json.end_array();
}

// The prediction at the cursor (@predict), or null: its question, the run's choices, and once
// made, the learner's choice and the verdict. `waiting`: stepping and playing wait until it is made.
void write_prediction(json_writer& json, const app_state& app) {
    const std::optional<std::size_t> index = prediction_here(app);
    if (!index) {
        json.null();
        return;
    }
    const lesson_prediction& prediction = app.chapters[app.chapter_index].predictions[*index];
    const placed_prediction& placed = *app.predictions[*index];
    const prediction_answer& made = app.progress[app.chapter_index].predictions[*index];
    json.begin_object();
    json.key("index"), json.integer(static_cast<long long>(*index));
    json.key("prompt"), write_rich_text(json, prediction.prompt);
    json.key("options"), json.begin_array();
    for (const std::string& option : placed.options) json.string(option);
    json.end_array();
    json.key("waiting"), json.boolean(!made.made);
    json.key("chosen");
    if (made.made) {
        json.string(made.chosen);
    } else {
        json.null();
    }
    json.key("right"), json.boolean(made.made && made.right);
    json.key("verdict"), json.string(made.verdict);
    json.key("feedback"), write_rich_text(json, made.made ? prediction.feedback : rich_text{});
    json.end_object();
}

// The program's Queues, Events, Locks, Semaphores and Conditions at the cursor (model/sync_objects.hpp):
// the panel's words, and per kind its state as data. Waiting tasks by name, the first 20 of `...Count`.
void write_task_names(json_writer& json, const snapshot& view, const std::vector<task_id>& tasks) {
    json.begin_array();
    for (task_id id : tasks) json.string(task_name(view, id));
    json.end_array();
}

void write_sync_object(json_writer& json, const snapshot& view, const sync_view& object, const shown_sync_object& shown) {
    json.begin_object();
    json.key("name"), json.string(object.name);
    json.key("kind"), json.string(object.kind);
    json.key("line"), json.integer(object.line);
    json.key("heading"), json.string(shown.heading);
    json.key("state"), json.string(shown.state);
    json.key("waits"), json.begin_array();
    for (const std::string& wait : shown.waits) json.string(wait);
    json.end_array();
    const bool queue = object.kind.find("Queue") != std::string::npos;
    const bool semaphore = object.kind.find("Semaphore") != std::string::npos;
    if (queue) {
        json.key("maxsize"), json.integer(object.value);
        json.key("size"), json.integer(static_cast<long long>(object.size));
        json.key("items"), json.begin_array();
        for (const std::string& item : object.items) json.string(item);
        json.end_array();
        json.key("unfinished"), json.integer(object.unfinished);
        json.key("getters"), write_task_names(json, view, object.waiters);
        json.key("getterCount"), json.integer(static_cast<long long>(object.waiting));
        json.key("putters"), write_task_names(json, view, object.blocked);
        json.key("putterCount"), json.integer(static_cast<long long>(object.blocked_count));
    } else {
        if (object.kind == "Event") json.key("isSet"), json.boolean(object.flag);
        else json.key("locked"), json.boolean(object.flag);
        if (semaphore) json.key("value"), json.integer(object.value);
        if (object.kind == "Lock" || object.kind == "Condition") {
            const std::string owner = task_name(view, object.owner);
            json.key("owner");
            if (owner.empty()) json.null();
            else json.string(owner);
        }
        json.key("waiters"), write_task_names(json, view, object.waiters);
        json.key("waiterCount"), json.integer(static_cast<long long>(object.waiting));
        if (object.kind == "Condition") {
            json.key("lockWaiters"), write_task_names(json, view, object.blocked);
            json.key("lockWaiterCount"), json.integer(static_cast<long long>(object.blocked_count));
        }
    }
    json.end_object();
}

void write_sync_objects(json_writer& json, const snapshot& view) {
    const std::vector<shown_sync_object> shown = sync_objects_shown(view);
    json.begin_array();
    for (std::size_t i = 0; i < view.sync_objects.size(); ++i) write_sync_object(json, view, view.sync_objects[i], shown[i]);
    json.end_array();
}

// The lesson files on screen (none: the built-in chapters) and the problems of the last files tried.
void write_lessons(json_writer& json, const app_state& app) {
    json.begin_object();
    json.key("files"), json.begin_array();
    for (const std::string& file : app.lesson_files) json.string(file);
    json.end_array();
    json.key("problems"), json.begin_array();
    for (const lesson_problem& problem : app.lesson_problems) {
        json.begin_object();
        json.key("file"), json.string(problem.file);
        json.key("line"), json.integer(problem.line);
        json.key("message"), json.string(problem.message);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

std::string chapter_json(const app_state& app, std::size_t index) {
    if (index >= app.chapters.size()) return "null";
    const chapter& chapter = app.chapters[index];
    json_writer json;
    json.begin_object();
    json.key("title"), json.string(chapter.title);
    json.key("finalCheck"), json.boolean(chapter.is_final_check);
    json.key("blocks"), json.begin_array();
    for (const lesson_block& block : chapter.blocks) {
        json.begin_object();
        json.key("kind"), json.string(block_word(block.kind));
        if (block.kind == block_kind::code) {
            json.key("code"), json.string(block.code);
        } else {
            json.key("text"), write_rich_text(json, block.text);
        }
        json.end_object();
    }
    json.end_array();
    json.key("params"), json.begin_array();
    for (const lesson_param& param : chapter.params) {
        json.begin_object();
        json.key("name"), json.string(param.name);
        json.key("label"), json.string(param.label);
        json.key("min"), json.integer(param.min);
        json.key("max"), json.integer(param.max);
        json.end_object();
    }
    json.end_array();
    json.key("questions"), write_questions(json, chapter.questions);
    json.end_object();
    return json.take();
}

const char* state_word(task_state state) {
    switch (state) {
        case task_state::scheduled: return "ready";
        case task_state::running: return "running";
        case task_state::waiting: return "waiting";
        case task_state::finished: return "done";
        case task_state::failed: return "failed";
        case task_state::cancelled: return "cancelled";
    }
    return "unknown";
}

// The run beside the main one (two runs side by side), or null.
void write_companion(json_writer& json, const app_state& app) {
    if (!app.companion) {
        json.null();
        return;
    }
    const companion_run& other = *app.companion;
    json.begin_object();
    json.key("label"), json.string(other.label);
    json.key("mainLabel"), json.string(other.main_label);
    json.key("mainClock"), json.number(app.view.time);
    json.key("clock"), json.number(other.view.time);
    json.key("tasks"), write_tasks(json, other.view);
    json.key("selectedTask"), json.integer(selected_index(app, true));
    json.key("timeline"), write_timeline(json, other.run_timeline, other.run, other.cursor, time_unit(app), shared_time(app));
    json.key("output"), json.string(other.view.output);
    json.key("code"), json.string(other.source);
    json.key("error"), write_error(json, other.result);
    json.end_object();
}

std::string state_json(const app_state& app) {
    json_writer json;
    json.begin_object();
    json.key("chapter"), json.integer(static_cast<long long>(app.chapter_index));
    json.key("chapters"), write_chapters(json, app);
    json.key("step"), json.integer(static_cast<long long>(step_number(app)));
    json.key("steps"), json.integer(static_cast<long long>(step_total(app)));
    json.key("stepBy"), json.string(app.step_by_line ? "line" : "event");
    const std::size_t companion_lines = app.companion ? app.companion->steps.line_steps : 0;  // side by side: both runs' lines
    json.key("lineSteps"), json.integer(static_cast<long long>(app.steps.line_steps + companion_lines));
    json.key("playing"), json.boolean(app.playing);
    json.key("clock"), json.number(shared_time(app));
    json.key("timeUnit"), json.string(time_unit(app));
    json.key("tasks"), write_tasks(json, app.view);
    json.key("loop"), write_loop(json, app);
    json.key("timeline"), write_timeline(json, app.run_timeline, app.run, app.cursor, time_unit(app), shared_time(app));
    json.key("selectedTask"), json.integer(selected_index(app, false));
    json.key("frames"), write_frames(json, app);
    json.key("syncObjects"), write_sync_objects(json, app.view);
    json.key("output"), json.string(app.view.output);
    json.key("randomSeed"), write_random_seed(json, app);
    json.key("narration"), json.string(narration(app));
    json.key("code"), json.string(app.editor);
    json.key("codeEdited"), json.boolean(code_edited(app));
    json.key("error"), write_error(json, app.result);
    json.key("compare"), write_companion(json, app);
    write_progress(json, app);
    json.key("prediction"), write_prediction(json, app);
    json.key("saved"), write_saved(json, app);
    json.key("display"), json.begin_object();
    json.key("highContrast"), json.boolean(app.display.high_contrast);
    json.key("textScale"), json.number(app.display.text_scale);
    json.key("classroom"), json.boolean(app.display.classroom);
    json.end_object();
    json.key("lessons"), write_lessons(json, app);
    json.end_object();
    return json.take();
}

std::string json_string(std::string_view text) {
    json_writer json;
    json.string(text);
    return json.take();
}

}  // namespace loopstep::web
