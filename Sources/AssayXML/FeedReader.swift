internal import CLibXML2

/// Streams the items of a Google Merchant Center feed (RSS 2.0 `<item>` or
/// Atom `<entry>`, with the `g:` namespace) using libxml2's push parser.
///
/// Memory stays flat for multi-gigabyte feeds: no tree is built, bytes are
/// read 64 KiB at a time, and only the current item is held. `.gz` files (and
/// gzip on standard input) are decompressed transparently.
///
/// Safety: no network access, no DTD loading, no entity substitution. A
/// document whose DOCTYPE declares any entity or names an external DTD is
/// rejected as a whole with one ``FeedError`` (message
/// ``FeedError/entityDeclarationsRejected``) and nothing else.
///
/// Errors: a malformed item yields one `.error` event (the first problem,
/// with the line where the parser noticed it) instead of the item, and
/// reading continues with the next items; a truncated file ends with an
/// error event. A NUL byte, which libxml2 cannot read past, is reported as
/// such an error for the item holding it (libxml2 is handed U+FFFD in its
/// place, so the later items are still read). An input that is empty or only
/// white space (also after decompression) yields no events at all. Nothing is
/// printed.
///
/// Implementation note: this drives libxml2's push parser with SAX2 callbacks
/// (the engine underneath `xmlTextReader`) rather than the reader itself,
/// because tree nodes store line numbers in 16 bits — `xmlGetLineNo` reports
/// 65,535 for every element past that line in libxml2 2.9. Lines here come
/// from the parser's input position, walked back to the tag's `<`.
///
/// Not `Sendable`: use one reader per thread. Each ``next()`` call parses in
/// one synchronous stretch with this thread's libxml2 error handler installed.
public final class FeedReader {
    private static let chunkSize = 64 * 1024

    private let name: String
    private let session = FeedParserSession()
    private var source: FeedSource?
    private var context: xmlParserCtxtPtr?
    private let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: FeedReader.chunkSize)
    private var finished = false
    /// Lines, emptiness and NUL bytes of the bytes on their way to libxml2.
    private var scanner = FeedByteScanner()

    /// Opens the feed at `path`; `-` reads standard input. Gzip-compressed
    /// input is detected by content and decompressed.
    ///
    /// - Throws: ``FeedError`` (line 0) when the path cannot be opened or is a
    ///   directory.
    public convenience init(path: String) throws(FeedError) {
        let source = try FeedSource.opening(path: path)
        self.init(source: source, name: path == "-" ? "<stdin>" : path)
    }

    /// Reads a feed held in memory (`name` is used in libxml2's messages).
    public convenience init(bytes: [UInt8], name: String) {
        self.init(source: .bytes(bytes, offset: 0), name: name)
    }

    private init(source: FeedSource, name: String) {
        self.name = name
        self.source = source
        LibXML2Runtime.ensureInitialized()
        var sax = FeedParserSession.makeHandler()
        let context = LibXML2Runtime.silenced {
            xmlCreatePushParserCtxt(&sax, session.opaque, nil, 0, name)
        }
        guard let context else {
            finished = true
            session.assembler.error(FeedError(line: 0, column: nil, message: "cannot create an XML parser"))
            return
        }
        _ = xmlCtxtUseOptions(context, assay_feed_parse_options())
        self.context = context
        session.context = context
    }

    deinit {
        release()
        chunk.deallocate()
    }

    /// The next item or error in document order; `nil` at the end.
    public func next() -> FeedEvent? {
        while true {
            if let event = session.assembler.popEvent() { return event }
            if finished { return nil }
            LibXML2Runtime.withErrorHandler(context: session.opaque, handler: FeedParserSession.errorHandler) {
                pump()
            }
        }
    }

    /// Reads one chunk and runs the parser over it.
    private func pump() {
        guard let context, var source else {
            finished = true
            return
        }
        let count = source.read(into: chunk, capacity: Self.chunkSize)
        self.source = source
        if count > 0 {
            let session = self.session
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(chunk).assumingMemoryBound(to: UInt8.self), count: count)
            scanner.scan(bytes) { run in
                run.withMemoryRebound(to: CChar.self) { _ = xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
            } nul: { line, column in
                session.assembler.error(FeedError(line: line, column: column, message: FeedError.nulByte))
            }
        } else {
            if count == 0, !scanner.sawContent {
                // An empty input (or only white space, e.g. a gzip of an empty file) holds no items.
                finished = true
                release()
                return
            }
            if count < 0 {
                session.assembler.error(
                    FeedError(
                        line: Int(assay_ctxt_line(context)), column: nil,
                        message: "read error in '\(name)': the compressed input is corrupt or truncated"))
            }
            session.assembler.markEndOfInput()
            _ = xmlParseChunk(context, nil, 0, 1)
            session.assembler.finish(line: Int(assay_ctxt_line(context)))
            finished = true
        }
        if session.assembler.rejected { finished = true }
        if finished { release() }
    }

    private func release() {
        if let context {
            session.context = nil
            assay_xml_free_parser(context)
            self.context = nil
        }
        source?.release()
        source = nil
    }
}
