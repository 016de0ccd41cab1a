// The itertools module's common iterators, lazy as CPython's (count and cycle never end).
#include <algorithm>
#include <memory>

#include "library_modules.hpp"

namespace loopstep::python {

namespace {

using producer = std::function<std::optional<value>()>;

value iterator_of(producer next, const char* type_name) { return value::of(make_object<iterator_object>(std::move(next), type_name)); }

// The iterator of an argument, held for a producer.
value source_iterator(interpreter& in, const value& iterable, std::shared_ptr<iterator_object>& out) {
    value it = in.make_iterator(iterable);
    if (it.is_raised()) return it;
    out = std::static_pointer_cast<iterator_object>(it.as_object());
    return value();
}

value all_items(interpreter& in, const std::vector<value>& iterables, std::vector<std::vector<value>>& pools) {
    for (const auto& iterable : iterables) {
        pools.emplace_back();
        LIBRARY_RETURN_IF_RAISED(in.to_list(iterable, pools.back()));
    }
    return value();
}

value count(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "count", {{"start"}, {"step"}}, slots));
    auto current = std::make_shared<value>(slots[0].is_unbound() ? value::integer(0) : slots[0]);
    const value step = slots[1].is_unbound() ? value::integer(1) : slots[1];
    if (!current->is_number() || !step.is_number()) return in.raise_type_error("a number is required");
    interpreter* owner = &in;
    return iterator_of([owner, current, step]() -> std::optional<value> {
        value now = *current;
        value next = owner->binary(binary_op::add, now, step);
        if (next.is_raised()) return next;
        *current = next;
        return now;
    }, "itertools.count");
}

value cycle(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "cycle", method_convention::parse_tuple, 1, 1));
    std::shared_ptr<iterator_object> source;
    LIBRARY_RETURN_IF_RAISED(source_iterator(in, args.positional[0], source));
    auto saved = std::make_shared<std::vector<value>>();
    auto position = std::make_shared<std::size_t>(0);
    auto exhausted = std::make_shared<bool>(false);
    return iterator_of([source, saved, position, exhausted]() -> std::optional<value> {
        if (!*exhausted) {
            std::optional<value> item = source->next();
            if (item) {
                if (!item->is_raised()) saved->push_back(*item);
                return item;
            }
            *exhausted = true;
        }
        if (saved->empty()) return std::nullopt;
        value item = (*saved)[*position];
        *position = (*position + 1) % saved->size();
        return item;
    }, "itertools.cycle");
}

value repeat(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "repeat", {{"object", parameter_spec::kind::positional_or_keyword, true}, {"times"}}, slots));
    auto left = std::make_shared<std::int64_t>(-1);
    if (!slots[1].is_unbound()) {
        LIBRARY_RETURN_IF_RAISED(int_argument(in, slots[1], *left));
        *left = std::max<std::int64_t>(*left, 0);
    }
    const value item = slots[0];
    return iterator_of([left, item]() -> std::optional<value> {
        if (*left == 0) return std::nullopt;
        if (*left > 0) --*left;
        return item;
    }, "itertools.repeat");
}

value islice(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "islice", method_convention::parse_tuple, 2, 4));
    std::int64_t start = 0, stop = -1, step = 1;
    auto bound = [&](const value& v, std::int64_t& out, const char* message) -> value {
        if (v.is_none()) return value();
        if (!v.is_int_like() || v.as_int() < 0) return in.raise_value_error(message);
        out = v.as_int();
        return value();
    };
    const char* stop_message = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (args.positional.size() == 2) {
        LIBRARY_RETURN_IF_RAISED(bound(args.positional[1], stop, stop_message));
    } else {
        LIBRARY_RETURN_IF_RAISED(bound(args.positional[1], start, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
        LIBRARY_RETURN_IF_RAISED(bound(args.positional[2], stop, stop_message));
        if (args.positional.size() == 4) {
            LIBRARY_RETURN_IF_RAISED(bound(args.positional[3], step, "Step for islice() must be a positive integer or None."));
            if (step == 0) return in.raise_value_error("Step for islice() must be a positive integer or None.");
        }
    }
    std::shared_ptr<iterator_object> source;
    LIBRARY_RETURN_IF_RAISED(source_iterator(in, args.positional[0], source));
    auto index = std::make_shared<std::int64_t>(0);
    auto next_wanted = std::make_shared<std::int64_t>(start);
    return iterator_of([source, index, next_wanted, stop, step]() -> std::optional<value> {
        for (;;) {
            if (stop >= 0 && *next_wanted >= stop) return std::nullopt;
            std::optional<value> item = source->next();
            if (!item || item->is_raised()) return item;
            const std::int64_t at = (*index)++;
            if (at == *next_wanted) {
                *next_wanted += step;
                return item;
            }
        }
    }, "itertools.islice");
}

value chain_of(interpreter& in, std::vector<value> iterables) {
    auto which = std::make_shared<std::size_t>(0);
    auto current = std::make_shared<std::shared_ptr<iterator_object>>();
    auto sources = std::make_shared<std::vector<value>>(std::move(iterables));
    interpreter* owner = &in;
    return iterator_of([owner, which, current, sources]() -> std::optional<value> {
        for (;;) {
            if (!*current) {
                if (*which >= sources->size()) return std::nullopt;
                value it = owner->make_iterator((*sources)[(*which)++]);
                if (it.is_raised()) return it;
                *current = std::static_pointer_cast<iterator_object>(it.as_object());
            }
            std::optional<value> item = (*current)->next();
            if (item) return item;
            current->reset();
        }
    }, "itertools.chain");
}

value chain(interpreter& in, call_arguments& args) {
    if (!args.keywords.empty()) return in.raise_type_error("chain() takes no keyword arguments");
    return chain_of(in, args.positional);
}

value product(interpreter& in, call_arguments& args) {
    value repeat_value = args.take("repeat", value::integer(1));
    if (!args.keywords.empty()) return in.raise_type_error("product() got an unexpected keyword argument '" + args.keywords[0].first + "'");
    std::int64_t times = 1;
    LIBRARY_RETURN_IF_RAISED(int_argument(in, repeat_value, times));
    if (times < 0) return in.raise_value_error("repeat argument cannot be negative");
    std::vector<std::vector<value>> given;
    LIBRARY_RETURN_IF_RAISED(all_items(in, args.positional, given));
    std::vector<std::vector<value>> pools;
    for (std::int64_t r = 0; r < times; ++r) pools.insert(pools.end(), given.begin(), given.end());
    std::vector<value> rows;
    std::vector<std::size_t> indices(pools.size(), 0);
    const bool empty = std::any_of(pools.begin(), pools.end(), [](const auto& p) { return p.empty(); });
    value error;
    while (!empty) {
        if (!in.tick(error)) return error;
        std::vector<value> row;
        for (std::size_t i = 0; i < pools.size(); ++i) row.push_back(pools[i][indices[i]]);
        rows.push_back(in.make_tuple(std::move(row)));
        if (!in.fits(rows.size(), error)) return error;
        std::size_t i = pools.size();
        while (i > 0 && ++indices[i - 1] == pools[i - 1].size()) indices[--i] = 0;
        if (i == 0) break;
    }
    return in.make_iterator(in.make_list(std::move(rows)));
}

// permutations and combinations in CPython's (lexicographic by position) order.
value arrangements(interpreter& in, call_arguments& args, const char* name, bool ordered, bool with_replacement) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, name, {{"iterable", parameter_spec::kind::positional_or_keyword, true}, {"r", parameter_spec::kind::positional_or_keyword, ordered ? false : true}}, slots));
    std::vector<value> pool;
    LIBRARY_RETURN_IF_RAISED(in.to_list(slots[0], pool));
    const auto n = std::int64_t(pool.size());
    std::int64_t r = n;
    if (!slots[1].is_unbound() && !slots[1].is_none()) LIBRARY_RETURN_IF_RAISED(int_argument(in, slots[1], r));
    if (r < 0) return in.raise_value_error("r must be non-negative");
    std::vector<value> rows;
    std::vector<std::int64_t> chosen;
    std::vector<bool> used(pool.size(), false);
    value error;
    // Depth-first over positions: yields in the order CPython's algorithms do.
    std::function<bool(std::int64_t)> place = [&](std::int64_t start) -> bool {
        if (!in.tick(error)) return false;
        if (std::int64_t(chosen.size()) == r) {
            std::vector<value> row;
            for (auto i : chosen) row.push_back(pool[std::size_t(i)]);
            rows.push_back(in.make_tuple(std::move(row)));
            return in.fits(rows.size(), error);
        }
        for (std::int64_t i = ordered ? 0 : start; i < n; ++i) {
            if (ordered && used[std::size_t(i)]) continue;
            chosen.push_back(i);
            if (ordered) used[std::size_t(i)] = true;
            const bool going = place(with_replacement ? i : i + 1);
            if (ordered) used[std::size_t(i)] = false;
            chosen.pop_back();
            if (!going) return false;
        }
        return true;
    };
    if (with_replacement ? (n > 0 || r == 0) : r <= n) {
        if (!place(0)) return error;
    }
    return in.make_iterator(in.make_list(std::move(rows)));
}

value accumulate(interpreter& in, call_arguments& args) {
    value initial = args.take("initial", value());
    value function = args.take("func", value());
    if (!args.keywords.empty()) return in.raise_type_error("accumulate() got an unexpected keyword argument '" + args.keywords[0].first + "'");
    LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "accumulate", method_convention::parse_tuple, 1, 2));
    if (args.positional.size() == 2) function = args.positional[1];
    std::shared_ptr<iterator_object> source;
    LIBRARY_RETURN_IF_RAISED(source_iterator(in, args.positional[0], source));
    auto total = std::make_shared<std::optional<value>>();
    auto pending_initial = std::make_shared<std::optional<value>>();
    if (!initial.is_none()) *pending_initial = initial;
    interpreter* owner = &in;
    return iterator_of([owner, source, total, pending_initial, function]() -> std::optional<value> {
        if (*pending_initial) {
            *total = **pending_initial;
            pending_initial->reset();
            return **total;
        }
        std::optional<value> item = source->next();
        if (!item || item->is_raised()) return item;
        if (!*total) {
            *total = *item;
            return item;
        }
        value next;
        if (function.is_none()) {
            next = owner->binary(binary_op::add, **total, *item);
        } else {
            call_arguments pair{{**total, *item}, {}};
            next = owner->call(function, pair);
        }
        if (next.is_raised()) return next;
        *total = next;
        return next;
    }, "itertools.accumulate");
}

value groupby(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "groupby", {{"iterable", parameter_spec::kind::positional_or_keyword, true}, {"key"}}, slots));
    std::vector<value> items;
    LIBRARY_RETURN_IF_RAISED(in.to_list(slots[0], items));
    const value key = slots[1].is_unbound() ? value() : slots[1];
    std::vector<value> groups;
    std::optional<value> current_key;
    std::vector<value> members;
    auto flush = [&] {
        if (current_key) groups.push_back(in.make_tuple({*current_key, in.make_iterator(in.make_list(std::move(members)))}));
        members.clear();
    };
    for (const auto& item : items) {
        value k = item;
        if (!key.is_none()) {
            call_arguments one{{item}, {}};
            k = in.call(key, one);
            if (k.is_raised()) return k;
        }
        if (!current_key || !values_equal(*current_key, k)) {
            flush();
            current_key = k;
        }
        members.push_back(item);
    }
    flush();
    return in.make_iterator(in.make_list(std::move(groups)));
}

value zip_longest(interpreter& in, call_arguments& args) {
    value fill = args.take("fillvalue", value());
    if (!args.keywords.empty()) return in.raise_type_error("zip_longest() got an unexpected keyword argument '" + args.keywords[0].first + "'");
    auto sources = std::make_shared<std::vector<std::shared_ptr<iterator_object>>>();
    for (const auto& iterable : args.positional) {
        std::shared_ptr<iterator_object> it;
        LIBRARY_RETURN_IF_RAISED(source_iterator(in, iterable, it));
        sources->push_back(it);
    }
    auto active = std::make_shared<std::vector<bool>>(sources->size(), true);
    return iterator_of([sources, active, fill]() -> std::optional<value> {
        if (sources->empty()) return std::nullopt;
        std::vector<value> row;
        bool any = false;
        for (std::size_t i = 0; i < sources->size(); ++i) {
            std::optional<value> item = (*active)[i] ? (*sources)[i]->next() : std::nullopt;
            if (item && item->is_raised()) return item;
            if (!item) (*active)[i] = false;
            any = any || item.has_value();
            row.push_back(item ? *item : fill);
        }
        if (!any) return std::nullopt;
        return value::of(make_object<tuple_object>(std::move(row)));
    }, "itertools.zip_longest");
}

// takewhile / dropwhile / filterfalse / starmap / compress / pairwise.
value predicate_iterator(interpreter& in, call_arguments& args, const std::string& name) {
    LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, name.c_str(), method_convention::parse_tuple, name == "pairwise" ? 1 : 2, name == "pairwise" ? 1 : 2));
    const value function = args.positional[0];
    std::shared_ptr<iterator_object> source;
    LIBRARY_RETURN_IF_RAISED(source_iterator(in, args.positional[name == "pairwise" || name == "compress" ? 0 : 1], source));
    interpreter* owner = &in;
    auto state = std::make_shared<std::optional<value>>();  // dropwhile: done dropping; pairwise: previous
    auto finished = std::make_shared<bool>(false);
    std::shared_ptr<iterator_object> selectors;
    if (name == "compress") LIBRARY_RETURN_IF_RAISED(source_iterator(in, args.positional[1], selectors));
    auto test = [owner, function](const value& item, value& error) {
        call_arguments one{{item}, {}};
        value verdict = owner->call(function, one);
        if (verdict.is_raised()) {
            error = verdict;
            return false;
        }
        return owner->truthy(verdict);
    };
    return iterator_of([=]() -> std::optional<value> {
        if (*finished) return std::nullopt;
        for (;;) {
            std::optional<value> item = source->next();
            if (!item || item->is_raised()) return item;
            value error;
            if (name == "takewhile") {
                if (test(*item, error)) return item;
                if (error.is_raised()) return error;
                *finished = true;
                return std::nullopt;
            }
            if (name == "dropwhile") {
                if (*state) return item;
                if (test(*item, error)) continue;
                if (error.is_raised()) return error;
                *state = value();
                return item;
            }
            if (name == "filterfalse") {
                const bool keep = !(function.is_none() ? owner->truthy(*item) : test(*item, error));
                if (error.is_raised()) return error;
                if (keep) return item;
                continue;
            }
            if (name == "starmap") {
                call_arguments spread;
                value failed = owner->to_list(*item, spread.positional);
                if (failed.is_raised()) return failed;
                return owner->call(function, spread);
            }
            if (name == "compress") {
                std::optional<value> selector = selectors->next();
                if (!selector || selector->is_raised()) return selector;
                if (owner->truthy(*selector)) return item;
                continue;
            }
            // pairwise
            if (!*state) {
                *state = *item;
                continue;
            }
            value pair = value::of(make_object<tuple_object>(std::vector<value>{**state, *item}));
            *state = *item;
            return pair;
        }
    }, ("itertools." + name).c_str());
}

}  // namespace

value make_itertools_module(interpreter& in) {
    auto module = make_object<module_object>("itertools");
    define_function(*module, "count", count);
    define_function(*module, "cycle", cycle);
    define_function(*module, "repeat", repeat);
    define_function(*module, "islice", islice);
    define_function(*module, "chain", chain);
    define_function(*module, "product", product);
    define_function(*module, "permutations", [](interpreter& in, call_arguments& args) { return arrangements(in, args, "permutations", true, false); });
    define_function(*module, "combinations", [](interpreter& in, call_arguments& args) { return arrangements(in, args, "combinations", false, false); });
    define_function(*module, "combinations_with_replacement",
                    [](interpreter& in, call_arguments& args) { return arrangements(in, args, "combinations_with_replacement", false, true); });
    define_function(*module, "accumulate", accumulate);
    define_function(*module, "groupby", groupby);
    define_function(*module, "zip_longest", zip_longest);
    for (const char* name : {"takewhile", "dropwhile", "filterfalse", "starmap", "compress", "pairwise"}) {
        std::string n = name;
        define_function(*module, name, [n](interpreter& in, call_arguments& args) { return predicate_iterator(in, args, n); });
    }
    (void)in;
    return value::of(module);
}

}  // namespace loopstep::python
