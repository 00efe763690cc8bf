import AssayText
import Testing

@Suite("Traditional to Simplified")
struct TraditionalToSimplifiedTests {
    @Test(
        "Traditional characters that vocabularies use fold to Simplified",
        arguments: [
            ("國", "国"), ("級", "级"), ("療", "疗"), ("癒", "愈"), ("藥", "药"), ("瘦", "瘦"), ("體", "体"), ("單", "单"),
            ("復", "复"), ("製", "制"), ("廣", "广"), ("告", "告"), ("產", "产"), ("貨", "货"), ("號", "号"), ("愛", "爱"),
            ("馬", "马"), ("錶", "表"), ("乾", "干"),
        ] as [(String, String)]
    )
    func pairs(traditional: String, simplified: String) {
        #expect(TestSupport.normalized(traditional) == simplified)
    }

    @Test("\"國家級\" matches the Simplified term and spans the Traditional original")
    func nationalLevel() {
        #expect(TestSupport.originalSpellings(of: "国家级", in: "本品為國家級產品") == ["國家級"])
    }

    @Test("characters OpenCC treats as already Simplified are left alone")
    func alreadySimplified() {
        #expect(TestSupport.normalized("么像沈瞭覆藉") == "么像沈瞭覆藉")
    }

    @Test("the table is idempotent: normalising Simplified output again changes nothing")
    func idempotent() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0x4E00)...UInt32(0x9FFF) { all.append(Unicode.Scalar(v)!) }
        let once = TestSupport.normalized(String(all))
        #expect(TestSupport.normalized(once) == once)
    }
}
