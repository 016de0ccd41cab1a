// Recursive-descent parser of the Python subset with CPython 3.11's error messages; pairs with parser.hpp.
#include "parser.hpp"
#include "unsupported_names.hpp"

#include <cstring>
#include <utility>

#include "lexer.hpp"
#include "resolver.hpp"

namespace loopstep::python {
namespace {

constexpr int max_nesting = 300;      // nested expressions; the lexer already stops at 200 brackets
constexpr int max_chain = 2000;       // operators in one left-associative chain (tree depth)

struct parse_failure {
    syntax_error error;
    int furthest_line = 0;  // the line of the furthest token the parser looked at
    bool at_end_of_file = false;
};

bool is_augmented_op(std::string_view s) {
    for (const char* op : {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="})
        if (s == op) return true;
    return false;
}

binary_op augmented_to_binary(std::string_view s) {
    std::string_view base = s.substr(0, s.size() - 1);
    if (base == "+") return binary_op::add;
    if (base == "-") return binary_op::subtract;
    if (base == "*") return binary_op::multiply;
    if (base == "/") return binary_op::true_divide;
    if (base == "//") return binary_op::floor_divide;
    if (base == "%") return binary_op::modulo;
    if (base == "**") return binary_op::power;
    if (base == "<<") return binary_op::left_shift;
    if (base == ">>") return binary_op::right_shift;
    if (base == "&") return binary_op::bit_and;
    if (base == "|") return binary_op::bit_or;
    return binary_op::bit_xor;
}

// CPython's _PyPegen_get_expr_name: how an expression is named in "cannot assign to ..." messages.
const char* expression_name(const expr& e) {
    switch (e.kind) {
        case expr_kind::int_literal: case expr_kind::float_literal: case expr_kind::str_literal: return "literal";
        case expr_kind::bool_literal: return static_cast<const bool_literal&>(e).value ? "True" : "False";
        case expr_kind::none_literal: return "None";
        case expr_kind::name: return "name";
        case expr_kind::fstring: return "f-string expression";
        case expr_kind::list: return "list";
        case expr_kind::tuple: return "tuple";
        case expr_kind::set: return "set display";
        case expr_kind::dict: return "dict literal";
        case expr_kind::list_comp: return "list comprehension";
        case expr_kind::set_comp: return "set comprehension";
        case expr_kind::dict_comp: return "dict comprehension";
        case expr_kind::generator: return "generator expression";
        case expr_kind::unary: case expr_kind::binary: case expr_kind::bool_op: return "expression";
        case expr_kind::compare: return "comparison";
        case expr_kind::call: return "function call";
        case expr_kind::attribute: return "attribute";
        case expr_kind::subscript: return "subscript";
        case expr_kind::slice: return "slice";
        case expr_kind::conditional: return "conditional expression";
        case expr_kind::await: return "await expression";
        case expr_kind::lambda: return "lambda";
        case expr_kind::starred: return "starred";
        case expr_kind::yield: return "yield expression";
    }
    return "expression";
}

class parser {
public:
    parser(const std::vector<token>& tokens, int depth, bool in_fstring)
        : tokens_(tokens), depth_(depth), in_fstring_(in_fstring) {}

    block parse_file() {
        block body;
        while (peek().kind != token_kind::end_of_file) {
            if (peek().kind == token_kind::indent) fail_indent();
            parse_statement(body);
        }
        return body;
    }

    // An f-string replacement field: star_expressions up to the end of the text.
    expr_ptr parse_fstring_expression() {
        expr_ptr e = parse_star_expressions();
        if (peek().kind != token_kind::end_of_file) invalid_syntax();
        return e;
    }

private:
    const std::vector<token>& tokens_;
    std::size_t pos_ = 0;
    mutable std::size_t furthest_ = 0;  // CPython judges unclosed brackets by the furthest token read
    int depth_ = 0;
    bool in_fstring_ = false;
    std::vector<function_def*> functions_;  // the definitions being parsed, innermost last (a yield marks it)

    // ---- token access ------------------------------------------------------------

    const token& peek(std::size_t ahead = 0) const {
        std::size_t i = pos_ + ahead;
        if (i >= tokens_.size()) i = tokens_.size() - 1;
        if (i > furthest_) furthest_ = i;
        return tokens_[i];
    }
    const token& advance() {
        const token& t = peek();
        if (pos_ + 1 < tokens_.size()) ++pos_;
        return t;
    }
    source_location previous_end() const { return pos_ > 0 ? tokens_[pos_ - 1].end : peek().where; }

    bool at_op(std::string_view s, std::size_t ahead = 0) const { return peek(ahead).kind == token_kind::op && peek(ahead).text == s; }
    bool at_keyword(std::string_view s, std::size_t ahead = 0) const { return peek(ahead).kind == token_kind::name && peek(ahead).text == s; }
    bool at_comprehension() const { return at_keyword("for") || (at_keyword("async") && at_keyword("for", 1)); }
    bool at_plain_name(std::size_t ahead = 0) const { return peek(ahead).kind == token_kind::name && !is_keyword(peek(ahead).text); }

    // ---- errors --------------------------------------------------------------------

    [[noreturn]] void fail(std::string message, source_location where, source_location end, std::string type = "SyntaxError") {
        if (in_fstring_ && type == "SyntaxError" && message.rfind("f-string", 0) != 0) message = "f-string: " + message;
        if (end.line == 0) end = {where.line, where.column + 1};
        const token& furthest = tokens_[furthest_];
        throw parse_failure{syntax_error{std::move(type), std::move(message), where, end}, furthest.where.line,
                            furthest.kind == token_kind::end_of_file};
    }
    [[noreturn]] void fail_at(const token& t, std::string message, std::string type = "SyntaxError") {
        fail(std::move(message), t.where, t.end, std::move(type));
    }
    [[noreturn]] void invalid_syntax() { fail_at(peek(), "invalid syntax"); }
    [[noreturn]] void fail_indent() { fail("unexpected indent", peek().where, peek().where, "IndentationError"); }
    [[noreturn]] void not_supported(const token& t, std::string message) {
        fail(std::move(message), t.where, t.end, "NotSupportedError");
    }
    [[noreturn]] void not_supported(const expr& e, std::string message) {
        fail(std::move(message), e.where, e.end, "NotSupportedError");
    }

    void expect_op(std::string_view s) {
        if (!at_op(s)) invalid_syntax();
        advance();
    }

    // Guards recursion: deeply nested input gets an error instead of a stack overflow.
    struct depth_guard {
        parser& p;
        explicit depth_guard(parser& owner) : p(owner) {
            if (++p.depth_ > max_nesting) p.fail_at(p.peek(), "too many nested parentheses");
        }
        ~depth_guard() { --p.depth_; }
        depth_guard(const depth_guard&) = delete;
        depth_guard& operator=(const depth_guard&) = delete;
    };

    template <class T, class... Args>
    std::unique_ptr<T> node(source_location where, Args... args) {
        auto n = std::make_unique<T>(args...);
        n->where = where;
        return n;
    }
    template <class T>
    T* finish(T* n) {
        n->end = previous_end();
        return n;
    }

    // ---- statements ------------------------------------------------------------------

    void parse_statement(block& out) {
        const token& t = peek();
        if (t.kind == token_kind::name) {
            const std::string& w = t.text;
            if (w == "if") return out.push_back(parse_if());
            if (w == "while") return out.push_back(parse_while());
            if (w == "for") return out.push_back(parse_for());
            if (w == "try") return out.push_back(parse_try());
            if (w == "def") return out.push_back(parse_def(false, t));
            if (w == "async") return out.push_back(parse_async());
            if (w == "class") return out.push_back(parse_class({}));
            if (w == "with") return out.push_back(parse_with(t, false));
            if (w == "match" && looks_like_match()) not_supported(t, "'match' statements are not supported in this lesson");
        } else if (t.kind == token_kind::op && t.text == "@") {
            return out.push_back(parse_decorated());
        }
        parse_simple_statements(out);
    }

    // `match` is a soft keyword: a statement `match <subject>:` followed by an indented block.
    bool looks_like_match() const {
        const token& next = peek(1);
        if (next.kind == token_kind::newline || next.kind == token_kind::end_of_file) return false;
        if (next.kind == token_kind::op && next.text != "(" && next.text != "[" && next.text != "{" && next.text != "-")
            return false;
        for (std::size_t k = 1; peek(k).kind != token_kind::end_of_file; ++k) {
            if (peek(k).kind == token_kind::newline) return at_op(":", k - 1);
        }
        return false;
    }

    void parse_simple_statements(block& out) {
        for (;;) {
            out.push_back(parse_simple_statement());
            if (!at_op(";")) break;
            advance();
            if (peek().kind == token_kind::newline) break;
        }
        if (peek().kind != token_kind::newline) {
            if (peek().kind == token_kind::indent) fail_indent();
            invalid_syntax();
        }
        advance();
    }

    stmt_ptr parse_simple_statement() {
        const token& t = peek();
        if (t.kind == token_kind::name) {
            const std::string& w = t.text;
            if (w == "pass") return simple_keyword<pass_stmt>();
            if (w == "break") return simple_keyword<break_stmt>();
            if (w == "continue") return simple_keyword<continue_stmt>();
            if (w == "return") return parse_return();
            if (w == "raise") return parse_raise();
            if (w == "assert") return parse_assert();
            if (w == "global" || w == "nonlocal") return parse_declaration();
            if (w == "import") return parse_import();
            if (w == "from") return parse_from_import();
            if (w == "del") not_supported(t, "'del' is not supported in this lesson");
        }
        return parse_expression_statement();
    }

    template <class T>
    stmt_ptr simple_keyword() {
        auto s = node<T>(advance().where);
        finish(s.get());
        return s;
    }

    stmt_ptr parse_return() {
        auto s = node<return_stmt>(advance().where);
        if (starts_expression(peek())) s->value = parse_star_expressions();
        finish(s.get());
        return s;
    }

    stmt_ptr parse_raise() {
        auto s = node<raise_stmt>(advance().where);
        if (starts_expression(peek())) {
            s->exception = parse_expression();
            if (at_keyword("from")) {
                advance();
                s->cause = parse_expression();
            }
        }
        finish(s.get());
        return s;
    }

    stmt_ptr parse_assert() {
        auto s = node<assert_stmt>(advance().where);
        s->test = parse_expression();
        if (at_op(",")) {
            advance();
            s->message = parse_expression();
        }
        finish(s.get());
        return s;
    }

    stmt_ptr parse_declaration() {
        bool global = peek().text == "global";
        source_location where = advance().where;
        std::vector<std::string> names;
        for (;;) {
            if (!at_plain_name()) invalid_syntax();
            names.push_back(advance().text);
            if (!at_op(",")) break;
            advance();
        }
        if (global) {
            auto s = node<global_stmt>(where);
            s->names = std::move(names);
            finish(s.get());
            return s;
        }
        auto s = node<nonlocal_stmt>(where);
        s->names = std::move(names);
        finish(s.get());
        return s;
    }

    // A dotted module name; only the lesson's modules exist (unsupported_names.cpp).
    std::string parse_module_name(source_location& where, source_location& end) {
        if (at_op(".") || at_op("...")) not_supported(peek(), "relative imports are not supported in this lesson");
        if (!at_plain_name()) invalid_syntax();
        where = peek().where;
        std::string name = advance().text;
        while (at_op(".")) {
            advance();
            if (!at_plain_name()) invalid_syntax();
            name += "." + advance().text;
        }
        end = previous_end();
        if (!is_lesson_module(name)) fail(unsupported_import_message(name), where, end, "NotSupportedError");
        return name;
    }

    std::string parse_alias_name() {
        if (!at_keyword("as")) return {};
        advance();
        if (!at_plain_name()) invalid_syntax();
        return advance().text;
    }

    stmt_ptr parse_import() {
        auto s = node<import_stmt>(advance().where);
        for (;;) {
            source_location where, end;
            import_alias alias;
            alias.name = parse_module_name(where, end);
            alias.alias = parse_alias_name();
            s->names.push_back(std::move(alias));
            if (!at_op(",")) break;
            advance();
        }
        finish(s.get());
        return s;
    }

    stmt_ptr parse_from_import() {
        auto s = node<import_from_stmt>(advance().where);
        source_location where, end;
        s->module = parse_module_name(where, end);
        if (!at_keyword("import")) invalid_syntax();
        advance();
        if (at_op("*")) not_supported(peek(), "'from ... import *' is not supported in this lesson");
        bool parenthesised = at_op("(");
        if (parenthesised) advance();
        for (;;) {
            if (!at_plain_name()) invalid_syntax();
            import_alias alias;
            alias.name = advance().text;
            alias.alias = parse_alias_name();
            s->names.push_back(std::move(alias));
            if (!at_op(",")) break;
            advance();
            if (parenthesised && at_op(")")) break;
        }
        if (parenthesised) expect_op(")");
        finish(s.get());
        return s;
    }

    stmt_ptr parse_expression_statement() {
        source_location where = peek().where;
        expr_ptr first = parse_star_expressions();
        if (at_op("=")) return parse_assignment(where, std::move(first));
        if (peek().kind == token_kind::op && is_augmented_op(peek().text)) return parse_augmented(where, std::move(first));
        if (at_op(":")) return parse_annotated(where, std::move(first));
        auto s = node<expression_stmt>(where);
        s->value = std::move(first);
        finish(s.get());
        return s;
    }

    expr_ptr parse_assigned_value() {
        if (at_keyword("yield")) return parse_yield();
        return parse_star_expressions();
    }

    stmt_ptr parse_assignment(source_location where, expr_ptr first) {
        auto s = node<assign_stmt>(where);
        s->targets.push_back(std::move(first));
        for (;;) {
            advance();  // '='
            expr_ptr value = parse_assigned_value();
            if (!at_op("=")) {
                s->value = std::move(value);
                break;
            }
            s->targets.push_back(std::move(value));
        }
        bool single = s->targets.size() == 1;
        for (auto& target : s->targets) check_target(*target, single);
        finish(s.get());
        return s;
    }

    stmt_ptr parse_augmented(source_location where, expr_ptr target) {
        auto kind = target->kind;
        if (kind != expr_kind::name && kind != expr_kind::attribute && kind != expr_kind::subscript) {
            fail(std::string("'") + expression_name(*target) + "' is an illegal expression for augmented assignment",
                 target->where, target->end);
        }
        if (at_op("@=")) not_supported(peek(), "the '@' operator is not supported in this lesson");
        auto s = node<aug_assign_stmt>(where);
        s->op = augmented_to_binary(advance().text);
        s->target = std::move(target);
        s->value = parse_assigned_value();
        finish(s.get());
        return s;
    }

    // `x: int = 5` assigns; the annotation matters only in class bodies (annotation_stmt).
    stmt_ptr parse_annotated(source_location where, expr_ptr target) {
        advance();  // ':'
        if (target->kind != expr_kind::name && target->kind != expr_kind::attribute && target->kind != expr_kind::subscript) {
            if (target->kind == expr_kind::tuple) fail("only single target (not tuple) can be annotated", target->where, target->end);
            fail(std::string("illegal target for annotation"), target->where, target->end);
        }
        auto s = node<annotation_stmt>(where);
        s->target = std::move(target);
        s->annotation = parse_expression();
        if (at_op("=")) {
            advance();
            s->value = parse_assigned_value();
        }
        finish(s.get());
        return s;
    }

    // CPython's invalid_assignment rules: what may stand left of '='.
    void check_target(const expr& e, bool single_target) {
        switch (e.kind) {
            case expr_kind::name: case expr_kind::attribute: case expr_kind::subscript: return;
            case expr_kind::tuple: case expr_kind::list: {
                int starred = 0;
                for (const auto& element : static_cast<const sequence_expr&>(e).elements) {
                    if (element->kind == expr_kind::starred) ++starred;
                    check_target(*element, false);
                }
                if (starred > 1) fail("multiple starred expressions in assignment", e.where, e.end);
                return;
            }
            case expr_kind::starred: {
                const auto& inner = *static_cast<const starred_expr&>(e).value;
                if (single_target) fail("starred assignment target must be in a list or tuple", e.where, e.end);
                if (inner.kind == expr_kind::starred) fail("cannot use starred expression here", e.where, e.end);
                return check_target(inner, false);
            }
            case expr_kind::bool_literal: case expr_kind::none_literal:
                fail(std::string("cannot assign to ") + expression_name(e), e.where, e.end);
            default:
                break;
        }
        std::string message = std::string("cannot assign to ") + expression_name(e);
        if (single_target) message += " here. Maybe you meant '==' instead of '='?";
        fail(message, e.where, e.end);
    }

    // ---- compound statements ------------------------------------------------------------

    // ':' then an indented block (or simple statements on the same line).
    block parse_block(const std::string& what, int header_line) {
        if (!at_op(":")) fail("expected ':'", peek().where, peek().where);
        advance();
        block body;
        if (peek().kind != token_kind::newline) {
            parse_simple_statements(body);
            return body;
        }
        advance();
        if (peek().kind != token_kind::indent) {
            fail("expected an indented block after " + what + " on line " + std::to_string(header_line), peek().where,
                 peek().end, "IndentationError");
        }
        advance();
        while (peek().kind != token_kind::dedent && peek().kind != token_kind::end_of_file) {
            if (peek().kind == token_kind::indent) fail_indent();
            parse_statement(body);
        }
        if (peek().kind == token_kind::dedent) advance();
        return body;
    }

    static std::string statement_word(const char* keyword) { return std::string("'") + keyword + "' statement"; }

    // The condition of if/elif/while: `if x = 1:` gets CPython's hint.
    expr_ptr parse_condition() {
        expr_ptr test = parse_expression();
        if (at_op("=")) {
            advance();
            expr_ptr value = parse_expression();
            if (test->kind == expr_kind::name) {
                fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", test->where, value->end);
            }
            fail(std::string("cannot assign to ") + expression_name(*test) + " here. Maybe you meant '==' instead of '='?",
                 test->where, test->end);
        }
        return test;
    }

    stmt_ptr parse_if() {
        // elif chains are built iteratively: a long chain must not recurse.
        std::vector<std::unique_ptr<if_stmt>> chain;
        const char* word = "if";
        for (;;) {
            const token& keyword = advance();
            auto s = node<if_stmt>(keyword.where);
            s->test = parse_condition();
            s->end = peek().end;
            s->body = parse_block(statement_word(word), keyword.where.line);
            chain.push_back(std::move(s));
            if (!at_keyword("elif")) break;
            word = "elif";
        }
        if (at_keyword("else")) {
            const token& keyword = advance();
            chain.back()->orelse = parse_block(statement_word("else"), keyword.where.line);
        }
        while (chain.size() > 1) {
            stmt_ptr last = std::move(chain.back());
            chain.pop_back();
            chain.back()->orelse.push_back(std::move(last));
        }
        return std::move(chain.front());
    }

    block parse_else_clause() {
        if (!at_keyword("else")) return {};
        const token& keyword = advance();
        return parse_block(statement_word("else"), keyword.where.line);
    }

    stmt_ptr parse_while() {
        const token& keyword = advance();
        auto s = node<while_stmt>(keyword.where);
        s->test = parse_condition();
        s->end = peek().end;
        s->body = parse_block(statement_word("while"), keyword.where.line);
        s->orelse = parse_else_clause();
        return s;
    }

    stmt_ptr parse_for(const token* async_keyword = nullptr) {
        const token& keyword = advance();
        auto s = node<for_stmt>(async_keyword ? async_keyword->where : keyword.where);
        s->is_async = async_keyword != nullptr;
        s->target = parse_target_list();
        check_target(*s->target, false);
        if (!at_keyword("in")) invalid_syntax();
        advance();
        s->iterable = parse_star_expressions();
        s->end = peek().end;
        s->body = parse_block(statement_word("for"), keyword.where.line);
        s->orelse = parse_else_clause();
        return s;
    }

    stmt_ptr parse_try() {
        const token& keyword = advance();
        auto s = node<try_stmt>(keyword.where);
        s->end = peek().end;
        s->body = parse_block(statement_word("try"), keyword.where.line);
        while (at_keyword("except")) {
            const token& except = advance();
            bool star = at_op("*");
            if (star) advance();
            if (!s->handlers.empty() && star != s->is_star) {
                fail("cannot have both 'except' and 'except*' on the same 'try'", except.where, except.end);
            }
            s->is_star = star;
            except_handler handler;
            handler.where = except.where;
            if (!at_op(":")) {
                handler.type = parse_expression();
                if (at_op(",")) fail("multiple exception types must be parenthesized", handler.type->where, handler.type->end);
                if (at_keyword("as")) {
                    advance();
                    if (!at_plain_name()) invalid_syntax();
                    handler.name = advance().text;
                }
            } else if (star) {
                fail("expected one or more exception types", peek().where, peek().end);
            }
            handler.body = parse_block(statement_word(star ? "except*" : "except"), except.where.line);
            s->handlers.push_back(std::move(handler));
        }
        if (!s->handlers.empty()) s->orelse = parse_else_clause();
        if (at_keyword("finally")) {
            const token& finally = advance();
            s->finalbody = parse_block(statement_word("finally"), finally.where.line);
        } else if (s->handlers.empty()) {
            fail("expected 'except' or 'finally' block", peek().where, peek().end);
        }
        return s;
    }

    stmt_ptr parse_async() {
        const token& keyword = advance();
        if (at_keyword("def")) return parse_def(true, keyword);
        if (at_keyword("with")) return parse_with(keyword, true);
        if (at_keyword("for")) return parse_for(&keyword);
        invalid_syntax();
    }

    // `with` / `async with` (`keyword` is the first word).
    stmt_ptr parse_with(const token& keyword, bool is_async) {
        advance();  // with
        auto s = node<with_stmt>(keyword.where);
        s->is_async = is_async;
        for (;;) {
            with_item item;
            item.context = parse_expression();
            if (at_keyword("as")) {
                advance();
                item.target = parse_target_element();
                check_target(*item.target, false);
            }
            s->items.push_back(std::move(item));
            if (!at_op(",")) break;
            advance();
        }
        s->end = peek().end;
        s->body = parse_block(statement_word("with"), keyword.where.line);
        return s;
    }

    // @decorator lines, then the def, async def or class they decorate.
    stmt_ptr parse_decorated() {
        std::vector<expr_ptr> decorators;
        while (at_op("@")) {
            advance();
            decorators.push_back(parse_expression());
            if (peek().kind != token_kind::newline) invalid_syntax();
            advance();
        }
        const token& t = peek();
        if (t.kind == token_kind::name && t.text == "class") return parse_class(std::move(decorators));
        stmt_ptr s;
        if (t.kind == token_kind::name && t.text == "def") {
            s = parse_def(false, t);
        } else if (t.kind == token_kind::name && t.text == "async" && at_keyword("def", 1)) {
            const token& keyword = advance();
            s = parse_def(true, keyword);
        } else {
            invalid_syntax();
        }
        static_cast<function_def_stmt&>(*s).decorators = std::move(decorators);
        return s;
    }

    // class Name(Base, ...): body
    stmt_ptr parse_class(std::vector<expr_ptr> decorators) {
        const token& keyword = advance();
        auto s = node<class_def_stmt>(keyword.where);
        s->decorators = std::move(decorators);
        if (!at_plain_name()) invalid_syntax();
        s->name = advance().text;
        if (at_op("(")) {
            advance();
            while (!at_op(")")) {
                if (at_plain_name() && at_op("=", 1)) not_supported(peek(), "class keywords (metaclass=...) are not supported in this lesson");
                if (at_op("*") || at_op("**")) not_supported(peek(), "unpacking in a class's bases is not supported in this lesson");
                s->bases.push_back(parse_expression());
                if (!at_op(",")) break;
                advance();
            }
            expect_op(")");
        }
        s->end = peek().end;
        auto body = std::make_shared<function_def>();
        body->name = s->name;
        body->is_class_body = true;
        body->where = keyword.where;
        body->body = parse_block("class definition", keyword.where.line);
        s->body = std::move(body);
        return s;
    }

    stmt_ptr parse_def(bool is_async, const token& first) {
        advance();  // def
        auto s = node<function_def_stmt>(first.where);
        auto function = std::make_shared<function_def>();
        function->is_async = is_async;
        function->where = first.where;
        if (!at_plain_name()) invalid_syntax();
        function->name = advance().text;
        expect_op("(");
        function->parameters = parse_parameters(")", true);
        expect_op(")");
        if (at_op("->")) {
            advance();
            parse_expression();  // return annotations are accepted and ignored
        }
        s->end = peek().end;
        functions_.push_back(function.get());
        function->body = parse_block("function definition", first.where.line);
        functions_.pop_back();
        s->function = std::move(function);
        return s;
    }

    // `yield`, `yield value(s)`, `yield from value`: makes the function being parsed a generator.
    expr_ptr parse_yield() {
        const token& keyword = advance();
        auto y = node<yield_expr>(keyword.where);
        if (functions_.empty()) fail("'yield' outside function", keyword.where, keyword.end);
        functions_.back()->is_generator = true;
        if (at_keyword("from")) {
            if (functions_.back()->is_async) fail("'yield from' inside async function", keyword.where, peek().end);
            advance();
            y->is_from = true;
            y->value = parse_expression();
        } else if (starts_expression(peek())) {
            y->value = parse_star_expressions();
        }
        finish(y.get());
        return y;
    }

    // Parameters up to `closer` (")" for def, ":" for lambda), with CPython's ordering errors.
    std::vector<parameter> parse_parameters(std::string_view closer, bool annotations) {
        std::vector<parameter> params;
        bool seen_default = false, seen_star = false, seen_double_star = false;
        while (!at_op(closer)) {
            if (seen_double_star) fail_at(peek(), "arguments cannot follow var-keyword argument");
            if (at_op("/")) not_supported(peek(), "positional-only parameters ('/') are not supported in this lesson");
            parameter p;
            if (at_op("**") || at_op("*")) {
                const token& star = advance();
                bool double_star = star.text == "**";
                if (!double_star && (at_op(",") || at_op(closer))) {
                    if (seen_star) fail_at(star, "* argument may appear only once");
                    seen_star = true;
                    if (at_op(closer) || (at_op(",") && (at_op(closer, 1) || at_op("**", 1))))
                        fail_at(star, "named arguments must follow bare *");
                    advance();
                    continue;
                }
                if (!double_star && seen_star) fail_at(star, "* argument may appear only once");
                p.kind = double_star ? parameter_kind::var_keyword : parameter_kind::var_positional;
                seen_star |= !double_star;
                seen_double_star |= double_star;
                if (!at_plain_name()) invalid_syntax();
                p.where = peek().where;
                p.name = advance().text;
                if (annotations) skip_annotation();
                if (at_op("=")) fail_at(peek(), double_star ? "var-keyword argument cannot have default value"
                                                            : "var-positional argument cannot have default value");
            } else {
                if (!at_plain_name()) invalid_syntax();
                const token& name = advance();
                p.where = name.where;
                p.name = name.text;
                p.kind = seen_star ? parameter_kind::keyword_only : parameter_kind::positional;
                if (annotations) skip_annotation();
                if (at_op("=")) {
                    advance();
                    p.default_value = parse_expression();
                    seen_default = true;
                } else if (seen_default && !seen_star) {
                    fail_at(name, "non-default argument follows default argument");
                }
            }
            params.push_back(std::move(p));
            if (!at_op(",")) break;
            advance();
        }
        if (!at_op(closer)) invalid_syntax();
        return params;
    }

    void skip_annotation() {
        if (!at_op(":")) return;
        advance();
        parse_expression();  // parameter annotations are accepted and ignored
    }

    // ---- expressions ---------------------------------------------------------------------

    // Can this token begin an expression?
    static bool starts_expression(const token& t) {
        switch (t.kind) {
            case token_kind::name:
                if (!is_keyword(t.text)) return true;
                return t.text == "None" || t.text == "True" || t.text == "False" || t.text == "not" || t.text == "lambda" ||
                       t.text == "await" || t.text == "yield";
            case token_kind::integer: case token_kind::floating: case token_kind::string: return true;
            case token_kind::op:
                return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" || t.text == "~" ||
                       t.text == "*" || t.text == "...";
            default: return false;
        }
    }

    // Tokens that begin an atom right after a complete expression: the sign of a missing comma.
    static bool starts_atom(const token& t) {
        switch (t.kind) {
            case token_kind::name:
                if (!is_keyword(t.text)) return true;
                return t.text == "None" || t.text == "True" || t.text == "False" || t.text == "lambda" || t.text == "await";
            case token_kind::integer: case token_kind::floating: case token_kind::string: return true;
            case token_kind::op: return t.text == "{";
            default: return false;
        }
    }

    expr_ptr parse_star_expressions() {
        expr_ptr first = parse_star_expression();
        if (!at_op(",")) return first;
        auto tuple = node<sequence_expr>(first->where, expr_kind::tuple);
        tuple->elements.push_back(std::move(first));
        while (at_op(",")) {
            advance();
            if (!starts_expression(peek())) break;
            tuple->elements.push_back(parse_star_expression());
        }
        finish(tuple.get());
        return tuple;
    }

    expr_ptr parse_star_expression() {
        if (!at_op("*")) return parse_expression();
        auto s = node<starred_expr>(advance().where);
        s->value = parse_bitwise_or();
        finish(s.get());
        return s;
    }

    expr_ptr parse_expression(bool check_juxtaposition = true) {
        depth_guard guard(*this);
        if (at_keyword("lambda")) return parse_lambda();
        if (at_keyword("yield")) return parse_yield();
        expr_ptr e = parse_disjunction();
        if (at_keyword("if")) {
            advance();
            auto c = node<conditional_expr>(e->where);
            c->test = parse_disjunction();
            if (!at_keyword("else")) fail("expected 'else' after 'if' expression", e->where, c->test->end);
            advance();
            c->body = std::move(e);
            c->orelse = parse_expression(false);
            finish(c.get());
            e = std::move(c);
        }
        if (at_op(":=")) not_supported(peek(), "the walrus operator ':=' is not supported in this lesson");
        if (check_juxtaposition && starts_atom(peek())) report_juxtaposition(*e);
        return e;
    }

    // Two expressions side by side: `print x` or, inside brackets, a missing comma.
    void report_juxtaposition(const expr& a) {
        const token& next = peek();
        bool legacy = a.kind == expr_kind::name &&
                      (static_cast<const name_expr&>(a).id == "print" || static_cast<const name_expr&>(a).id == "exec");
        bool soft = a.kind == expr_kind::name && (static_cast<const name_expr&>(a).id == "match" ||
                                                  static_cast<const name_expr&>(a).id == "case" ||
                                                  static_cast<const name_expr&>(a).id == "_");
        if (!legacy && (next.bracket_depth == 0 || soft || (a.kind == expr_kind::name && next.kind == token_kind::string))) return;
        std::size_t saved = pos_;
        expr_ptr b;
        try {
            b = legacy ? parse_star_expressions() : parse_expression(false);
        } catch (const parse_failure&) {
            pos_ = saved;
            invalid_syntax();
        }
        if (legacy) {
            const std::string& id = static_cast<const name_expr&>(a).id;
            fail("Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?", a.where, b->end);
        }
        fail("invalid syntax. Perhaps you forgot a comma?", a.where, b->end);
    }

    expr_ptr parse_lambda() {
        const token& keyword = advance();
        auto l = node<lambda_expr>(keyword.where);
        auto function = std::make_shared<function_def>();
        function->name = "<lambda>";
        function->where = keyword.where;
        function->parameters = parse_parameters(":", false);
        advance();  // ':'
        auto body = node<return_stmt>(peek().where);
        functions_.push_back(function.get());
        body->value = parse_expression();
        functions_.pop_back();
        body->end = body->value->end;
        function->body.push_back(std::move(body));
        l->function = std::move(function);
        finish(l.get());
        return l;
    }

    expr_ptr parse_disjunction() { return parse_bool_chain(false); }
    expr_ptr parse_conjunction() { return parse_bool_chain(true); }

    expr_ptr parse_bool_chain(bool is_and) {
        const char* word = is_and ? "and" : "or";
        expr_ptr first = is_and ? parse_inversion() : parse_conjunction();
        if (!at_keyword(word)) return first;
        auto b = node<bool_op_expr>(first->where);
        b->is_and = is_and;
        b->values.push_back(std::move(first));
        while (at_keyword(word)) {
            advance();
            b->values.push_back(is_and ? parse_inversion() : parse_conjunction());
        }
        finish(b.get());
        return b;
    }

    // `not not x` is handled in a loop: long chains must not recurse.
    expr_ptr parse_inversion() {
        std::vector<source_location> nots;
        while (at_keyword("not")) nots.push_back(advance().where);
        if (nots.size() > static_cast<std::size_t>(max_chain)) fail("expression too deeply nested for this lesson", nots.front(), nots.back(), "NotSupportedError");
        expr_ptr e = parse_comparison();
        for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
            auto u = node<unary_expr>(*it);
            u->op = unary_op::logical_not;
            u->operand = std::move(e);
            u->end = u->operand->end;
            e = std::move(u);
        }
        return e;
    }

    bool parse_compare_op(compare_op& op) {
        const token& t = peek();
        if (t.kind == token_kind::name) {
            if (t.text == "in") { advance(); op = compare_op::in; return true; }
            if (t.text == "not" && at_keyword("in", 1)) { advance(); advance(); op = compare_op::not_in; return true; }
            if (t.text == "is") {
                advance();
                op = compare_op::is;
                if (at_keyword("not")) { advance(); op = compare_op::is_not; }
                return true;
            }
            return false;
        }
        if (t.kind != token_kind::op) return false;
        static const std::pair<const char*, compare_op> table[] = {
            {"<", compare_op::less}, {"<=", compare_op::less_equal}, {">", compare_op::greater},
            {">=", compare_op::greater_equal}, {"==", compare_op::equal}, {"!=", compare_op::not_equal}};
        for (const auto& [text, value] : table) {
            if (t.text == text) { advance(); op = value; return true; }
        }
        return false;
    }

    expr_ptr parse_comparison() {
        expr_ptr first = parse_bitwise_or();
        compare_op op{};
        if (!parse_compare_op(op)) return first;
        auto c = node<compare_expr>(first->where);
        c->left = std::move(first);
        do {
            c->ops.push_back(op);
            c->comparators.push_back(parse_bitwise_or());
        } while (parse_compare_op(op));
        finish(c.get());
        return c;
    }

    // One level of left-associative binary operators; `next` parses the operands.
    template <class Next>
    expr_ptr parse_binary_level(Next next, std::initializer_list<std::pair<const char*, binary_op>> ops) {
        expr_ptr left = (this->*next)();
        int chain = 0;
        for (;;) {
            const token& t = peek();
            if (t.kind != token_kind::op) return left;
            if (t.text == "@" || t.text == "@=") not_supported(t, "the '@' operator is not supported in this lesson");
            const std::pair<const char*, binary_op>* match = nullptr;
            for (const auto& entry : ops) if (t.text == entry.first) match = &entry;
            if (match == nullptr) return left;
            if (++chain > max_chain) not_supported(t, "expression too deeply nested for this lesson");
            advance();
            auto b = node<binary_expr>(left->where);
            b->op = match->second;
            b->left = std::move(left);
            b->right = (this->*next)();
            finish(b.get());
            left = std::move(b);
        }
    }

    expr_ptr parse_bitwise_or() { return parse_binary_level(&parser::parse_bitwise_xor, {{"|", binary_op::bit_or}}); }
    expr_ptr parse_bitwise_xor() { return parse_binary_level(&parser::parse_bitwise_and, {{"^", binary_op::bit_xor}}); }
    expr_ptr parse_bitwise_and() { return parse_binary_level(&parser::parse_shift, {{"&", binary_op::bit_and}}); }
    expr_ptr parse_shift() {
        return parse_binary_level(&parser::parse_sum, {{"<<", binary_op::left_shift}, {">>", binary_op::right_shift}});
    }
    expr_ptr parse_sum() { return parse_binary_level(&parser::parse_term, {{"+", binary_op::add}, {"-", binary_op::subtract}}); }
    expr_ptr parse_term() {
        return parse_binary_level(&parser::parse_factor, {{"*", binary_op::multiply},
                                                          {"/", binary_op::true_divide},
                                                          {"//", binary_op::floor_divide},
                                                          {"%", binary_op::modulo}});
    }

    // Unary + - ~ in a loop; ** binds tighter than a unary minus on its left (-2**2 == -4).
    expr_ptr parse_factor() {
        std::vector<std::pair<source_location, unary_op>> ops;
        for (;;) {
            if (at_op("-")) ops.push_back({advance().where, unary_op::negate});
            else if (at_op("+")) ops.push_back({advance().where, unary_op::plus});
            else if (at_op("~")) ops.push_back({advance().where, unary_op::invert});
            else break;
            if (ops.size() > static_cast<std::size_t>(max_chain)) not_supported(peek(), "expression too deeply nested for this lesson");
        }
        expr_ptr e = parse_power();
        for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
            auto u = node<unary_expr>(it->first);
            u->op = it->second;
            u->operand = std::move(e);
            u->end = u->operand->end;
            e = std::move(u);
        }
        return e;
    }

    expr_ptr parse_power() {
        expr_ptr base = parse_await_primary();
        if (!at_op("**")) return base;
        depth_guard guard(*this);  // 2**2**2... recurses on the right
        advance();
        auto b = node<binary_expr>(base->where);
        b->op = binary_op::power;
        b->left = std::move(base);
        b->right = parse_factor();
        finish(b.get());
        return b;
    }

    expr_ptr parse_await_primary() {
        if (!at_keyword("await")) return parse_primary();
        auto a = node<await_expr>(advance().where);
        a->value = parse_primary();
        finish(a.get());
        return a;
    }

    expr_ptr parse_primary() {
        expr_ptr e = parse_atom();
        for (int chain = 0;; ++chain) {
            if (chain > max_chain) not_supported(peek(), "expression too deeply nested for this lesson");
            if (at_op(".")) {
                advance();
                if (!at_plain_name()) invalid_syntax();
                auto a = node<attribute_expr>(e->where);
                a->object = std::move(e);
                a->attribute = advance().text;
                finish(a.get());
                e = std::move(a);
            } else if (at_op("(")) {
                e = parse_call(std::move(e));
            } else if (at_op("[")) {
                advance();
                auto s = node<subscript_expr>(e->where);
                s->object = std::move(e);
                s->index = parse_slices();
                expect_op("]");
                finish(s.get());
                e = std::move(s);
            } else {
                return e;
            }
        }
    }

    expr_ptr parse_call(expr_ptr function) {
        advance();  // '('
        auto c = node<call_expr>(function->where);
        c->function = std::move(function);
        bool seen_keyword = false, seen_double_star = false;
        while (!at_op(")")) {
            if (at_op("*")) {
                auto s = node<starred_expr>(advance().where);
                s->value = parse_expression();
                finish(s.get());
                if (seen_double_star) fail("iterable argument unpacking follows keyword argument unpacking", s->where, s->end);
                c->arguments.push_back(std::move(s));
            } else if (at_op("**")) {
                keyword_argument k;
                k.where = advance().where;
                k.value = parse_expression();
                seen_double_star = true;
                c->keywords.push_back(std::move(k));
            } else if (at_plain_name() && at_op("=", 1)) {
                keyword_argument k;
                k.where = peek().where;
                k.name = advance().text;
                advance();  // '='
                for (const auto& other : c->keywords) {
                    if (other.name == k.name) fail("keyword argument repeated: " + k.name, k.where, previous_end());
                }
                k.value = parse_expression();
                seen_keyword = true;
                c->keywords.push_back(std::move(k));
            } else {
                expr_ptr e = parse_expression();
                if (at_comprehension()) {
                    bool alone = c->arguments.empty() && c->keywords.empty();
                    source_location where = e->where;
                    e = parse_comprehension(expr_kind::generator, std::move(e), nullptr, where);
                    if (!alone || !at_op(")")) fail("Generator expression must be parenthesized", e->where, e->end);
                }
                if (at_op("=")) fail("expression cannot contain assignment, perhaps you meant \"==\"?", e->where, e->end);
                if (seen_keyword || seen_double_star) {
                    fail_at(peek(), seen_double_star ? "positional argument follows keyword argument unpacking"
                                                     : "positional argument follows keyword argument");
                }
                c->arguments.push_back(std::move(e));
            }
            if (!at_op(",")) break;
            advance();
        }
        expect_op(")");
        finish(c.get());
        // A lone generator argument spans the call's parentheses, as in CPython.
        return c;
    }

    expr_ptr parse_slices() {
        expr_ptr first = parse_slice();
        if (!at_op(",")) return first;
        auto tuple = node<sequence_expr>(first->where, expr_kind::tuple);
        tuple->elements.push_back(std::move(first));
        while (at_op(",")) {
            advance();
            if (at_op("]")) break;
            tuple->elements.push_back(parse_slice());
        }
        finish(tuple.get());
        return tuple;
    }

    expr_ptr parse_slice() {
        source_location where = peek().where;
        expr_ptr lower;
        if (!at_op(":")) {
            if (at_op("*")) return parse_star_expression();
            lower = parse_expression();
            if (!at_op(":")) return lower;
        }
        auto s = node<slice_expr>(where);
        s->lower = std::move(lower);
        advance();  // ':'
        if (!at_op(":") && starts_expression(peek())) s->upper = parse_expression();
        if (at_op(":")) {
            advance();
            if (starts_expression(peek())) s->step = parse_expression();
        }
        finish(s.get());
        return s;
    }

    expr_ptr parse_atom() {
        const token& t = peek();
        switch (t.kind) {
            case token_kind::name: return parse_name_atom();
            case token_kind::integer: {
                auto n = node<int_literal>(t.where);
                n->value = advance().int_value;
                finish(n.get());
                return n;
            }
            case token_kind::floating: {
                auto n = node<float_literal>(t.where);
                n->value = advance().float_value;
                finish(n.get());
                return n;
            }
            case token_kind::string: return parse_strings();
            case token_kind::op:
                if (t.text == "(") return parse_parenthesised();
                if (t.text == "[") return parse_list();
                if (t.text == "{") return parse_braces();
                if (t.text == "...") not_supported(t, "'...' (Ellipsis) is not supported in this lesson");
                break;
            case token_kind::indent:
                fail_indent();
            default:
                break;
        }
        invalid_syntax();
    }

    expr_ptr parse_name_atom() {
        const token& t = peek();
        if (t.text == "None") {
            auto n = node<none_literal>(advance().where);
            finish(n.get());
            return n;
        }
        if (t.text == "True" || t.text == "False") {
            auto n = node<bool_literal>(t.where);
            n->value = advance().text == "True";
            finish(n.get());
            return n;
        }
        if (is_keyword(t.text)) invalid_syntax();
        auto n = node<name_expr>(t.where);
        n->id = advance().text;
        finish(n.get());
        return n;
    }

    // An element of a list/tuple/set display: `*x` or an expression.
    expr_ptr parse_star_named() { return parse_star_expression(); }

    expr_ptr parse_parenthesised() {
        const token& open = advance();
        source_location where = open.where;
        if (at_op(")")) {
            advance();
            auto tuple = node<sequence_expr>(where, expr_kind::tuple);
            finish(tuple.get());
            return tuple;
        }
        if (at_keyword("yield")) {
            expr_ptr y = parse_yield();
            expect_op(")");
            return y;
        }
        expr_ptr first = parse_star_named();
        if (at_comprehension()) {
            expr_ptr g = parse_comprehension(expr_kind::generator, std::move(first), nullptr, where);
            expect_op(")");
            g->end = previous_end();
            return g;
        }
        if (at_op(")")) {
            advance();
            if (first->kind == expr_kind::starred) fail("cannot use starred expression here", first->where, first->end);
            return first;
        }
        if (!at_op(",")) invalid_syntax();
        auto tuple = node<sequence_expr>(where, expr_kind::tuple);
        tuple->elements.push_back(std::move(first));
        parse_display_rest(tuple->elements, ")");
        finish(tuple.get());
        return tuple;
    }

    // The elements after the first of a display, up to and including the closing bracket.
    void parse_display_rest(std::vector<expr_ptr>& elements, std::string_view closer) {
        while (at_op(",")) {
            advance();
            if (at_op(closer)) break;
            elements.push_back(parse_star_named());
        }
        expect_op(closer);
    }

    expr_ptr parse_list() {
        source_location where = advance().where;
        auto list = node<sequence_expr>(where, expr_kind::list);
        if (at_op("]")) {
            advance();
            finish(list.get());
            return list;
        }
        expr_ptr first = parse_star_named();
        if (at_comprehension()) {
            expr_ptr c = parse_comprehension(expr_kind::list_comp, std::move(first), nullptr, where);
            expect_op("]");
            c->end = previous_end();
            return c;
        }
        list->elements.push_back(std::move(first));
        parse_display_rest(list->elements, "]");
        finish(list.get());
        return list;
    }

    expr_ptr parse_braces() {
        source_location where = advance().where;
        if (at_op("}")) {
            advance();
            auto d = node<dict_expr>(where);
            finish(d.get());
            return d;
        }
        if (at_op("**")) return parse_dict_rest(where, nullptr, nullptr);
        expr_ptr first = parse_star_named();
        if (at_op(":") && first->kind != expr_kind::starred) {
            advance();
            expr_ptr value = parse_expression();
            if (at_comprehension()) {
                expr_ptr c = parse_comprehension(expr_kind::dict_comp, std::move(first), std::move(value), where);
                expect_op("}");
                c->end = previous_end();
                return c;
            }
            return parse_dict_rest(where, std::move(first), std::move(value));
        }
        if (at_comprehension()) {
            expr_ptr c = parse_comprehension(expr_kind::set_comp, std::move(first), nullptr, where);
            expect_op("}");
            c->end = previous_end();
            return c;
        }
        auto set = node<sequence_expr>(where, expr_kind::set);
        set->elements.push_back(std::move(first));
        parse_display_rest(set->elements, "}");
        finish(set.get());
        return set;
    }

    // A dict display from its first entry (a null key with a null value: starts at `**`).
    expr_ptr parse_dict_rest(source_location where, expr_ptr key, expr_ptr value) {
        auto d = node<dict_expr>(where);
        bool first = key != nullptr;
        if (first) {
            d->keys.push_back(std::move(key));
            d->values.push_back(std::move(value));
        }
        for (;;) {
            if (first) {
                if (!at_op(",")) break;
                advance();
                if (at_op("}")) break;
            }
            first = true;
            if (at_op("**")) {
                advance();
                d->keys.push_back(nullptr);
                d->values.push_back(parse_bitwise_or());
                continue;
            }
            d->keys.push_back(parse_expression(false));
            if (!at_op(":")) fail("':' expected after dictionary key", d->keys.back()->where, d->keys.back()->end);
            advance();
            d->values.push_back(parse_expression());
        }
        expect_op("}");
        finish(d.get());
        return d;
    }

    expr_ptr parse_comprehension(expr_kind kind, expr_ptr element, expr_ptr value, source_location where) {
        if (element->kind == expr_kind::starred)
            fail("iterable unpacking cannot be used in comprehension", element->where, element->end);
        auto c = node<comprehension_expr>(where, kind);
        c->element = std::move(element);
        c->value = std::move(value);
        while (at_keyword("for") || (at_keyword("async") && at_keyword("for", 1))) {
            comprehension_for clause;
            clause.is_async = at_keyword("async");
            if (clause.is_async) advance();
            advance();
            clause.target = parse_target_list();
            check_target(*clause.target, false);
            if (!at_keyword("in")) invalid_syntax();
            advance();
            clause.iterable = parse_disjunction();
            while (at_keyword("if")) {
                advance();
                clause.conditions.push_back(parse_disjunction());
            }
            c->generators.push_back(std::move(clause));
        }
        finish(c.get());
        if (kind == expr_kind::generator) {
            for (const auto& clause : c->generators) {
                if (clause.is_async) not_supported(*c, "asynchronous generator expressions are not supported in this lesson");
            }
            // The lazy generator function the expression makes (its scope: resolver.cpp).
            c->function = std::make_shared<function_def>();
            c->function->name = "<genexpr>";
            c->function->where = where;
            c->function->is_generator = true;
            c->function->parameters.push_back(parameter{".0", parameter_kind::positional, nullptr, where});
        }
        return c;
    }

    // Assignment targets of for / comprehensions / `as`: stop before `in`.
    expr_ptr parse_target_list() {
        expr_ptr first = parse_target_element();
        if (!at_op(",")) return first;
        auto tuple = node<sequence_expr>(first->where, expr_kind::tuple);
        tuple->elements.push_back(std::move(first));
        while (at_op(",")) {
            advance();
            if (at_keyword("in") || at_op("=") || at_op(":")) break;
            tuple->elements.push_back(parse_target_element());
        }
        finish(tuple.get());
        return tuple;
    }

    expr_ptr parse_target_element() {
        if (!at_op("*")) return parse_bitwise_or();
        auto s = node<starred_expr>(advance().where);
        s->value = parse_bitwise_or();
        finish(s.get());
        return s;
    }

    // ---- strings and f-strings -------------------------------------------------------------

    expr_ptr parse_strings() {
        std::size_t first = pos_;
        bool any_fstring = false, any_bytes = false, all_bytes = true;
        while (peek().kind == token_kind::string) {
            any_fstring |= peek().is_fstring;
            any_bytes |= peek().is_bytes;
            all_bytes &= peek().is_bytes;
            advance();
        }
        std::size_t last = pos_;
        // CPython 3.11 reports f-string errors at the token after the literals.
        source_location error_at = peek().where;
        if (any_bytes && !all_bytes) fail("cannot mix bytes and nonbytes literals", error_at, error_at);
        if (!any_fstring) {
            auto s = node<str_literal>(tokens_[first].where);
            s->is_bytes = any_bytes;
            for (std::size_t k = first; k < last; ++k) s->value += tokens_[k].text;
            finish(s.get());
            return s;
        }
        auto f = node<fstring_expr>(tokens_[first].where);
        for (std::size_t k = first; k < last; ++k) {
            const token& t = tokens_[k];
            if (!t.is_fstring) {
                append_literal(f->parts, t.text);
                continue;
            }
            fstring_scanner scanner{*this, t.text, t.body_start, t.is_raw, error_at};
            std::size_t at = 0;
            scanner.parse_parts(f->parts, at, 0, false);
        }
        finish(f.get());
        return f;
    }

    static void append_literal(std::vector<fstring_part>& parts, const std::string& text) {
        if (text.empty()) return;
        if (!parts.empty() && !parts.back().value) {
            parts.back().literal += text;
            return;
        }
        fstring_part part;
        part.literal = text;
        parts.push_back(std::move(part));
    }

    // Scans one f-string body: literal text, {{ }}, and replacement fields whose expressions
    // are tokenized and parsed by a nested parser.
    struct fstring_scanner {
        parser& owner;
        std::string_view body;
        source_location body_start;
        bool raw;
        source_location error_at;

        [[noreturn]] void error(const std::string& message) {
            owner.fail(message, error_at, error_at);
        }

        source_location location_of(std::size_t offset) const {
            source_location loc = body_start;
            for (std::size_t k = 0; k < offset && k < body.size(); ++k) {
                if (body[k] == '\n') { ++loc.line; loc.column = 1; }
                else if ((static_cast<unsigned char>(body[k]) & 0xC0) != 0x80) ++loc.column;
            }
            return loc;
        }

        void flush(std::vector<fstring_part>& parts, std::string& pending) {
            if (pending.empty()) return;
            std::string decoded;
            if (raw) {
                decoded = pending;
            } else if (auto problem = decode_string_escapes(pending, decoded)) {
                error(*problem);
            }
            append_literal(parts, decoded);
            pending.clear();
        }

        // Parses parts until the end of the body or, in a format spec, an unmatched '}'.
        void parse_parts(std::vector<fstring_part>& parts, std::size_t& at, int nesting, bool in_spec) {
            std::string pending;
            while (at < body.size()) {
                char c = body[at];
                if (c == '{') {
                    if (!in_spec && at + 1 < body.size() && body[at + 1] == '{') {
                        pending += '{';
                        at += 2;
                        continue;
                    }
                    flush(parts, pending);
                    parts.push_back(parse_field(at, nesting));
                } else if (c == '}') {
                    if (in_spec) break;
                    if (at + 1 < body.size() && body[at + 1] == '}') {
                        pending += '}';
                        at += 2;
                        continue;
                    }
                    error("f-string: single '}' is not allowed");
                } else if (c == '\\' && !raw && at + 1 < body.size()) {
                    pending += body.substr(at, 2);
                    at += 2;
                } else {
                    pending += c;
                    ++at;
                }
            }
            flush(parts, pending);
        }

        // Finds where a replacement field's expression ends (at ! : = or }), honouring brackets and quotes.
        std::size_t expression_end(std::size_t at) {
            int depth = 0;
            while (at < body.size()) {
                char c = body[at];
                if (c == '\\') error("f-string expression part cannot include a backslash");
                if (c == '\'' || c == '"') {
                    bool triple = at + 2 < body.size() && body[at + 1] == c && body[at + 2] == c;
                    std::size_t close = body.find(triple ? std::string(3, c) : std::string(1, c), at + (triple ? 3 : 1));
                    if (close == std::string_view::npos) error("f-string: unterminated string");
                    at = close + (triple ? 3 : 1);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') ++depth;
                else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0 && c == '}') return at;
                    if (depth == 0) error(std::string("f-string: unmatched '") + c + "'");
                    --depth;
                } else if (c == '#') {
                    error("f-string expression part cannot include '#'");
                } else if (depth == 0 && c == '!' && !(at + 1 < body.size() && body[at + 1] == '=')) {
                    return at;
                } else if (depth == 0 && c == ':') {
                    return at;
                } else if (depth == 0 && c == '=') {
                    bool doubled = at + 1 < body.size() && body[at + 1] == '=';
                    bool compound = at > 0 && std::strchr("=!<>", body[at - 1]) != nullptr;
                    if (doubled) { at += 2; continue; }
                    if (!compound) return at;
                }
                ++at;
            }
            error("f-string: expecting '}'");
        }

        fstring_part parse_field(std::size_t& at, int nesting) {
            if (nesting >= 2) error("f-string: expressions nested too deeply");
            std::size_t start = ++at;  // past '{'
            at = expression_end(at);
            std::string_view text = body.substr(start, at - start);
            if (text.find_first_not_of(" \t\n\f") == std::string_view::npos) {
                error(body[at] == '=' ? "f-string: expression required before '='" : "f-string: empty expression not allowed");
            }
            fstring_part part;
            part.value = parse_expression_text(text, location_of(start));
            if (body[at] == '=') {
                ++at;
                while (at < body.size() && std::strchr(" \t\n\f", body[at]) != nullptr) ++at;
                part.debug_text = std::string(body.substr(start, at - start));
            }
            if (at < body.size() && body[at] == '!') {
                ++at;
                char conversion = at < body.size() ? body[at] : '\0';
                if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                    error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                }
                part.conversion = conversion;
                ++at;
            }
            if (at < body.size() && body[at] == ':') {
                ++at;
                part.has_format_spec = true;
                parse_parts(part.format_spec, at, nesting + 1, true);
            }
            if (at >= body.size() || body[at] != '}') error("f-string: expecting '}'");
            ++at;
            // f"{x=}" shows repr(x); any format spec, even an empty one (f"{x=:}"), formats x instead.
            if (!part.debug_text.empty() && part.conversion == 0 && !part.has_format_spec) part.conversion = 'r';
            return part;
        }

        expr_ptr parse_expression_text(std::string_view text, source_location start) {
            lex_result lexed = tokenize(text, lex_options{.start = start, .expression_only = true});
            if (lexed.error) {
                syntax_error e = *lexed.error;
                if (e.type == "SyntaxError" && e.message.rfind("f-string", 0) != 0) e.message = "f-string: " + e.message;
                throw parse_failure{e, 0, false};
            }
            parser nested(lexed.tokens, owner.depth_ + 1, true);
            return nested.parse_fstring_expression();
        }
    };
};

std::vector<std::string> split_lines(std::string_view source) {
    std::vector<std::string> lines;
    std::string current;
    for (std::size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r' || c == '\n') {
            lines.push_back(std::move(current));
            current.clear();
            if (c == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            current += c;
        }
    }
    if (!current.empty()) lines.push_back(std::move(current));
    return lines;
}

// A parser error inside unclosed brackets is reported as the bracket never being closed
// when it lies past the bracket's line, as CPython's tokenizer does.
syntax_error unclosed_bracket_error(const lex_result& lexed, const parse_failure& failure) {
    if (lexed.unclosed.empty()) return failure.error;
    const open_bracket& open = lexed.unclosed.back();
    bool later = failure.furthest_line > open.where.line;
    if (failure.error.type != "NotSupportedError" && (later || failure.at_end_of_file)) {
        return syntax_error{"SyntaxError", std::string("'") + open.symbol + "' was never closed", open.where,
                            {open.where.line, open.where.column + 1}};
    }
    return failure.error;
}

}  // namespace

parse_result parse_unresolved(std::string_view source) {
    parse_result result;
    lex_result lexed = tokenize(source);
    if (lexed.error) {
        result.error = lexed.error;
        return result;
    }
    try {
        parser p(lexed.tokens, 0, false);
        auto program = std::make_unique<module>();
        program->body = p.parse_file();
        program->frame->name = "<module>";
        program->source_lines = split_lines(source);
        result.program = std::move(program);
    } catch (const parse_failure& failure) {
        result.error = unclosed_bracket_error(lexed, failure);
    }
    return result;
}

parse_result parse_program(std::string_view source) {
    parse_result result = parse_unresolved(source);
    if (result.error) return result;
    if (auto error = resolve(*result.program)) {
        result.error = std::move(error);
        result.program.reset();
    }
    return result;
}

}  // namespace loopstep::python
