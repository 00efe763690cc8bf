/// Turns the parser's element/text/error callbacks into ``FeedEvent``s.
///
/// Rules:
/// - an item starts at an `<item>` or `<entry>` element (any depth, any
///   namespace but Google's); an item start inside an open item that already
///   has errors closes the broken one first (this is how the feed
///   resynchronises after a missing end tag, which libxml2's recovery would
///   otherwise nest);
/// - a field is an element inside the item with (trimmed) direct text, or an
///   Atom `link` with an `href`;
/// - an item during which the parser reported an error is replaced by one
///   error (its first, counting the others); errors outside items are
///   reported where they occur;
/// - cascades are folded: after a first error, end-tag mismatches outside
///   items (libxml2's element stack is shifted by the earlier error) are not
///   repeated; namespace errors are reported once per message and do not
///   spoil items; when the input ends mid-document, the errors libxml2 raises
///   over the cut-off tail are replaced by one "input ends …" error.
struct FeedAssembler {
    /// How the parser classified an error.
    enum ErrorKind {
        /// Spoils the item it occurs in.
        case content
        /// An end tag that closed a different element than it named.
        case tagMismatch
        /// A namespace error (e.g. an undeclared `g:` prefix).
        case namespace
    }

    private struct OpenElement {
        var pathID: Int32
        var line: Int
        var order: Int
        var href: String?
    }

    private var events: [FeedEvent] = []
    private var head = 0

    private var paths = FeedPathTable()
    /// Elements nested deeper than this inside one item make the item an input error: no feed needs
    /// them, and unbounded paths would cost memory quadratic in the depth.
    static let maxItemDepth = 64
    /// Elements opened past `maxItemDepth` in the current item (not tracked, only counted).
    private var untracked = 0
    private var depth = 0
    private var inItem = false
    private var itemDepth = 0
    private var itemLine = 0
    private var open: [OpenElement] = []
    private var texts: [[UInt8]] = []
    private var fields: [FeedField] = []
    private var fieldOrders: [Int] = []
    private var nextOrder = 0
    private var fieldsOutOfOrder = false
    private var itemErrors: [FeedError] = []
    private var sawError = false
    private var sawElement = false
    private var reportedNamespaceMessages: Set<String> = []
    /// Marks taken when the final (terminating) parse call starts.
    private var endMarkEvents: Int?
    private var endMarkItemErrors = 0
    private var sawErrorBeforeEnd = false

    /// Set once the document was refused for safety; nothing more is reported.
    private(set) var rejected = false

    // MARK: Event queue

    mutating func popEvent() -> FeedEvent? {
        guard head < events.count else { return nil }
        let event = events[head]
        head += 1
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        }
        return event
    }

    private mutating func emit(_ event: FeedEvent) {
        guard !rejected else { return }
        events.append(event)
    }

    // MARK: Elements

    /// An element starts. `line` is its start tag's line; `href` is looked up
    /// lazily (only for `link` elements inside an item).
    mutating func startElement(
        local: UnsafePointer<UInt8>,
        prefix: UnsafePointer<UInt8>?,
        google: Bool,
        line: Int,
        href: () -> String?
    ) {
        depth += 1
        sawElement = true
        let isItem = !google && (XMLBytes.equals(local, "item") || XMLBytes.equals(local, "entry"))
        if isItem {
            if !inItem {
                beginItem(line: line)
                return
            }
            if !itemErrors.isEmpty {
                // libxml2 recovered from a broken item by leaving it open;
                // close it here so the following items come out on their own.
                finishItem(closed: false)
                beginItem(line: line)
                return
            }
            // A well-formed element named `item` inside an item is just a field.
        }
        guard inItem else { return }
        if open.count >= Self.maxItemDepth {
            if untracked == 0, !itemErrors.contains(where: { $0.message.hasPrefix("elements nested deeper") }) {
                itemErrors.append(FeedError(
                    line: line, column: nil,
                    message: "elements nested deeper than \(Self.maxItemDepth) levels inside an item"))
            }
            untracked += 1
            return
        }
        let parent = open.last?.pathID ?? FeedPathTable.root
        let pathID = paths.path(parent: parent, local: local, prefix: prefix, google: google)
        let link = XMLBytes.equals(local, "link") ? href() : nil
        open.append(OpenElement(pathID: pathID, line: line, order: nextOrder, href: link))
        nextOrder += 1
        if texts.count < open.count {
            texts.append([])
        } else {
            texts[open.count - 1].removeAll(keepingCapacity: true)
        }
    }

    mutating func endElement() {
        defer { depth -= 1 }
        guard inItem else { return }
        if untracked > 0 {
            untracked -= 1
            return
        }
        if depth <= itemDepth {
            finishItem(closed: true)
            return
        }
        guard let element = open.popLast() else { return }
        let value = texts[open.count].withUnsafeBufferPointer(XMLBytes.trimmedString) ?? element.href
        guard let value else { return }
        if let last = fieldOrders.last, last > element.order { fieldsOutOfOrder = true }
        fields.append(FeedField(path: paths.paths[Int(element.pathID)], value: value, line: element.line))
        fieldOrders.append(element.order)
    }

    /// Text or CDATA content (already decoded by the parser).
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inItem, !open.isEmpty else { return }
        texts[open.count - 1].append(contentsOf: bytes)
    }

    // MARK: Items

    private mutating func beginItem(line: Int) {
        if paths.isOversized { paths.reset() }
        inItem = true
        itemDepth = depth
        itemLine = line
        untracked = 0
        open.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        fieldOrders.removeAll(keepingCapacity: true)
        itemErrors.removeAll(keepingCapacity: true)
        nextOrder = 0
        fieldsOutOfOrder = false
    }

    /// Ends the open item: a clean one becomes an `.item`, one with parse
    /// errors becomes those errors. `closed: false` means it was never closed.
    private mutating func finishItem(closed: Bool) {
        inItem = false
        untracked = 0
        open.removeAll(keepingCapacity: true)
        if itemErrors.isEmpty && closed {
            var result = fields
            if fieldsOutOfOrder {
                result = zip(fieldOrders, fields).sorted { $0.0 < $1.0 }.map(\.1)
            }
            emit(.item(FeedItem(line: itemLine, fields: result)))
            return
        }
        if itemErrors.isEmpty {
            itemErrors.append(
                FeedError(line: itemLine, column: nil, message: "item starting here was never closed")
            )
        }
        // One item, one error: the first problem stands for the item (a count of the others is added).
        let first = itemErrors[0]
        let more = itemErrors.count - 1
        emit(.error(more == 0 ? first : FeedError(
            line: first.line, column: first.column,
            message: first.message + " (and \(more) more problem\(more == 1 ? "" : "s") in this item)")))
        itemErrors.removeAll(keepingCapacity: true)
    }

    // MARK: Errors and end of input

    /// A parser or I/O error at the current position.
    mutating func error(_ error: FeedError, kind: ErrorKind = .content) {
        defer { sawError = true }
        switch kind {
        case .namespace:
            if reportedNamespaceMessages.insert(error.message).inserted { emit(.error(error)) }
        case .tagMismatch where !inItem && sawError:
            return
        case .content, .tagMismatch:
            if inItem {
                itemErrors.append(error)
            } else {
                emit(.error(error))
            }
        }
    }

    /// The parser is about to run over the last bytes of input.
    mutating func markEndOfInput() {
        endMarkEvents = events.count
        endMarkItemErrors = itemErrors.count
        sawErrorBeforeEnd = sawError
    }

    /// The document is refused as a whole (entity declarations / external DTD).
    mutating func reject(line: Int) {
        guard !rejected else { return }
        events.removeAll()
        head = 0
        events.append(.error(FeedError(line: line, column: nil, message: FeedError.entityDeclarationsRejected)))
        rejected = true
        inItem = false
        open.removeAll()
        fields.removeAll()
    }

    /// The input is exhausted (the parser has seen the end). `line` is where it stopped.
    mutating func finish(line: Int) {
        guard !rejected else { return }
        let incomplete = inItem || depth > 0 || !sawElement
        var explained = sawError
        if incomplete, let mark = endMarkEvents {
            explained = sawErrorBeforeEnd
            // Errors over a cut-off tail ("expected '>'", "Extra content …") are noise.
            let tail = events[max(mark, head)...].filter {
                if case .error = $0 { return false } else { return true }
            }
            events.removeSubrange(max(mark, head)...)
            events.append(contentsOf: tail)
            if itemErrors.count > endMarkItemErrors { itemErrors.removeSubrange(endMarkItemErrors...) }
        }
        if inItem {
            itemErrors.append(
                FeedError(
                    line: line, column: nil,
                    message: "input ends inside the item that starts on line \(itemLine) (truncated file?)")
            )
            finishItem(closed: false)
        } else if !sawElement {
            if !explained {
                emit(.error(FeedError(line: line, column: nil, message: "the input holds no XML document")))
            }
        } else if depth > 0 && !explained {
            emit(
                .error(
                    FeedError(
                        line: line, column: nil, message: "input ends before the document is closed (truncated file?)"))
            )
        }
    }
}
