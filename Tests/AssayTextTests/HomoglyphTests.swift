import AssayText
import Testing

@Suite("Homoglyphs")
struct HomoglyphTests {
    @Test("a Cyrillic С in \"Сhanel\" folds to Latin c and the match spans the original spelling")
    func cyrillicBrand() {
        #expect(TestSupport.normalized("Сhanel") == "chanel")
        #expect(TestSupport.originalSpellings(of: "chanel", in: "正品Сhanel包") == ["Сhanel"])
    }

    @Test("Cyrillic look-alikes fold to Latin lowercase")
    func cyrillic() {
        #expect(TestSupport.normalized("аеорсхуіѕјԁкмнтв") == "aeopcxyisjdkmhtb")
        #expect(TestSupport.normalized("АВЕКМНОРСТХУІЅЈ") == "abekmhopctxyisj")
    }

    @Test("Greek look-alikes fold to Latin lowercase")
    func greek() {
        #expect(TestSupport.normalized("οανρτικ") == "oavptik")
        #expect(TestSupport.normalized("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ") == "abezhikmnoptyx")
    }

    @Test("a brand spelled with mixed Greek and Cyrillic capitals still matches")
    func mixedScripts() {
        #expect(TestSupport.originalSpellings(of: "nike", in: "ΝІΚΕ air") == ["ΝІΚΕ"])
    }
}
