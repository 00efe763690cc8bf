import Testing

@testable import AssayRegex

@Suite("Compile errors")
struct CompileErrorTests {
    @Test("an unclosed group reports PCRE2's message and the end-of-pattern offset")
    func unclosedGroup() {
        #expect(throws: RegexCompileError.self) { try CompiledRegex(pattern: "ab(c") }
        do {
            _ = try CompiledRegex(pattern: "ab(c")
        } catch {
            #expect(error.message.contains("missing closing parenthesis"))
            #expect(error.byteOffset == 4)
            #expect(error.scalarOffset == 4)
        }
    }

    @Test("the error offset is given in bytes and in scalars when the pattern has CJK before the error")
    func cjkOffsets() {
        do {
            _ = try CompiledRegex(pattern: "最佳[")
            Issue.record("pattern should not compile")
        } catch {
            #expect(error.byteOffset == 7)
            #expect(error.scalarOffset == 3)
        }
    }

    @Test("a quantifier with nothing to repeat fails at the quantifier")
    func nothingToRepeat() {
        do {
            _ = try CompiledRegex(pattern: "a|*b")
            Issue.record("pattern should not compile")
        } catch {
            #expect(error.byteOffset == 2)
            #expect(error.message.contains("quantifier does not follow a repeatable item"))
        }
    }

    @Test("\\C is refused because it could split a UTF-8 sequence")
    func backslashCForbidden() {
        #expect(throws: RegexCompileError.self) { try CompiledRegex(pattern: #"a\C"#) }
    }

    @Test("a valid pattern keeps its source text and normally runs on the JIT")
    func validPattern() throws {
        let regex = try CompiledRegex(pattern: "a+b")
        #expect(regex.pattern == "a+b")
        #expect(regex.usesJIT)
    }
}
