// CPython's Levenshtein-based name suggestions (pairs with suggestions.hpp).
#include "suggestions.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace loopstep::python {

namespace {
constexpr std::size_t move_cost = 2;  // CPython: MOVE_COST
constexpr std::size_t case_cost = 1;  // CPython: CASE_COST (a letter differing only in case)
constexpr std::size_t max_string_size = 40;

std::size_t substitution_cost(char a, char b) {
    if (a == b) return 0;
    if (std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b))) return case_cost;
    return move_cost;
}

// Edit distance with CPython's costs; gives up (returns max + 1) beyond `max_cost`.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t max_cost) {
    if (a == b) return 0;
    if (a.size() > max_string_size || b.size() > max_string_size) return max_cost + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j * move_cost;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t previous_diagonal = row[0];
        row[0] = i * move_cost;
        std::size_t row_minimum = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + move_cost, row[j - 1] + move_cost,
                               previous_diagonal + substitution_cost(a[i - 1], b[j - 1])});
            previous_diagonal = above;
            row_minimum = std::min(row_minimum, row[j]);
        }
        if (row_minimum > max_cost) return max_cost + 1;
    }
    return row[b.size()];
}
}  // namespace

std::string suggest_name(const std::string& name, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (const auto& candidate : candidates) {
        if (candidate == name) continue;
        const std::size_t max_distance = (name.size() + candidate.size() + 3) * move_cost / 6;
        const std::size_t distance = edit_distance(name, candidate, std::min(max_distance, best_distance - 1));
        if (distance > max_distance) continue;
        if (best.empty() || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

}  // namespace loopstep::python
