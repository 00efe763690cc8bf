internal import CLibXML2

/// Process-wide libxml2 set-up and the per-thread error-handler discipline.
///
/// libxml2 keeps its error handlers per OS thread, so every parse installs its
/// handler, parses, and restores the previous one within one synchronous
/// stretch (no `await` in between). Nothing is ever printed to stderr.
enum LibXML2Runtime {
    private static let initialized: Void = { xmlInitParser() }()

    /// Initialises libxml2 once per process (thread-safe).
    static func ensureInitialized() { _ = initialized }

    /// Runs `body` with every libxml2 error raised on this thread routed to
    /// `handler(context, error)`, then puts the thread's previous handlers back.
    static func withErrorHandler<T>(
        context: UnsafeMutableRawPointer?,
        handler: xmlStructuredErrorFunc,
        _ body: () throws -> T
    ) rethrows -> T {
        ensureInitialized()
        let saved = assay_install_error_handlers(context, handler)
        defer { assay_restore_error_handlers(saved) }
        return try body()
    }

    /// Runs `body` with libxml2's errors on this thread silently discarded.
    static func silenced<T>(_ body: () throws -> T) rethrows -> T {
        try withErrorHandler(context: nil, handler: { _, _ in }, body)
    }
}
