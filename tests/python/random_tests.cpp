// The random module draws CPython's numbers: MT19937 and its seeding against values CPython
// 3.11 printed (random_expected.inc, generated at build time by tools/random_test_data.py).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "loopstep/python/run_program.hpp"
#include "mersenne_twister.hpp"
#include "random_expected.inc"

using loopstep::python::mersenne_twister;

TEST_CASE("MT19937 seeded as CPython seeds it draws CPython's random() and getrandbits()", "[random]") {
    for (const auto& expected : cpython_draws) {
        mersenne_twister twister;
        twister.seed_by_array(expected.key);
        for (double r : expected.randoms) CHECK(twister.next_double() == r);
        for (std::uint32_t b : expected.bits) CHECK(twister.random_bits_64(32) == b);
        for (std::size_t i = 0; i < 3; ++i) CHECK(twister.below(1000) == expected.below[i]);
        for (std::size_t i = 3; i < 5; ++i) CHECK(twister.below(std::uint64_t(1) << 40) == expected.below[i]);
    }
}

TEST_CASE("a seeded program's shuffle, sample, choice, choices, getrandbits and gauss print what CPython printed", "[random]") {
    const auto result = loopstep::python::run_program(seeded_program);
    CHECK(result.error_output == "");
    CHECK(result.output == seeded_program_output);
}

TEST_CASE("an unseeded run reports its seed and repeats with it", "[random]") {
    const char* program = "import random\nprint(random.random(), random.randint(1, 10**6))\n";
    loopstep::python::program_options options;
    options.random_seed = 12345;
    const auto first = loopstep::python::run_program(program, options);
    const auto second = loopstep::python::run_program(program, options);
    CHECK(first.random_seed == 12345);
    CHECK(first.output == second.output);
    options.random_seed = 54321;
    CHECK(loopstep::python::run_program(program, options).output != first.output);
    // Without one, the seed comes from the program's text: reported, and the same every run.
    const auto unseeded = loopstep::python::run_program(program);
    CHECK(unseeded.random_seed == loopstep::python::run_program(program).random_seed);
}

// Expected outputs: CPython 3.11 running the same program after random.seed(12345).
TEST_CASE("an unseeded run draws what random.seed(its seed) draws in CPython, and says it used that seed", "[random]") {
    loopstep::python::program_options options;
    options.random_seed = 12345;
    const auto drawn = loopstep::python::run_program("import random\nprint(random.random(), random.randint(1, 10**6))\n", options);
    CHECK(drawn.output == "0.41661987254534116 10664\n");
    CHECK(drawn.used_run_seed);
    // Random() without a seed starts from the run's seed too.
    const auto instance = loopstep::python::run_program("import random\nr = random.Random()\nprint(r.choice('abcdef'), r.randint(1, 6))\n", options);
    CHECK(instance.output == "d 6\n");
    CHECK(instance.used_run_seed);
    // random.seed() without an argument reseeds from the run's seed.
    CHECK(loopstep::python::run_program("import random\nrandom.seed(3)\nrandom.seed()\nprint(random.random())\n", options).used_run_seed);
    // The seed picked from the program's text is one a learner can type.
    CHECK(loopstep::python::run_program("import random\nprint(random.random())\n").random_seed < 1'000'000'000);
}

TEST_CASE("a program that seeds random itself, or never draws, did not use the run's seed", "[random]") {
    loopstep::python::program_options options;
    options.random_seed = 12345;
    const auto seeded = loopstep::python::run_program("import random\nrandom.seed(42)\nprint(random.randint(1, 100))\n", options);
    CHECK(seeded.output == "82\n");  // CPython's
    CHECK_FALSE(seeded.used_run_seed);
    const auto own = loopstep::python::run_program("import random\nr = random.Random(7)\nprint(r.randint(1, 6))\n", options);
    CHECK(own.output == "3\n");  // CPython's
    CHECK_FALSE(own.used_run_seed);
    CHECK_FALSE(loopstep::python::run_program("import random\nprint(random.Random)\n", options).used_run_seed);
    CHECK_FALSE(loopstep::python::run_program("print(1)\n", options).used_run_seed);
}

TEST_CASE("a library name CPython has and the lesson lacks says so", "[random]") {
    const auto result = loopstep::python::run_program("import time\ntime.strptime('1', '%S')\n");
    CHECK(result.exit_code == 1);
    CHECK(result.error->type == "NotSupportedError");
    CHECK(result.error->message == "time.strptime is not supported in this lesson");
    const auto imported = loopstep::python::run_program("from random import triangular\n");
    CHECK(imported.error->message == "random.triangular is not supported in this lesson");
    const auto unknown = loopstep::python::run_program("import math\nmath.no_such_thing\n");
    CHECK(unknown.error->type == "AttributeError");
}

TEST_CASE("a str or bytes seed, which CPython hashes with SHA-512, stops as not supported, naming the type", "[random]") {
    for (const char* seed : {"'abc'", "b'abc'"}) {
        const auto result = loopstep::python::run_program(std::string("import random\nrandom.seed(") + seed + ")\n");
        REQUIRE(result.error);
        CHECK(result.error->message == std::string("random.seed() with a ") + (seed[0] == 'b' ? "bytes" : "str") +
                                           " seed is not supported in this lesson: use an int");
    }
}
