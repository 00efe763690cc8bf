import Testing

@testable import AssayCSV

@Suite("Real export layouts")
struct ExportLayoutTests {
    static let shopify = #"""
        Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Compare At Price,Image Src,Status
        silk-scarf,"Silk Scarf, 100% Mulberry","<p class=""lead"">The <strong>best</strong> scarf, hand-rolled.</p>
        <ul>
          <li>Size: 90 x 90 cm</li>
          <li>Care: dry clean, ""cool"" iron</li>
        </ul>",Maison Lune,Apparel & Accessories > Scarves,Scarf,"silk, gift",true,Color,Red,SS-RED,49.00,79.00,https://cdn.example.com/red.jpg,active
        silk-scarf,,,,,,,,,Blue,SS-BLUE,49.00,79.00,https://cdn.example.com/blue.jpg,
        silk-scarf,,,,,,,,,Green,SS-GRN,52.00,,,
        tea-set,功夫茶具套装,"<p>景德镇手工青花瓷，<em>最</em>好的礼物。</p>
        <p>含：茶壶×1，茶杯×6</p>",瓷韵,Home & Garden,茶具,"茶具,礼品",true,Title,Default Title,TEA-01,388.00,,https://cdn.example.com/tea.jpg,active
        """#

    @Test("a Shopify export keeps multi-line HTML with commas and quotes in one field, and variant rows follow")
    func shopifyExport() {
        let events = events(Self.shopify + "\n")
        #expect(errors(events).isEmpty)
        let result = rows(events)
        #expect(result.count == 5)
        let header = result[0].fields
        #expect(header.count == 15)
        #expect(header[2] == "Body (HTML)")
        #expect(header[11] == "Variant Price")

        let scarf = result[1]
        #expect(scarf.line == 2)
        #expect(scarf.fields.count == 15)
        #expect(scarf.fields[1] == "Silk Scarf, 100% Mulberry")
        #expect(
            scarf.fields[2] == """
                <p class="lead">The <strong>best</strong> scarf, hand-rolled.</p>
                <ul>
                  <li>Size: 90 x 90 cm</li>
                  <li>Care: dry clean, "cool" iron</li>
                </ul>
                """)
        #expect(scarf.fields[3] == "Maison Lune")
        #expect(scarf.fields[4] == "Apparel & Accessories > Scarves")
        #expect(scarf.fields[11] == "49.00")
        // Fields after the five-line HTML body start on its last line.
        #expect(scarf.fieldLines[0...2] == [2, 2, 2])
        #expect(scarf.fieldLines[3] == 6)
        #expect(scarf.fieldLines[14] == 6)

        // Variant continuation rows: same Handle, blank Title, own price, full width.
        #expect(result[2].line == 7)
        #expect(result[2].fields.count == 15)
        #expect(result[2].fields[0] == "silk-scarf" && result[2].fields[1].isEmpty)
        #expect(result[2].fields[9] == "Blue" && result[2].fields[11] == "49.00")
        #expect(result[3].line == 8)
        #expect(result[3].fields[11] == "52.00" && result[3].fields[12].isEmpty)

        let tea = result[4]
        #expect(tea.line == 9)
        #expect(tea.fields[1] == "功夫茶具套装")
        #expect(tea.fields[2] == "<p>景德镇手工青花瓷，<em>最</em>好的礼物。</p>\n<p>含：茶壶×1，茶杯×6</p>")
        #expect(tea.fields[6] == "茶具,礼品")
        #expect(tea.fieldLines[3] == 10)
    }

    static let wooCommerce = #"""
        ID,Type,SKU,Name,Published,"Short description",Description,"Regular price","Sale price",Categories,Tags,Images,Parent,"Attribute 1 name","Attribute 1 value(s)"
        101,variable,HOODIE,"Hoodie ""Classic""",1,"Warm, soft, and 100% cotton","<h2>Classic Hoodie</h2><p>Best seller &amp; <b>award-winning</b>.</p>",,,"Clothing > Hoodies, Clothing > Sale","winter, cotton",https://shop.example.com/hoodie.jpg,,Size,"S, M, L"
        102,variation,HOODIE-S,Hoodie - S,1,,,45,39.99,,,,HOODIE,Size,S
        103,variation,HOODIE-M,Hoodie - M,1,,,45,,,,,HOODIE,Size,M
        201,simple,TEA-LJ,明前龙井 特级,1,"杭州西湖产区，""正宗""明前茶","<p>国家级非遗工艺<br/>
        第一批采摘</p>",299,199,"茶叶 > 绿茶 > 龙井",明前,,,,
        """#

    @Test("a WooCommerce export reads nested categories, quoted names and Chinese text")
    func wooCommerceExport() {
        let result = rows(events(Self.wooCommerce))
        #expect(result.count == 5)
        #expect(result.allSatisfy { $0.fields.count == 15 })
        #expect(result[0].fields[5] == "Short description" && result[0].fields[9] == "Categories")
        #expect(result[1].fields[3] == #"Hoodie "Classic""#)
        #expect(result[1].fields[5] == "Warm, soft, and 100% cotton")
        #expect(result[1].fields[9] == "Clothing > Hoodies, Clothing > Sale")
        #expect(result[1].fields[14] == "S, M, L")
        #expect(result[2].fields[8] == "39.99" && result[2].fields[12] == "HOODIE")
        #expect(result[4].line == 5)
        #expect(result[4].fields[3] == "明前龙井 特级")
        #expect(result[4].fields[5] == #"杭州西湖产区，"正宗"明前茶"#)
        #expect(result[4].fields[6] == "<p>国家级非遗工艺<br/>\n第一批采摘</p>")
        #expect(result[4].fields[9] == "茶叶 > 绿茶 > 龙井")
        #expect(result[4].fieldLines[7] == 6)
    }

    @Test("a UTF-8 BOM is stripped and CRLF rows (with CRLF inside quotes) read cleanly")
    func bomAndCRLF() {
        let text = "Handle,Title,Body (HTML)\r\nmask,口罩 KN95,\"<p>第一行</p>\r\n<p>第二行</p>\"\r\nmask,,\r\n"
        let result = rows(Array(CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))))
        #expect(result.map(\.fields) == [
            ["Handle", "Title", "Body (HTML)"],
            ["mask", "口罩 KN95", "<p>第一行</p>\n<p>第二行</p>"],
            ["mask", "", ""],
        ])
        #expect(result.map(\.line) == [1, 2, 4])
        #expect(result[0].fields[0].unicodeScalars.first == "H")
    }

    @Test("a BOM is only stripped at the very start of the input")
    func bomOnlyAtStart() {
        let bytes = Array("a,b\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("c,d\n".utf8)
        #expect(rows(Array(CSVReader(bytes: bytes))).map(\.fields) == [["a", "b"], ["\u{FEFF}c", "d"]])
    }
}
