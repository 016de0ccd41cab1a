// Catch2's main() for every loopstep test binary.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
