// Writes the timeline at the cursor as SVG. Pairs with timeline_svg.hpp.
#include "model/timeline_svg.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/markup.hpp"
#include "model/narration.hpp"
#include "model/timeline.hpp"

namespace loopstep::web {
namespace {

constexpr double margin = 16;
constexpr double header_height = 44;  // the title and the axis's labels
constexpr double legend_height = 34;
constexpr double plot_left = margin + svg_label_width;
constexpr double plot_width = svg_width - plot_left - margin;

struct palette {
    const char* background;
    const char* text;
    const char* axis;
    const char* cursor;
    const char* done;
};
constexpr palette screen_colours{"#141417", "#e6e6e6", "#a0a0a0", "#ffffff", "#e6e6e6"};
constexpr palette print_colours{"#ffffff", "#1a1a1a", "#555555", "#000000", "#333333"};

// A step of 1, 2 or 5 times a power of ten giving about eight ticks over `duration`.
double tick_step(double duration) {
    const double rough = duration / 8;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= rough) return factor * power;
    }
    return 10 * power;
}

// One run as drawn: its rows up to its cursor, under its name when two runs are side by side.
struct drawn_run {
    const timeline* line;
    std::size_t cursor;
    double now;
    std::string heading;
};

std::vector<drawn_run> runs_of(const app_state& app, bool whole_run) {
    std::vector<drawn_run> runs;
    const auto add = [&](const timeline& line, std::size_t cursor, std::size_t end, std::string heading) {
        const std::size_t shown = whole_run ? end : cursor;
        runs.push_back({&line, shown, time_at(line, shown), std::move(heading)});
    };
    add(app.run_timeline, app.cursor, app.run.events().size(), app.companion ? app.companion->main_label : std::string());
    if (app.companion) add(app.companion->run_timeline, app.companion->cursor, app.companion->run.events().size(), app.companion->label);
    return runs;
}

class svg_writer {
public:
    svg_writer(const app_state& app, const picture_options& options)
        : app_(app), options_(options), colours_(options.for_print ? print_colours : screen_colours), runs_(runs_of(app, options.whole_run)) {
        std::size_t rows = 0;
        for (const drawn_run& run : runs_) {
            duration_ = std::max(duration_, run.line->duration);
            now_ = std::max(now_, run.now);
            rows += run.line->rows.size() + (run.heading.empty() ? 0 : 1);
        }
        plot_top_ = margin + header_height;
        height_ = plot_top_ + svg_row_height * static_cast<double>(std::max<std::size_t>(rows, 1)) + legend_height + margin;
    }

    std::string write() {
        out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + svg_number(svg_width) + "\" height=\"" + svg_number(height_) +
               "\" viewBox=\"0 0 " + svg_number(svg_width) + " " + svg_number(height_) + "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"13\">\n";
        out_ += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                "<rect width=\"6\" height=\"6\" fill=\"#d55e00\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"2\"/>"
                "</pattern></defs>\n";
        out_ += std::string("<rect width=\"100%\" height=\"100%\" fill=\"") + colours_.background + "\"/>\n";
        title();
        axis();
        double top = plot_top_;
        for (const drawn_run& run : runs_) {
            if (!run.heading.empty()) {
                text(margin, top + svg_row_height * 0.65, run.heading, " font-weight=\"bold\" class=\"run\"");
                top += svg_row_height;
            }
            for (const task_row& task : run.line->rows) {
                row(task, run, top);
                top += svg_row_height;
            }
        }
        cursor();
        legend();
        out_ += "</svg>\n";
        return std::move(out_);
    }

private:
    double x_of(double t) const { return plot_left + plot_width * std::clamp(t / duration_, 0.0, 1.0); }

    void text(double x, double y, const std::string& words, const std::string& attributes = "") {
        out_ += "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" fill=\"" + colours_.text + "\"" + attributes + ">" + xml_escaped(words) + "</text>\n";
    }

    void title() {
        const std::string chapter = app_.chapters.empty() ? std::string("loopstep") : app_.chapters[app_.chapter_index].title;
        const std::string place = options_.whole_run ? "of the whole run, " + format_time(now_, time_unit(app_))
                                                     : "at " + format_time(now_, time_unit(app_)) + ", step " + std::to_string(step_number(app_)) +
                                                           " of " + std::to_string(step_total(app_));
        text(margin, margin + 12, chapter + ": the timeline " + place, " font-weight=\"bold\" class=\"title\"");
    }

    void axis() {
        const double y = plot_top_ - 6;
        out_ += "<line x1=\"" + svg_number(plot_left) + "\" y1=\"" + svg_number(y) + "\" x2=\"" + svg_number(plot_left + plot_width) + "\" y2=\"" +
                svg_number(y) + "\" stroke=\"" + colours_.axis + "\"/>\n";
        const double step = tick_step(duration_);
        for (double t = 0; t <= duration_ + step * 1e-6; t += step) {
            const double x = x_of(t);
            out_ += "<line x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(y - 4) + "\" x2=\"" + svg_number(x) + "\" y2=\"" + svg_number(y) + "\" stroke=\"" + colours_.axis + "\"/>\n";
            const char* anchor = x > plot_left + plot_width - 24 ? "end" : "middle";  // the last label stays inside
            text(x, y - 8, format_time(t, time_unit(app_)), std::string(" text-anchor=\"") + anchor + "\" font-size=\"11\" fill-opacity=\"0.8\"");
        }
    }

    void row(const task_row& task, const drawn_run& run, double top) {
        text(margin, top + svg_row_height * 0.65, task.name, " class=\"task\"");
        const double band_top = top + 5, band_bottom = top + svg_row_height - 5;
        for (const segment& part : task.segments) {
            const std::optional<double> end = end_at(part, run.cursor, run.now);
            if (!end) continue;
            const double x0 = x_of(part.start), x1 = std::max(x_of(*end), x0 + (part.kind == segment_kind::blocking ? 2.0 : 0.0));
            switch (part.kind) {
                case segment_kind::waiting:
                    out_ += "<rect class=\"waiting\" x=\"" + svg_number(x0) + "\" y=\"" + svg_number(band_top) + "\" width=\"" + svg_number(x1 - x0) +
                            "\" height=\"" + svg_number(band_bottom - band_top) + "\" fill=\"#56b4e9\" fill-opacity=\"0.15\" stroke=\"#56b4e9\"/>\n";
                    break;
                case segment_kind::ready:
                    out_ += "<rect class=\"ready\" x=\"" + svg_number(x0) + "\" y=\"" + svg_number((band_top + band_bottom) / 2 - 1.5) + "\" width=\"" +
                            svg_number(std::max(x1 - x0, 1.0)) + "\" height=\"3\" fill=\"#e69f00\"/>\n";
                    break;
                case segment_kind::blocking:
                    out_ += "<rect class=\"blocking\" x=\"" + svg_number(x0) + "\" y=\"" + svg_number(band_top) + "\" width=\"" + svg_number(x1 - x0) +
                            "\" height=\"" + svg_number(band_bottom - band_top) + "\" fill=\"url(#hatch)\"/>\n";
                    break;
                case segment_kind::running:
                    out_ += "<line class=\"step\" x1=\"" + svg_number(x0) + "\" y1=\"" + svg_number(band_top - 2) + "\" x2=\"" + svg_number(x0) + "\" y2=\"" +
                            svg_number(band_bottom + 2) + "\" stroke=\"#00c891\" stroke-width=\"2\"/>\n";
                    break;
            }
        }
        if (task.ended && task.end.event < run.cursor) {
            out_ += "<circle class=\"done\" cx=\"" + svg_number(x_of(task.end.time)) + "\" cy=\"" + svg_number((band_top + band_bottom) / 2) +
                    "\" r=\"4\" fill=\"" + colours_.done + "\"/>\n";
        }
    }

    void cursor() {
        const double x = x_of(now_);
        out_ += "<line class=\"cursor\" x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(plot_top_ - 6) + "\" x2=\"" + svg_number(x) + "\" y2=\"" +
                svg_number(height_ - legend_height - margin) + "\" stroke=\"" + colours_.cursor + "\" stroke-width=\"1.5\"/>\n";
    }

    void legend() {
        const double y = height_ - margin - 10;
        double x = plot_left;
        const auto entry = [&](const std::string& mark, const std::string& words) {
            out_ += mark;
            text(x + 26, y + 4, words, " font-size=\"12\"");
            x += 40 + 7.0 * static_cast<double>(words.size());
        };
        entry("<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y - 5) + "\" width=\"20\" height=\"10\" fill=\"#56b4e9\" fill-opacity=\"0.15\" stroke=\"#56b4e9\"/>\n", "waiting (await)");
        entry("<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y - 1.5) + "\" width=\"20\" height=\"3\" fill=\"#e69f00\"/>\n", "ready (queued)");
        entry("<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y - 5) + "\" width=\"20\" height=\"10\" fill=\"url(#hatch)\"/>\n", "blocking (time.sleep)");
        entry("<line x1=\"" + svg_number(x + 10) + "\" y1=\"" + svg_number(y - 6) + "\" x2=\"" + svg_number(x + 10) + "\" y2=\"" + svg_number(y + 6) + "\" stroke=\"#00c891\" stroke-width=\"2\"/>\n", "a step");
        entry("<circle cx=\"" + svg_number(x + 10) + "\" cy=\"" + svg_number(y) + "\" r=\"4\" fill=\"" + colours_.done + "\"/>\n", "done");
    }

    const app_state& app_;
    const picture_options& options_;
    const palette& colours_;
    std::vector<drawn_run> runs_;
    double duration_ = 1e-9;
    double now_ = 0;
    double plot_top_ = 0;
    double height_ = 0;
    std::string out_;
};

}  // namespace

std::string timeline_svg(const app_state& app, const picture_options& options) { return svg_writer(app, options).write(); }

}  // namespace loopstep::web
