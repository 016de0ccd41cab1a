// Writes the timeline at the cursor as SVG. Pairs with timeline_svg.hpp.
#include "model/timeline_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/narration.hpp"
#include "model/timeline.hpp"

namespace loopstep::web {
namespace {

constexpr double margin = 16;
constexpr double header_height = 44;  // the title and the axis's labels
constexpr double legend_height = 34;
constexpr double plot_left = margin + svg_label_width;
constexpr double plot_width = svg_width - plot_left - margin;

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// A step of 1, 2 or 5 times a power of ten giving about eight ticks over `duration`.
double tick_step(double duration) {
    const double rough = duration / 8;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= rough) return factor * power;
    }
    return 10 * power;
}

class svg_writer {
public:
    svg_writer(const app_state& app) : app_(app), line_(app.run_timeline) {
        duration_ = std::max(line_.duration, 1e-9);
        now_ = time_at(line_, app.cursor);
        plot_top_ = margin + header_height;
        height_ = plot_top_ + svg_row_height * static_cast<double>(std::max<std::size_t>(line_.rows.size(), 1)) + legend_height + margin;
    }

    std::string write() {
        out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(svg_width) + "\" height=\"" + number(height_) +
               "\" viewBox=\"0 0 " + number(svg_width) + " " + number(height_) + "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"13\">\n";
        out_ += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                "<rect width=\"6\" height=\"6\" fill=\"#d55e00\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"2\"/>"
                "</pattern></defs>\n";
        out_ += "<rect width=\"100%\" height=\"100%\" fill=\"#141417\"/>\n";
        title();
        axis();
        for (std::size_t i = 0; i < line_.rows.size(); ++i) row(line_.rows[i], plot_top_ + svg_row_height * static_cast<double>(i));
        cursor();
        legend();
        out_ += "</svg>\n";
        return std::move(out_);
    }

private:
    double x_of(double t) const { return plot_left + plot_width * std::clamp(t / duration_, 0.0, 1.0); }

    void text(double x, double y, const std::string& words, const std::string& attributes = "") {
        out_ += "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" fill=\"#e6e6e6\"" + attributes + ">" + escaped(words) + "</text>\n";
    }

    void title() {
        const std::string chapter = app_.chapters.empty() ? std::string("loopstep") : app_.chapters[app_.chapter_index].title;
        const std::string place = "at " + format_time(now_, time_unit(app_)) + ", step " + std::to_string(step_number(app_)) + " of " +
                                  std::to_string(step_total(app_));
        text(margin, margin + 12, chapter + ": the timeline " + place, " font-weight=\"bold\" class=\"title\"");
    }

    void axis() {
        const double y = plot_top_ - 6;
        out_ += "<line x1=\"" + number(plot_left) + "\" y1=\"" + number(y) + "\" x2=\"" + number(plot_left + plot_width) + "\" y2=\"" +
                number(y) + "\" stroke=\"#a0a0a0\"/>\n";
        const double step = tick_step(duration_);
        for (double t = 0; t <= duration_ + step * 1e-6; t += step) {
            const double x = x_of(t);
            out_ += "<line x1=\"" + number(x) + "\" y1=\"" + number(y - 4) + "\" x2=\"" + number(x) + "\" y2=\"" + number(y) + "\" stroke=\"#a0a0a0\"/>\n";
            const char* anchor = x > plot_left + plot_width - 24 ? "end" : "middle";  // the last label stays inside
            text(x, y - 8, format_time(t, time_unit(app_)), std::string(" text-anchor=\"") + anchor + "\" font-size=\"11\" fill-opacity=\"0.8\"");
        }
    }

    void row(const task_row& task, double top) {
        text(margin, top + svg_row_height * 0.65, task.name, " class=\"task\"");
        const double band_top = top + 5, band_bottom = top + svg_row_height - 5;
        for (const segment& part : task.segments) {
            const std::optional<double> end = end_at(part, app_.cursor, now_);
            if (!end) continue;
            const double x0 = x_of(part.start), x1 = std::max(x_of(*end), x0 + (part.kind == segment_kind::blocking ? 2.0 : 0.0));
            switch (part.kind) {
                case segment_kind::waiting:
                    out_ += "<rect class=\"waiting\" x=\"" + number(x0) + "\" y=\"" + number(band_top) + "\" width=\"" + number(x1 - x0) +
                            "\" height=\"" + number(band_bottom - band_top) + "\" fill=\"#56b4e9\" fill-opacity=\"0.15\" stroke=\"#56b4e9\"/>\n";
                    break;
                case segment_kind::ready:
                    out_ += "<rect class=\"ready\" x=\"" + number(x0) + "\" y=\"" + number((band_top + band_bottom) / 2 - 1.5) + "\" width=\"" +
                            number(std::max(x1 - x0, 1.0)) + "\" height=\"3\" fill=\"#e69f00\"/>\n";
                    break;
                case segment_kind::blocking:
                    out_ += "<rect class=\"blocking\" x=\"" + number(x0) + "\" y=\"" + number(band_top) + "\" width=\"" + number(x1 - x0) +
                            "\" height=\"" + number(band_bottom - band_top) + "\" fill=\"url(#hatch)\"/>\n";
                    break;
                case segment_kind::running:
                    out_ += "<line class=\"step\" x1=\"" + number(x0) + "\" y1=\"" + number(band_top - 2) + "\" x2=\"" + number(x0) + "\" y2=\"" +
                            number(band_bottom + 2) + "\" stroke=\"#00c891\" stroke-width=\"2\"/>\n";
                    break;
            }
        }
        if (task.ended && task.end.event < app_.cursor) {
            out_ += "<circle class=\"done\" cx=\"" + number(x_of(task.end.time)) + "\" cy=\"" + number((band_top + band_bottom) / 2) +
                    "\" r=\"4\" fill=\"#e6e6e6\"/>\n";
        }
    }

    void cursor() {
        const double x = x_of(now_);
        out_ += "<line class=\"cursor\" x1=\"" + number(x) + "\" y1=\"" + number(plot_top_ - 6) + "\" x2=\"" + number(x) + "\" y2=\"" +
                number(height_ - legend_height - margin) + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
    }

    void legend() {
        const double y = height_ - margin - 10;
        double x = plot_left;
        const auto entry = [&](const std::string& mark, const std::string& words) {
            out_ += mark;
            text(x + 26, y + 4, words, " font-size=\"12\"");
            x += 40 + 7.0 * static_cast<double>(words.size());
        };
        entry("<rect x=\"" + number(x) + "\" y=\"" + number(y - 5) + "\" width=\"20\" height=\"10\" fill=\"#56b4e9\" fill-opacity=\"0.15\" stroke=\"#56b4e9\"/>\n", "waiting (await)");
        entry("<rect x=\"" + number(x) + "\" y=\"" + number(y - 1.5) + "\" width=\"20\" height=\"3\" fill=\"#e69f00\"/>\n", "ready (queued)");
        entry("<rect x=\"" + number(x) + "\" y=\"" + number(y - 5) + "\" width=\"20\" height=\"10\" fill=\"url(#hatch)\"/>\n", "blocking (time.sleep)");
        entry("<line x1=\"" + number(x + 10) + "\" y1=\"" + number(y - 6) + "\" x2=\"" + number(x + 10) + "\" y2=\"" + number(y + 6) + "\" stroke=\"#00c891\" stroke-width=\"2\"/>\n", "a step");
        entry("<circle cx=\"" + number(x + 10) + "\" cy=\"" + number(y) + "\" r=\"4\" fill=\"#e6e6e6\"/>\n", "done");
    }

    const app_state& app_;
    const timeline& line_;
    double duration_ = 1;
    double now_ = 0;
    double plot_top_ = 0;
    double height_ = 0;
    std::string out_;
};

}  // namespace

std::string timeline_svg(const app_state& app) { return svg_writer(app).write(); }

}  // namespace loopstep::web
