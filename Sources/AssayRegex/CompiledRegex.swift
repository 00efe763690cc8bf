import CPCRE2
import Synchronization

/// A PCRE2 pattern compiled once (with JIT where available) and matched many
/// times, from any number of threads.
///
/// All offsets are byte offsets into the UTF-8 input. Patterns are compiled
/// with `PCRE2_UTF` and `PCRE2_MATCH_INVALID_UTF`: invalid UTF-8 in the input
/// never crashes or errors, it simply acts as a barrier no match can cross.
/// `\C` (match one code unit) is forbidden, so matches always begin and end on
/// scalar boundaries.
///
/// Every scan is bounded by ``RegexLimits`` in steps, never in time, so a
/// catastrophic pattern fails the same way on every run.
///
/// Thread safety: the compiled code and match contexts are never mutated after
/// `init`, and every scan allocates its own match data (and, when counted, its
/// own match context), so instances are safe to share across tasks (hence
/// `@unchecked Sendable`). The one exception, the JIT compilation of the counted
/// code on first need, happens under a lock before any scan uses that code.
public final class CompiledRegex: @unchecked Sendable {
    /// The pattern as given to `init`.
    public let pattern: String
    /// The options the pattern was compiled with.
    public let options: RegexOptions
    /// The limits applied to each match attempt.
    public let limits: RegexLimits

    private let code: OpaquePointer
    /// Per-position limit ``RegexLimits/fastPathLimit``: the uncounted first try.
    private let fastContext: OpaquePointer
    /// Per-position limit ``RegexLimits/matchLimit``; copied per counted scan to carry its counter.
    private let fullContext: OpaquePointer
    private let jitCompiled: Bool
    /// The pattern compiled with `PCRE2_AUTO_CALLOUT`, whose callouts count the steps of a scan;
    /// nil when that compilation failed (the fast path then uses the full match limit).
    private let countedCode: OpaquePointer?
    /// Whether the counted code runs JIT-compiled: nil until a scan first needs it. Only scans that
    /// exceed the fast-path limit do, so most patterns never pay for a second JIT compilation.
    private let countedJIT: Mutex<Bool?>
    private let allowsJIT: Bool

    /// Whether matching runs JIT-compiled machine code (`false` means the
    /// PCRE2 interpreter is used because JIT is unavailable on this platform).
    public var usesJIT: Bool { jitCompiled }

    /// Compiles `pattern`.
    ///
    /// - Throws: ``RegexCompileError`` with PCRE2's message and the offending
    ///   position in bytes and scalars.
    public convenience init(
        pattern: String,
        options: RegexOptions = [],
        limits: RegexLimits = .default
    ) throws(RegexCompileError) {
        try self.init(pattern: pattern, options: options, limits: limits, allowJIT: true)
    }

    /// Compiles `pattern`; `allowJIT: false` forces the interpreter (tests use it
    /// to cover the fallback path).
    init(
        pattern: String,
        options: RegexOptions,
        limits: RegexLimits,
        allowJIT: Bool
    ) throws(RegexCompileError) {
        self.pattern = pattern
        self.options = options
        self.limits = limits

        let flags = Self.compileFlags(options)
        // Errors are located in the pattern as written; what runs is the JIT-safe rewrite of it.
        var utf8 = Array(pattern.utf8)
        var compiled: OpaquePointer
        switch Self.compile(utf8, flags: flags) {
        case .success(let code): compiled = code
        case .failure(let error): throw error
        }
        // A pattern the rewrite cannot safely read (nil) runs on the interpreter, which is correct.
        let rewritten = JITCompatibility.rewrite(pattern)
        let allowJIT = allowJIT && rewritten != nil
        if allowJIT, let rewritten, rewritten != pattern, case .success(let code) = Self.compile(Array(rewritten.utf8), flags: flags) {
            pcre2_code_free_8(compiled)
            compiled = code
            utf8 = Array(rewritten.utf8)
        }
        let fastContext = pcre2_match_context_create_8(nil)
        let fullContext = pcre2_match_context_create_8(nil)
        guard let fast = fastContext, let full = fullContext else {
            if let fastContext { pcre2_match_context_free_8(fastContext) }
            if let fullContext { pcre2_match_context_free_8(fullContext) }
            pcre2_code_free_8(compiled)
            throw RegexCompileError(message: "out of memory creating a match context", byteOffset: 0, scalarOffset: 0)
        }
        let countedCode = limits.fastPathLimit < limits.matchLimit
            ? try? Self.compile(utf8, flags: flags | UInt32(PCRE2_AUTO_CALLOUT)).get() : nil
        pcre2_set_match_limit_8(fast, countedCode == nil ? limits.matchLimit : limits.fastPathLimit)
        pcre2_set_depth_limit_8(fast, limits.depthLimit)
        pcre2_set_match_limit_8(full, limits.matchLimit)
        pcre2_set_depth_limit_8(full, limits.depthLimit)
        self.code = compiled
        self.fastContext = fast
        self.fullContext = full
        self.jitCompiled = allowJIT && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        self.countedCode = countedCode
        self.countedJIT = Mutex(nil)
        self.allowsJIT = allowJIT
    }

    /// The counted code and whether it runs JIT-compiled, compiling it for the JIT on the first call.
    private func counted() -> (code: OpaquePointer, jit: Bool)? {
        guard let countedCode else { return nil }
        let allowsJIT = allowsJIT
        let jit = countedJIT.withLock { state -> Bool in
            if let known = state { return known }
            let compiled = allowsJIT && pcre2_jit_compile_8(countedCode, UInt32(PCRE2_JIT_COMPLETE)) == 0
            state = compiled
            return compiled
        }
        return (countedCode, jit)
    }

    /// Whether the counted code has been JIT-compiled (or tried): tests use it to see that compiling a
    /// pattern leaves it alone and that a scan over the fast-path limit compiles it.
    var hasPreparedCountedCode: Bool { countedJIT.withLock { $0 != nil } }

    /// Checks that `pattern` compiles, without keeping or JIT-compiling it: the same errors, at the same
    /// offsets, as `init` would throw, for a fraction of the cost (JIT compilation is most of it), so a
    /// loader can report bad patterns first and compile the good ones later, or on another thread.
    public static func validate(_ pattern: RegexPattern) throws(RegexCompileError) {
        switch compile(Array(pattern.pattern.utf8), flags: compileFlags(pattern.options)) {
        case .success(let code): pcre2_code_free_8(code)
        case .failure(let error): throw error
        }
    }

    /// Compiles `pattern` (see `init(pattern:options:limits:)`).
    public convenience init(_ pattern: RegexPattern, limits: RegexLimits = .default) throws(RegexCompileError) {
        try self.init(pattern: pattern.pattern, options: pattern.options, limits: limits)
    }

    private static func compileFlags(_ options: RegexOptions) -> UInt32 {
        var flags = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF) | UInt32(PCRE2_NEVER_BACKSLASH_C)
        if options.contains(.caseless) { flags |= UInt32(PCRE2_CASELESS) }
        if options.contains(.multiline) { flags |= UInt32(PCRE2_MULTILINE) }
        if options.contains(.dotAll) { flags |= UInt32(PCRE2_DOTALL) }
        if options.contains(.extended) { flags |= UInt32(PCRE2_EXTENDED) }
        return flags
    }

    private static func compile(_ utf8: [UInt8], flags: UInt32) -> Result<OpaquePointer, RegexCompileError> {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled: OpaquePointer? = utf8.withUnsafeBufferPointer { buffer in
            // A non-nil pointer is required even for the empty pattern.
            withUnsafePointer(to: UInt8(0)) { empty in
                pcre2_compile_8(buffer.baseAddress ?? empty, buffer.count, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            let byteOffset = min(errorOffset, utf8.count)
            let scalarOffset = utf8[0..<byteOffset].reduce(0) { count, byte in
                count + (byte & 0xC0 == 0x80 ? 0 : 1)
            }
            return .failure(RegexCompileError(
                message: pcre2Message(for: errorCode), byteOffset: byteOffset, scalarOffset: scalarOffset))
        }
        return .success(compiled)
    }

    deinit {
        pcre2_match_context_free_8(fastContext)
        pcre2_match_context_free_8(fullContext)
        pcre2_code_free_8(code)
        if let countedCode { pcre2_code_free_8(countedCode) }
    }

    /// All non-overlapping matches in `bytes`, left to right, at most `maxMatches`.
    ///
    /// Follows Perl's iteration rules: after an empty match at offset *p* the
    /// next match may not be empty at *p*, so the search moves on by whole
    /// Unicode scalars (never into the middle of a UTF-8 sequence). `bytes`
    /// should be valid UTF-8; invalid sequences never match.
    ///
    /// - Parameters:
    ///   - bytes: The subject; byte ranges in the result index into it.
    ///   - maxMatches: Stop after this many matches; ``RegexScan/truncated`` tells
    ///     whether another match followed. Must not be negative.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, maxMatches: Int = 1000) -> RegexScan {
        scan(bytes, maxMatches: maxMatches, using: RegexMatchData())
    }

    /// The same as ``scan(_:maxMatches:)``, reusing caller-owned match data (one allocation for many scans).
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, maxMatches: Int = 1000, using matchData: RegexMatchData) -> RegexScan {
        scan(bytes, maxMatches: maxMatches, using: matchData, checkTruncation: true)
    }

    /// Whether `bytes` contains a match, stopping at the first (no search for a second one); a limit
    /// failure is returned with `found == false`.
    public func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, using matchData: RegexMatchData) -> (found: Bool, failure: RegexMatchFailure?) {
        let result = scan(bytes, maxMatches: 1, using: matchData, checkTruncation: false)
        return (!result.ranges.isEmpty, result.failure)
    }

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, maxMatches: Int, using matchData: RegexMatchData, checkTruncation: Bool
    ) -> RegexScan {
        precondition(maxMatches >= 0, "maxMatches must not be negative")
        let fast = scan(
            bytes, maxMatches: maxMatches, code: code, jit: jitCompiled, context: fastContext, matchData: matchData.pointer,
            checkTruncation: checkTruncation)
        guard fast.failure == .matchLimitExceeded, let counted = counted(),
            let context = pcre2_match_context_copy_8(fullContext)
        else { return fast }
        // Some position needed more than the fast-path limit: redo the scan counting every step.
        defer { pcre2_match_context_free_8(context) }
        let budget = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        defer { budget.deallocate() }
        budget.initialize(to: limits.scanStepBudget)
        pcre2_set_callout_8(context, countStep, budget)
        var result = scan(
            bytes, maxMatches: maxMatches, code: counted.code, jit: counted.jit, context: context, matchData: matchData.pointer,
            checkTruncation: checkTruncation)
        if case .other(let code, _)? = result.failure, code == PCRE2_ERROR_CALLOUT { result.failure = .scanBudgetExceeded }
        return result
    }

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, maxMatches: Int, code: OpaquePointer, jit: Bool, context: OpaquePointer,
        matchData: OpaquePointer, checkTruncation: Bool
    ) -> RegexScan {
        var scan = RegexScan()
        // Only group 0 is read: with a one-pair ovector PCRE2 returns 0 ("ovector too small") for a
        // pattern with groups, and still fills in the whole match.
        let ovector = pcre2_get_ovector_pointer_8(matchData)!

        withUnsafePointer(to: UInt8(0)) { empty in
            let subject = bytes.baseAddress ?? empty
            let length = bytes.count
            var start = 0
            var flags: UInt32 = 0
            while start <= length {
                let rc = jit
                    ? pcre2_jit_match_8(code, subject, length, start, flags, matchData, context)
                    : pcre2_match_8(code, subject, length, start, flags, matchData, context)
                if rc == PCRE2_ERROR_NOMATCH { break }
                if rc < 0 {
                    scan.failure = Self.failure(for: rc)
                    break
                }
                if scan.ranges.count == maxMatches {
                    scan.truncated = true
                    break
                }
                // With \K inside a lookaround the end could precede the start; clamp.
                let lower = ovector[0]
                let upper = max(ovector[0], ovector[1])
                scan.ranges.append(lower..<upper)
                // Without the truncation check there is no need to look for one more match.
                if !checkTruncation, scan.ranges.count == maxMatches { break }
                if upper > lower {
                    start = upper
                    flags = 0
                } else {
                    // Retry at the same offset but forbid another empty match there;
                    // PCRE2 itself then advances scalar by scalar.
                    start = upper
                    flags = UInt32(PCRE2_NOTEMPTY_ATSTART)
                }
            }
        }
        return scan
    }

    /// All non-overlapping matches in `bytes`; see the pointer-based overload.
    public func scan(_ bytes: [UInt8], maxMatches: Int = 1000) -> RegexScan {
        bytes.withUnsafeBufferPointer { scan($0, maxMatches: maxMatches) }
    }

    /// All non-overlapping matches in the UTF-8 encoding of `text`.
    public func scan(_ text: String, maxMatches: Int = 1000) -> RegexScan {
        var text = text
        return text.withUTF8 { scan($0, maxMatches: maxMatches) }
    }

    /// The byte range of the leftmost match, or `nil` if there is none or a
    /// limit was hit before one was found.
    public func firstMatch(_ bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { scan($0, maxMatches: 1, using: RegexMatchData(), checkTruncation: false) }.ranges.first
    }

    /// Whether `bytes` contains a match (a limit failure counts as no match).
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstMatch(in: bytes, using: RegexMatchData()).found
    }

    private static func failure(for rc: Int32) -> RegexMatchFailure {
        switch rc {
        case PCRE2_ERROR_MATCHLIMIT: .matchLimitExceeded
        case PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_JIT_STACKLIMIT: .depthLimitExceeded
        default: .other(code: rc, message: pcre2Message(for: rc))
        }
    }
}

/// The auto-callout handler of counted scans: one call per pattern item reached; abandons the match
/// (PCRE2 then returns `PCRE2_ERROR_CALLOUT`) once the scan's step budget is used up.
private func countStep(_ block: UnsafeMutablePointer<pcre2_callout_block_8>?, _ data: UnsafeMutableRawPointer?) -> Int32 {
    guard let budget = data?.assumingMemoryBound(to: Int.self) else { return 0 }
    budget.pointee -= 1
    return budget.pointee < 0 ? PCRE2_ERROR_CALLOUT : 0
}
