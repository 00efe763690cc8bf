import Testing

@testable import AssayXML

@Suite("HTML visible and hidden text")
struct HTMLTextTests {
    @Test("inline text is concatenated like a browser; blocks are separated by one newline")
    func visibleLayout() {
        let html = "<p>Hello   <b>wor</b>ld\n and\tmore</p><div>Second<br>line</div><ul><li>a</li><li>b</li></ul>"
        #expect(HTMLText.extract(html).visible == "Hello world and more\nSecond\nline\na\nb")
    }

    @Test("table cells are separated by a space and rows by a newline")
    func tables() {
        let html = "<table><tr><td>Size</td><td>XL</td></tr><tr><th>颜色</th><td>红</td></tr></table>"
        #expect(HTMLText.extract(html).visible == "Size XL\n颜色 红")
    }

    @Test("script, style, noscript, template and head contribute no visible text")
    func unrenderedElements() {
        let html = """
            <html><head><title>Page title</title><style>p{color:red}</style></head><body>
            <p>Shown</p><script>var cure = "cancer";</script><noscript>No JS</noscript>
            <template><p>later</p></template></body></html>
            """
        let text = HTMLText.extract(html)
        #expect(text.visible == "Shown")
        #expect(text.hidden.isEmpty)
    }

    @Test("entities decode: &nbsp; to U+00A0, &#x6700; to 最, &amp; to &")
    func entities() {
        let text = HTMLText.extract("<p>A&nbsp;B &#x6700;好 &amp; &lt;ok&gt; &#26368;</p>")
        #expect(text.visible == "A\u{00A0}B 最好 & <ok> 最")
    }

    @Test("a <meta charset> inside the fragment cannot switch the encoding away from UTF-8")
    func forcedUTF8() {
        let text = HTMLText.extract(#"<meta charset="iso-8859-1"><p>降噪 café</p>"#)
        #expect(text.visible == "降噪 café")
    }

    @Test("alt and title attributes are hidden text, one entry per occurrence")
    func altAndTitle() {
        let html =
            #"<p title="tip one">Buy <img src="x.jpg" alt="治愈 癌症"><a href="/p" title="  tip   two ">now</a><img alt=""></p>"#
        let text = HTMLText.extract(html)
        #expect(text.visible == "Buy now")
        #expect(
            text.hidden == [
                .init(kind: .titleAttribute, text: "tip one"),
                .init(kind: .altAttribute, text: "治愈 癌症"),
                .init(kind: .titleAttribute, text: "tip two"),
            ])
    }

    @Test("elements hidden by the hidden attribute or inline style are hidden text, not visible")
    func hiddenElements() {
        let html = """
            <p>Visible</p>
            <div hidden>by attribute</div>
            <div style="display:none">display none</div>
            <span style="Visibility : Hidden !important">visibility</span>
            <p style="color:red; FONT-SIZE: 0px">font size</p>
            <p style="opacity:0.0">opacity</p>
            <p style="opacity:0.5;font-size:12px">half visible</p>
            <div style="display: none"><p>outer <span hidden>inner</span></p><script>x</script></div>
            """
        let text = HTMLText.extract(html)
        #expect(text.visible == "Visible\nhalf visible")
        #expect(
            text.hidden.map(\.text) == [
                "by attribute", "display none", "visibility", "font size", "opacity", "outer inner",
            ])
        #expect(text.hidden.allSatisfy { $0.kind == .hiddenElement })
    }

    @Test("each comment is hidden text")
    func comments() {
        let text = HTMLText.extract("<p>Shown<!-- best price guaranteed --></p><!--second-->")
        #expect(text.visible == "Shown")
        #expect(
            text.hidden == [
                .init(kind: .comment, text: "best price guaranteed"), .init(kind: .comment, text: "second"),
            ])
    }

    @Test("hidden kinds have stable raw values")
    func kindRawValues() {
        #expect(HTMLText.HiddenKind.altAttribute.rawValue == "alt")
        #expect(HTMLText.HiddenKind.titleAttribute.rawValue == "title")
        #expect(HTMLText.HiddenKind.hiddenElement.rawValue == "hidden-element")
        #expect(HTMLText.HiddenKind.comment.rawValue == "comment")
    }

    @Test("plain text and empty input come back as they are (whitespace collapsed)")
    func plainText() {
        #expect(HTMLText.extract("") == HTMLText(visible: "", hidden: []))
        #expect(HTMLText.extract("  just   text  ").visible == "just text")
        #expect(HTMLText.extract("5 < 6 & 7 > 3").visible == "5 < 6 & 7 > 3")
    }

    @Test("100,000 nested <div> elements do not crash")
    func deepNesting() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        #expect(HTMLText.extract(html).visible.contains("deep"))
        let unclosed = String(repeating: "<span><b>", count: depth) + "x"
        _ = HTMLText.extract(unclosed)
    }

    @Test("random bytes and tag soup never crash")
    func garbage() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("<>/=\"'&#;!-abcdiv p br 最\u{0}\n".utf8)
        for round in 0..<300 {
            let count = Int.random(in: 0...3000, using: &generator)
            let bytes: [UInt8] = (0..<count).map { _ in
                round.isMultiple(of: 2)
                    ? UInt8.random(in: 0...255, using: &generator)
                    : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            _ = HTMLText.extract(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test("looksLikeHTML spots tags, closing tags, comments and entities but not plain text")
    func sniffing() {
        for html in [
            "<p>x</p>", "a<br>b", "a<br/>b", "<BR>", "<div class=\"x\">", "<img src=x>", "x</span>", "<!-- c -->",
            "Tom &amp; Jerry", "A&nbsp;B", "&#x6700;", "&#233;",
        ] {
            #expect(HTMLText.looksLikeHTML(html), "\(html)")
        }
        for plain in ["5 < 6", "Tom & Jerry", "a<b", "<3 love", "AT&T", "x &# y;", "email <me@x.com>", "", "降噪耳机"] {
            #expect(!HTMLText.looksLikeHTML(plain), "\(plain)")
        }
    }
}
