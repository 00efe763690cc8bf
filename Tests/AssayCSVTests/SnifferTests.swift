import Testing

@testable import AssayCSV

@Suite("Delimiter sniffing")
struct SnifferTests {
    private func sniff(_ text: String) -> UInt8 { CSVSniffer.delimiter(forSample: Array(text.utf8)) }

    @Test("a comma file is recognised even when quoted fields hold semicolons and tabs")
    func comma() {
        #expect(sniff("Handle,Title,Body (HTML)\nh1,\"a; b\tc\",\"<p>x;y</p>\"\nh2,T,B\n") == 0x2C)
    }

    @Test("a semicolon file with decimal commas is recognised as semicolon-delimited")
    func semicolonWithDecimalCommas() {
        #expect(sniff("Name;Preis;Gewicht\nTasse;1,50;0,3\nTeller;2,00;1\nGlas;3;0,25\n") == 0x3B)
    }

    @Test("a tab-separated file is recognised, and commas inside its fields do not mislead")
    func tab() {
        #expect(sniff("item_sku\titem_name\tbrand_name\nA-1\tShirt, blue\tAcme\nA-2\tMug\tAcme\n") == 0x09)
    }

    @Test("delimiters inside a quoted field spanning lines do not count, and a BOM is ignored")
    func multiLineQuotes() {
        let sample: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\n1;\"x,y\nz,w,v\"\n2;3\n".utf8)
        #expect(CSVSniffer.delimiter(forSample: sample) == 0x3B)
    }

    @Test("a truncated last row in the sample is ignored")
    func truncatedLastRow() {
        #expect(sniff("a;b;c\n1;2;3\n4;5,6,7,8,9,10") == 0x3B)
    }

    @Test("with no candidate at all, or an empty sample, the answer is a comma")
    func fallback() {
        #expect(sniff("") == 0x2C)
        #expect(sniff("single column\nvalue\n") == 0x2C)
    }

    @Test("with no consistent candidate, the one agreeing with the header on most rows wins")
    func inconsistent() {
        #expect(sniff("a;b;c\n1;2;3\n4;5\n6;7;8\nx,y\n") == 0x3B)
    }
}
