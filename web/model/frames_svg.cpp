// Writes the frames panel at the cursor as SVG. Pairs with frames_svg.hpp.
#include "model/frames_svg.hpp"

#include <algorithm>

#include "model/frames.hpp"
#include "model/markup.hpp"
#include "model/narration.hpp"

namespace loopstep::web {
namespace {

constexpr double margin = 16;
constexpr double line_height = 20;
constexpr double name_width = 170;     // the locals' names column
constexpr double code_char_width = 7.8;  // DejaVu Sans Mono at 13 units
constexpr const char* text_colour = "#e6e6e6";
constexpr const char* dim_colour = "#a0a0a0";
constexpr const char* changed_colour = "#ffd973";
constexpr const char* code_font = "DejaVu Sans Mono, monospace";

class frames_writer {
public:
    explicit frames_writer(const app_state& app) : app_(app), shown_(app.selected_frames) {}

    std::string write() {
        y_ = margin + 12;
        title();
        body();
        const double height = y_ + margin;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + svg_number(frames_svg_width) + "\" height=\"" + svg_number(height) +
               "\" viewBox=\"0 0 " + svg_number(frames_svg_width) + " " + svg_number(height) +
               "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"13\">\n<rect width=\"100%\" height=\"100%\" fill=\"#141417\"/>\n" +
               out_ + "</svg>\n";
    }

private:
    void text(double x, const std::string& words, const std::string& attributes, const char* colour = text_colour) {
        out_ += "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y_) + "\" fill=\"" + colour + "\"" + attributes + ">" +
                xml_escaped(words) + "</text>\n";
    }
    void next_line(double lines = 1) { y_ += line_height * lines; }

    void title() {
        const std::string chapter = app_.chapters.empty() ? std::string("loopstep") : app_.chapters[app_.chapter_index].title;
        std::string place = "at " + format_time(shared_time(app_), time_unit(app_)) + ", step " + std::to_string(step_number(app_)) +
                            " of " + std::to_string(step_total(app_));
        text(margin, chapter + ": frames and locals " + place, " font-weight=\"bold\" class=\"title\"");
        next_line(1.5);
    }

    void body() {
        if (app_.selected_task == 0 || shown_.task == 0) {
            text(margin, app_.selected_task == 0 ? "No task is selected: select one to see its frames."
                                                 : "The selected task does not exist yet at this step.", " class=\"note\"", dim_colour);
            next_line();
            return;
        }
        std::string heading = shown_.name;
        if (app_.companion) heading += " in " + (app_.selected_beside ? app_.companion->label : app_.companion->main_label);
        if (shown_.frames.size() > 1) heading += " (" + std::to_string(shown_.frames.size()) + " frames, innermost first)";
        text(margin, heading, " font-weight=\"bold\" class=\"task\"");
        next_line();
        const std::string ended = ending_sentence(shown_);
        if (!ended.empty()) {
            text(margin, ended, " class=\"ending\"");
            next_line();
        }
        const std::string status = innermost_status(shown_, selected_view(app_).running);
        for (std::size_t depth = 0; depth < shown_.frames.size(); ++depth) frame(shown_.frames[depth], depth == 0 ? status : std::string(), depth == 0);
    }

    void frame(const shown_frame& shown, const std::string& status, bool innermost) {
        out_ += "<line x1=\"" + svg_number(margin) + "\" y1=\"" + svg_number(y_ - 8) + "\" x2=\"" + svg_number(frames_svg_width - margin) +
                "\" y2=\"" + svg_number(y_ - 8) + "\" stroke=\"#4a4a55\"/>\n";
        next_line(0.4);
        text(margin, shown.call, " font-family=\"" + std::string(code_font) + "\" class=\"call\"");
        next_line();
        text(margin, frame_place(shown, innermost, status), " font-size=\"12\" class=\"place\"", dim_colour);
        next_line();
        if (shown.locals.empty()) {
            text(margin + 12, "(no local variables)", " font-size=\"12\"", dim_colour);
            next_line();
        }
        const std::size_t value_chars = static_cast<std::size_t>((frames_svg_width - 2 * margin - 12 - name_width) / code_char_width);
        for (const shown_local& local : shown.locals) {
            if (local.changed) {
                out_ += "<rect class=\"changed\" x=\"" + svg_number(margin + 6) + "\" y=\"" + svg_number(y_ - 14) + "\" width=\"" +
                        svg_number(frames_svg_width - 2 * margin - 6) + "\" height=\"" + svg_number(line_height - 1) +
                        "\" fill=\"#966914\" fill-opacity=\"0.45\"/>\n";
            }
            const char* colour = local.changed ? changed_colour : text_colour;
            text(margin + 12, local.name, std::string(" class=\"local\"") + (local.changed ? " font-weight=\"bold\"" : ""), colour);
            text(margin + 12 + name_width, fold_value(local.value, std::max<std::size_t>(value_chars, 8)),
                 " font-family=\"" + std::string(code_font) + "\" class=\"value\"", colour);
            next_line();
        }
        next_line(0.5);
    }

    const app_state& app_;
    const task_frames& shown_;
    double y_ = 0;
    std::string out_;
};

}  // namespace

std::string frames_svg(const app_state& app) { return frames_writer(app).write(); }

}  // namespace loopstep::web
