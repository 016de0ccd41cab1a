// Lessons brought at run time (web/model/lesson_loading.hpp): packs split at their titles, every
// problem at the line the author wrote it on, and the chapters on screen kept until none is left.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "model/app_state.hpp"
#include "model/lesson_loading.hpp"

using namespace loopstep::web;

namespace {

const std::string first_chapter = R"(# Waiting together

Two tasks wait at once.

@param wait 3 1 9 Wait (s)

```python scenario
import asyncio

async def main():
    await asyncio.gather(asyncio.sleep({{wait}}), asyncio.sleep({{wait}}))
    print("done")

asyncio.run(main())
```
)";

// Its program's fifth line raises a NameError: line 8 of this text.
const std::string failing_chapter = R"(# A mistake

```python scenario
import asyncio

async def main():
    await asyncio.sleep(1)
    print(undefined_name)

asyncio.run(main())
```
)";

}  // namespace

TEST_CASE("a pack holds several chapters, each from its title; a # comment in code starts none", "[lesson][loading]") {
    const std::string pack = first_chapter + "\n" + R"(# Second chapter

```python scenario
# a comment, not a title
print("second")
```
)";
    const std::vector<lesson_file> files{{"pack.md", pack}};
    const lesson_set set = read_lessons(files);
    REQUIRE(set.problems.empty());
    REQUIRE(set.chapters.size() == 2);
    CHECK(set.chapters[0].title == "Waiting together");
    CHECK(set.chapters[1].title == "Second chapter");
    CHECK(set.chapters[1].scenario == "# a comment, not a title\nprint(\"second\")\n");
    CHECK(set.chapters[0].file == "pack.md");
}

TEST_CASE("a problem names the file and its line in the pack, and what to fix", "[lesson][loading]") {
    const std::string pack = first_chapter + "\n" + R"(# Second chapter

@question
Which one?
- [ ] this
- [ ] that
> Neither is marked right.
)";
    const int question_line = static_cast<int>(std::count(first_chapter.begin(), first_chapter.end(), '\n')) + 4;
    const std::vector<lesson_file> files{{"pack.md", pack}};
    const lesson_set set = read_lessons(files);
    REQUIRE(set.problems.size() == 1);
    CHECK(set.problems[0].file == "pack.md");
    CHECK(set.problems[0].line == question_line);
    CHECK(set.problems[0].message == "a question needs one right answer marked - [x]");
}

TEST_CASE("a scenario that raises is reported at the file's line of the failing program line", "[lesson][loading]") {
    const std::vector<lesson_file> files{{"mine.md", failing_chapter}};
    const lesson_set set = read_lessons(files);
    REQUIRE(set.problems.size() == 1);
    CHECK(set.problems[0].file == "mine.md");
    CHECK(set.problems[0].line == 8);
    CHECK(set.problems[0].message.find("the scenario raises NameError: name 'undefined_name' is not defined") == 0);
}

TEST_CASE("every file's problems are collected, not only the first file's", "[lesson][loading]") {
    const std::vector<lesson_file> files{{"a.md", "no title here\n"}, {"b.md", failing_chapter}};
    const lesson_set set = read_lessons(files);
    REQUIRE(set.problems.size() == 2);
    CHECK(set.problems[0].file == "a.md");
    CHECK(set.problems[0].line == 1);
    CHECK(set.problems[1].file == "b.md");
}

TEST_CASE("lessons with a problem leave the chapters on screen; good ones replace them", "[lesson][loading]") {
    app_state app;
    const std::vector<lesson_file> built_in{{"01.md", first_chapter}};
    init_app(app, read_lessons(built_in).chapters);
    const std::vector<lesson_file> broken{{"mine.md", failing_chapter}};
    CHECK_FALSE(open_lessons(app, broken));
    REQUIRE(app.chapters.size() == 1);
    CHECK(app.chapters[0].title == "Waiting together");
    CHECK(app.lesson_problems.size() == 1);
    CHECK(app.lesson_files.empty());

    const std::vector<lesson_file> good{{"mine.md", "# Mine\n\n```python scenario\nprint('mine')\n```\n"}};
    CHECK(open_lessons(app, good));
    REQUIRE(app.chapters.size() == 1);
    CHECK(app.chapters[0].title == "Mine");
    CHECK(app.lesson_problems.empty());
    CHECK(app.lesson_files == std::vector<std::string>{"mine.md"});
    CHECK(app.view.output == "");  // the chapter opened at its start
    CHECK(app.result.output == "mine\n");
}
