import AssayText
import Testing

@Suite("Case folding")
struct CaseFoldingTests {
    @Test("ASCII letters fold to lowercase and keep one byte per scalar")
    func ascii() {
        let normalized = TestSupport.normalizer.normalize("Best SELLER")
        #expect(String(decoding: normalized.bytes, as: UTF8.self) == "best seller")
        #expect(normalized.sourceScalar == (0..<11).map { Int32($0) })
    }

    @Test("non-ASCII letters fold by their Unicode lowercase mapping")
    func unicode() {
        #expect(TestSupport.normalized("ÉCOLE Ärger ŁÓDŹ") == "école ärger łódź")
        #expect(TestSupport.normalized("ΣΩΛ ДЖЛ") == "σωλ джл")
    }

    @Test("vocabulary terms are folded the same way as text")
    func termsMeetText() {
        #expect(TestSupport.originalSpellings(of: "Best Seller", in: "the BEST SELLER here") == ["BEST SELLER"])
    }
}
