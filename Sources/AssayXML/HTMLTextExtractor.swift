internal import CLibXML2

/// Runs libxml2's HTML parser in SAX mode over a fragment and sorts its text
/// into visible and hidden. No tree is built: nesting depth is unlimited
/// (100,000 nested elements are fine) and the parser's own recovery decides
/// where implied end tags fall.
final class HTMLTextExtractor {
    private struct OpenElement {
        var name: String
        var role: HTMLElementRole
        var startedUnrendered: Bool
        var startedHidden: Bool
    }

    private var visible = TextCollector()
    private var hidden: [HTMLText.Hidden] = []
    private var open: [OpenElement] = []
    private var unrenderedDepth = 0
    /// The text of the outermost hidden element being read, if any.
    private var hiddenText: TextCollector?

    static func extract(_ html: String) -> HTMLText {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return HTMLText(visible: "", hidden: []) }
        if bytes.count > Int(Int32.max) { bytes.removeLast(bytes.count - Int(Int32.max)) }
        let extractor = HTMLTextExtractor()
        var sax = makeHandler()
        LibXML2Runtime.silenced {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    _ = assay_html_sax_parse(
                        chars.baseAddress, Int32(chars.count), &sax, Unmanaged.passUnretained(extractor).toOpaque())
                }
            }
        }
        extractor.finish()
        return HTMLText(visible: extractor.visible.text, hidden: extractor.hidden)
    }

    private static func from(_ pointer: UnsafeMutableRawPointer?) -> HTMLTextExtractor? {
        guard let pointer else { return nil }
        return Unmanaged<HTMLTextExtractor>.fromOpaque(pointer).takeUnretainedValue()
    }

    private static func makeHandler() -> htmlSAXHandler {
        var sax = htmlSAXHandler()
        assay_sax2_handler_init(&sax)
        sax.serror = { _, _ in }
        sax.startElement = { userData, name, attributes in
            guard let extractor = HTMLTextExtractor.from(userData), let name else { return }
            extractor.startElement(name: String(cString: name), attributes: attributes)
        }
        sax.endElement = { userData, name in
            guard let extractor = HTMLTextExtractor.from(userData), let name else { return }
            extractor.endElement(name: String(cString: name))
        }
        let text: charactersSAXFunc = { userData, bytes, length in
            guard let extractor = HTMLTextExtractor.from(userData), let bytes, length > 0 else { return }
            extractor.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.characters = text
        sax.ignorableWhitespace = text
        sax.cdataBlock = text
        sax.comment = { userData, value in
            guard let extractor = HTMLTextExtractor.from(userData), let value else { return }
            extractor.addHidden(.comment, UnsafeBufferPointer(start: value, count: strlen(value)))
        }
        return sax
    }

    // MARK: Elements

    /// `attributes` is libxml2's NULL-terminated name/value list (a value may be NULL).
    private func startElement(name: String, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let role = HTMLElementRole(name: name)
        var hiddenByMarkup = false
        if let attributes {
            var index = 0
            while let attributeName = attributes[index] {
                let value = attributes[index + 1]
                index += 2
                if XMLBytes.equals(attributeName, "alt") {
                    addHidden(.altAttribute, value)
                } else if XMLBytes.equals(attributeName, "title") {
                    addHidden(.titleAttribute, value)
                } else if XMLBytes.equals(attributeName, "hidden") {
                    hiddenByMarkup = true
                } else if XMLBytes.equals(attributeName, "style"), let value,
                    HTMLStyleVisibility.hides(style: String(cString: value))
                {
                    hiddenByMarkup = true
                }
            }
        }
        boundary(role)
        var frame = OpenElement(name: name, role: role, startedUnrendered: false, startedHidden: false)
        if role == .unrendered {
            unrenderedDepth += 1
            frame.startedUnrendered = true
        } else if hiddenByMarkup && hiddenText == nil && unrenderedDepth == 0 {
            hiddenText = TextCollector()
            frame.startedHidden = true
        }
        open.append(frame)
    }

    /// Closes `name` and anything left open inside it; an end tag that matches
    /// nothing open is ignored.
    private func endElement(name: String) {
        guard let index = open.lastIndex(where: { $0.name == name }) else { return }
        while open.count > index { leave() }
    }

    private func finish() {
        while !open.isEmpty { leave() }
    }

    private func leave() {
        guard let frame = open.popLast() else { return }
        if frame.startedUnrendered { unrenderedDepth -= 1 }
        boundary(frame.role)
        if frame.startedHidden, let collected = hiddenText {
            hiddenText = nil
            if !collected.isEmpty { hidden.append(HTMLText.Hidden(kind: .hiddenElement, text: collected.text)) }
        }
    }

    /// Block and cell elements separate the text around them.
    private func boundary(_ role: HTMLElementRole) {
        guard unrenderedDepth == 0 else { return }
        switch role {
        case .block:
            if hiddenText != nil { hiddenText?.lineBreak() } else { visible.lineBreak() }
        case .cell:
            if hiddenText != nil { hiddenText?.space() } else { visible.space() }
        case .inline, .unrendered:
            break
        }
    }

    // MARK: Text

    private func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard unrenderedDepth == 0 else { return }
        if hiddenText != nil {
            hiddenText?.append(bytes)
        } else {
            visible.append(bytes)
        }
    }

    private func addHidden(_ kind: HTMLText.HiddenKind, _ value: UnsafePointer<xmlChar>?) {
        guard let value else { return }
        addHidden(kind, UnsafeBufferPointer(start: value, count: strlen(value)))
    }

    private func addHidden(_ kind: HTMLText.HiddenKind, _ bytes: UnsafeBufferPointer<UInt8>) {
        var collector = TextCollector()
        collector.append(bytes)
        guard !collector.isEmpty else { return }
        hidden.append(HTMLText.Hidden(kind: kind, text: collector.text))
    }
}
