// Classes beyond what the corpus can show: bounded recursion through __repr__ and __eq__,
// the deterministic default repr, the trace showing instances without running their
// __repr__, and the hook `async for` uses to find __aiter__/__anext__.
#include <catch2/catch.hpp>

#include <string>

#include "classes.hpp"
#include "generators.hpp"
#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"
#include "recorded_program.hpp"

using loopstep::python::run_program;

TEST_CASE("a __repr__ that calls repr(self) ends in RecursionError, not a crash", "[classes]") {
    const auto result = run_program("class Loop:\n    def __repr__(self):\n        return repr(self)\n\nprint('before')\nprint(Loop())\n");
    CHECK(result.output == "before\n");  // the failed print writes nothing
    REQUIRE(result.error);
    CHECK(result.error->type == "RecursionError");
}

TEST_CASE("an __eq__ that compares containers holding its own instances ends in RecursionError", "[classes]") {
    const auto result = run_program(
        "class Node:\n    def __init__(self):\n        self.children = [self]\n    def __eq__(self, other):\n"
        "        return self.children == other.children\n\nprint(Node() == Node())\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "RecursionError");
}

TEST_CASE("the default repr is the same on every run and differs between instances", "[classes]") {
    const char* program = "class P:\n    pass\n\na, b = P(), P()\nprint(a, b, a == b, a is a)\n";
    const auto first = run_program(program);
    const auto second = run_program(program);
    CHECK(first.exit_code == 0);
    CHECK(first.output == second.output);
    CHECK(first.output.rfind("<__main__.P object at 0x7f", 0) == 0);
    const auto space = first.output.find(' ', first.output.find('>'));
    CHECK(first.output.substr(0, space) != first.output.substr(space + 1, space));
    CHECK(first.output.find("False True") != std::string::npos);
}

TEST_CASE("the trace shows an instance local with the default repr, without running __repr__", "[classes][frames]") {
    const auto run = loopstep::testing::record(R"py(import asyncio

class Noisy:
    def __repr__(self):
        print("repr ran")
        return "Noisy()"

async def main():
    thing = Noisy()
    await asyncio.sleep(1)

asyncio.run(main())
)py");
    REQUIRE(run->result.exit_code == 0);
    CHECK(run->result.output.empty());  // the trace never ran the program's __repr__
    bool seen = false;
    for (std::size_t i = 0; i < run->run.events().size(); ++i) {
        for (const auto& task : run->run.at(i + 1).tasks) {
            for (const auto& frame : task.frames) {
                for (const auto& [name, text] : frame.locals) {
                    if (name != "thing") continue;
                    seen = true;
                    CHECK(text.rfind("<__main__.Noisy object at 0x", 0) == 0);
                }
            }
        }
    }
    CHECK(seen);
}

TEST_CASE("classes defined in functions see the function's variables; methods do not see the class body's", "[classes]") {
    const auto result = run_program(
        "def make(step):\n    class Counter:\n        size = step * 2\n        def next(self, n):\n            return n + step\n"
        "        def size_seen(self):\n            return size\n    return Counter\n\nC = make(5)\nprint(C.size, C().next(1), C.__qualname__)\n"
        "size = 'global'\nprint(C().size_seen())\n");
    CHECK(result.output == "10 6 make.<locals>.Counter\nglobal\n");
    CHECK(result.exit_code == 0);
}

TEST_CASE("super() outside a method and multiple inheritance give clear errors", "[classes][errors]") {
    auto result = run_program("def f():\n    return super()\n\nf()\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "RuntimeError");
    CHECK(result.error->message == "super(): no arguments");
    result = run_program("class A:\n    pass\nclass B:\n    pass\nclass C(A, B):\n    pass\n");
    REQUIRE(result.error);
    CHECK(result.error->message == "multiple inheritance is not supported in this lesson");
    CHECK(result.error->line == 5);
    result = run_program("class L(list):\n    pass\n");
    REQUIRE(result.error);
    CHECK(result.error->message == "subclassing 'list' is not supported in this lesson");
}

TEST_CASE("async for's hooks find __aiter__ and __anext__ of a class of the program", "[classes]") {
    using namespace loopstep::python;
    loopstep::event_loop loop;
    interpreter in(loop, {});
    auto native = [](const char* name, native_function f) {
        return value::of(make_object<class_member_object>(class_member_object::role::native_method,
                                                          value::of(make_object<builtin_function_object>(name, std::move(f)))));
    };
    auto make_class = [&](const char* name) {
        auto cls = std::make_shared<type_object>(name, in.types().object, "__main__");
        cls->dict = std::make_shared<globals_table>();
        return cls;
    };
    auto ticks = make_class("Ticks");
    ticks->dict->set("__aiter__", native("__aiter__", [](interpreter&, call_arguments& args) { return args.positional[0]; }));
    ticks->dict->set("__anext__", native("__anext__", [](interpreter&, call_arguments&) { return value::integer(7); }));
    const value instance = value::of(make_object<instance_object>(ticks, 1));
    value iterator = async_iterator_of(in, instance);
    REQUIRE(iterator.is_object());
    CHECK(iterator.as_object() == instance.as_object());
    CHECK(next_item_awaitable(in, iterator).as_int() == 7);

    auto no_next = make_class("NoNext");
    no_next->dict->set("__aiter__", native("__aiter__", [](interpreter&, call_arguments&) { return value::integer(5); }));
    value error = async_iterator_of(in, value::of(make_object<instance_object>(no_next, 2)));
    REQUIRE(error.is_raised());
    CHECK(in.str(value::of(error.as_object())) == "'async for' received an object from __aiter__ that does not implement __anext__: int");

    error = async_iterator_of(in, value::of(make_object<instance_object>(make_class("Plain"), 3)));
    REQUIRE(error.is_raised());
    CHECK(in.str(value::of(error.as_object())) == "'async for' requires an object with __aiter__ method, got Plain");
    error = next_item_awaitable(in, value::integer(3));
    REQUIRE(error.is_raised());
    CHECK(in.str(value::of(error.as_object())) == "'async for' requires an iterator with __anext__ method, got int");
}
