internal import CLibXML2

/// The libxml2 SAX2 callbacks that feed a ``FeedAssembler``.
///
/// The push parser builds no tree: memory stays flat however large the feed.
/// The DOCTYPE callbacks refuse any document that declares entities or names
/// an external DTD, before a single element is reported, and no entity
/// resolver is installed at all, so no entity is ever expanded or loaded.
final class FeedParserSession {
    // The session is confined to one thread and no callback re-enters another,
    // so the per-access dynamic exclusivity checks (a fifth of the run time on
    // large feeds) are switched off for these hot properties.

    /// Builds items and errors from the callbacks.
    @exclusivity(unchecked) var assembler = FeedAssembler()
    /// Set right after the push parser is created; callbacks only run later.
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    /// Errors were reported since the last callback (see `assay_ctxt_restore_utf8`).
    @exclusivity(unchecked) var sawError = false

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> FeedParserSession? {
        guard let pointer else { return nil }
        return Unmanaged<FeedParserSession>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Called at the top of each content callback.
    @inline(__always)
    func prepareCallback() {
        if sawError {
            sawError = false
            assay_ctxt_restore_utf8(context)
        }
    }

    func reject() {
        assembler.reject(line: Int(assay_ctxt_line(context)))
        if let context { xmlStopParser(context) }
    }

    /// The structured error handler shared by the parser and libxml2's I/O layer.
    static var errorHandler: xmlStructuredErrorFunc {
        { userData, error in
            guard let session = FeedParserSession.from(userData), let error else { return }
            session.sawError = true
            if assay_error_is_warning(error) != 0 { return }
            let domain = UInt32(bitPattern: error.pointee.domain)
            // I/O failures surface as a failed read, reported by the reader itself.
            if domain == XML_FROM_IO.rawValue { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
            while let last = message.unicodeScalars.last, last == "\n" || last == " " {
                message.unicodeScalars.removeLast()
            }
            message = message.split(separator: "\n").joined(separator: " ")
            var line = Int(error.pointee.line)
            if line <= 0 { line = Int(assay_ctxt_line(session.context)) }
            let column = error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil
            let kind: FeedAssembler.ErrorKind =
                if domain == XML_FROM_NAMESPACE.rawValue {
                    .namespace
                } else if UInt32(bitPattern: error.pointee.code) == XML_ERR_TAG_NAME_MISMATCH.rawValue {
                    .tagMismatch
                } else {
                    .content
                }
            session.assembler.error(FeedError(line: line, column: column, message: message), kind: kind)
        }
    }

    /// A SAX2 handler with the feed callbacks installed.
    static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        assay_sax2_handler_init(&sax)
        sax.serror = errorHandler
        sax.startElementNs = { userData, local, prefix, uri, _, _, attributeCount, _, attributes in
            guard let session = FeedParserSession.from(userData), let local else { return }
            session.prepareCallback()
            let google = uri.map { XMLBytes.equals($0, "http://base.google.com/ns/1.0") } ?? false
            let line = Int(assay_ctxt_tag_start_line(session.context))
            session.assembler.startElement(local: local, prefix: prefix, google: google, line: line) {
                guard let attributes else { return nil }
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let name = attributes[base], attributes[base + 1] == nil,
                        XMLBytes.equals(name, "href"),
                        let start = attributes[base + 3], let end = attributes[base + 4]
                    else { continue }
                    return XMLBytes.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
                }
                return nil
            }
        }
        sax.endElementNs = { userData, _, _, _ in
            guard let session = FeedParserSession.from(userData) else { return }
            session.prepareCallback()
            session.assembler.endElement()
        }
        let text: charactersSAXFunc = { userData, bytes, length in
            guard let session = FeedParserSession.from(userData), let bytes, length > 0 else { return }
            session.prepareCallback()
            session.assembler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.characters = text
        sax.ignorableWhitespace = text
        sax.cdataBlock = text
        sax.internalSubset = { userData, _, externalID, systemID in
            guard externalID != nil || systemID != nil else { return }
            FeedParserSession.from(userData)?.reject()
        }
        sax.externalSubset = { userData, _, externalID, systemID in
            guard externalID != nil || systemID != nil else { return }
            FeedParserSession.from(userData)?.reject()
        }
        sax.entityDecl = { userData, _, _, _, _, _ in
            FeedParserSession.from(userData)?.reject()
        }
        sax.unparsedEntityDecl = { userData, _, _, _, _ in
            FeedParserSession.from(userData)?.reject()
        }
        return sax
    }
}
