// The frames panel's model: a task's frames with what the last step changed, and values folded
// to a width. Pairs with frames.hpp.
#include "model/frames.hpp"

#include <algorithm>

namespace loopstep::web {

std::string call_text(const frame_view& frame) {
    std::string call = frame.function + "(";
    for (std::size_t i = 0; i < frame.arguments && i < frame.locals.size(); ++i) {
        call += (i ? ", " : "") + frame.locals[i].first + "=" + frame.locals[i].second;
    }
    return call + ")";
}

const std::string* value_in(const frame_view& frame, const std::string& name) {
    for (const auto& [local, value] : frame.locals) {
        if (local == name) return &value;
    }
    return nullptr;
}

namespace {

bool is_done(task_state state) {
    return state == task_state::finished || state == task_state::failed || state == task_state::cancelled;
}

shown_frame show(const frame_view& frame, const frame_view* before) {
    shown_frame shown{.function = frame.function, .call = call_text(frame), .line = frame.line, .locals = {}, .paused = {}};
    for (std::size_t i = 0; i < frame.locals.size(); ++i) {
        const auto& [name, value] = frame.locals[i];
        const std::string* old = before ? value_in(*before, name) : nullptr;
        shown.locals.push_back({.name = name, .value = value, .argument = i < frame.arguments, .changed = !old || *old != value});
    }
    return shown;
}

// The index just past a quoted string starting at `at` (a repr's 'text' or "text", with escapes).
std::size_t past_string(std::string_view text, std::size_t at) {
    const char quote = text[at];
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == quote) return i + 1;
    }
    return text.size();
}

bool opens(char c) { return c == '[' || c == '(' || c == '{'; }
bool closes(char c) { return c == ']' || c == ')' || c == '}'; }

// Where each top-level item of a container's repr ends (the comma or the closing bracket).
std::vector<std::size_t> item_ends(std::string_view text) {
    std::vector<std::size_t> ends;
    int depth = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\'' || c == '"') {
            i = past_string(text, i);
            continue;
        }
        if (opens(c)) ++depth;
        if (closes(c)) --depth;
        if ((c == ',' && depth == 1) || (closes(c) && depth == 0)) ends.push_back(i);
        ++i;
    }
    return ends;
}

bool container(std::string_view text) { return text.size() >= 2 && opens(text.front()) && closes(text.back()); }

}  // namespace

task_frames frames_of(const task_view& now, const task_view* before) {
    task_frames shown{.task = now.id, .name = now.name, .state = now.state, .frames = {}, .outcome = {}};
    if (is_done(now.state)) {
        shown.outcome = now.outcome;
        return shown;
    }
    const std::vector<frame_view>& old = before ? before->frames : std::vector<frame_view>{};
    const std::size_t count = now.frames.size();
    for (std::size_t i = 0; i < count; ++i) {
        // Counted from the outermost frame: the same depth in the chain, the same function.
        const std::size_t depth = count - 1 - i;
        const frame_view* previous = depth < old.size() ? &old[old.size() - 1 - depth] : nullptr;
        if (previous && previous->function != now.frames[i].function) previous = nullptr;
        shown.frames.push_back(show(now.frames[i], previous));
    }
    for (std::size_t i = 1; i < shown.frames.size(); ++i) shown.frames[i].paused = shown.frames[i - 1].call;
    if (!shown.frames.empty() && now.state == task_state::waiting) shown.frames.front().paused = now.waiting_on;
    return shown;
}

int item_count(std::string_view value) {
    if (!container(value)) return -1;
    if (value.size() >= 3 && value.substr(value.size() - 3) == "...") return -1;  // cut by the interpreter
    const std::vector<std::size_t> ends = item_ends(value);
    if (ends.empty() || ends.back() != value.size() - 1) return -1;
    const std::string_view inside = value.substr(1, value.size() - 2);
    if (inside.find_first_not_of(' ') == std::string_view::npos) return 0;
    // "(1,)": a one-item tuple ends with a comma before its bracket.
    const bool trailing_comma = ends.size() >= 2 && value.substr(ends[ends.size() - 2] + 1, ends.back() - ends[ends.size() - 2] - 1).empty();
    return static_cast<int>(ends.size()) - (trailing_comma ? 1 : 0);
}

std::string fold_value(std::string_view value, std::size_t width) {
    if (value.size() <= width) return std::string(value);
    const bool cut = value.size() >= 3 && value.substr(value.size() - 3) == "...";
    const int count = item_count(value);
    if (!opens(value.front()) || (count < 0 && !cut)) return std::string(value.substr(0, width > 3 ? width - 3 : 0)) + "...";
    const char close = value.front() == '[' ? ']' : value.front() == '(' ? ')' : '}';
    const std::string count_text = count >= 0 ? " (" + std::to_string(count) + " items)" : std::string();
    const std::string tail = std::string(", ...") + close;  // the count comes after: width is for the items
    std::string folded(1, value.front());
    std::size_t start = 1;
    for (const std::size_t end : item_ends(value)) {
        const std::string_view item = value.substr(start, end - start);
        const std::size_t separator = folded.size() > 1 ? 1 : 0;
        if (end >= value.size() - 1 || folded.size() + separator + item.size() + tail.size() > width) break;
        if (separator) folded += ',';
        folded += item;
        start = end + 1;
    }
    if (folded.size() == 1) return std::string(value.substr(0, width > 3 ? width - 3 : 0)) + "..." + count_text;  // not even one item fits
    return folded + tail + count_text;
}

std::string ending_sentence(const task_frames& shown) {
    switch (shown.state) {
        case task_state::finished: return "Done. It returned " + shown.outcome;
        case task_state::failed: return "Failed with " + shown.outcome;
        case task_state::cancelled: return shown.outcome.empty() ? "Cancelled." : "Cancelled: " + shown.outcome;
        default: return {};
    }
}

std::string innermost_status(const task_frames& shown, task_id running) {
    if (shown.state == task_state::running) return running == shown.task ? "running now" : "running";
    if (shown.state == task_state::scheduled) return "ready: in the loop's ready queue";
    return {};
}

std::string frame_place(const shown_frame& frame, bool innermost, const std::string& status) {
    const std::string doing = !frame.paused.empty() ? (innermost ? "waits on " : "awaits ") + frame.paused : status;
    return "line " + std::to_string(frame.line) + (doing.empty() ? "" : " \xC2\xB7 " + doing);  // ·
}

}  // namespace loopstep::web
