import Testing

@testable import AssayValidators

@Suite("PRC resident ID")
struct PRCResidentIDTests {
    /// Generated with python-stdnum 2.2 (`stdnum.cn.ric.is_valid` → True), real county codes.
    static let stdnumValid = [
        "522729199301288999", "522728192811289504", "513325199211279935", "522636197907241422",
        "532501200301105654", "310106200611029439", "513424191911279277", "510121198310308152",
        "433122198704248622", "52262319350616733X", "310105196705052474", "513330199908241794",
        "522324198912148970", "542521195703019218", "652925191403027974", "340421194406213891",
        "65232719690316285X", "31010519690509410X", "110105200002291235",
    ]
    /// `stdnum.cn.ric.is_valid` → False: wrong check character, or impossible birth date.
    static let stdnumInvalid = [
        "522729199301288997", "522728192811289502", "513325199211279936", "522636197907241423",
        "532501200301105652", "31010620061102943X", "513424191911279279", "510121198310308156",
        "433122198704248627", "522623193506167335", "110105199902291235", "110105190002291239",
        "110105202302301238", "110105198513011231", "110105198504311232",
    ]

    @Test("the DOMAIN.md example with check character X is valid and its altered twin is not")
    func domainExamples() {
        #expect(PRCResidentID.isValid("11010519491231002X"))
        #expect(PRCResidentID.isValid("11010519491231002x"))
        #expect(!PRCResidentID.isValid("110105194912310021"))
    }

    @Test("numbers python-stdnum accepts are valid", arguments: stdnumValid)
    func oracleValid(number: String) {
        #expect(PRCResidentID.isValid(number))
        #expect(Validator.prcResidentID.isValid(number))
    }

    @Test("numbers python-stdnum rejects are invalid", arguments: stdnumInvalid)
    func oracleInvalid(number: String) {
        #expect(!PRCResidentID.isValid(number))
    }

    @Test("2月29日 is a birth date only in leap years")
    func februaryTwentyNinth() {
        #expect(PRCResidentID.isValid("110105200002291235"))  // 2000 is a leap year
        for check in "0123456789X" {
            #expect(!PRCResidentID.isValid("11010519990229123\(check)"))  // 1999 is not, any check char
            #expect(!PRCResidentID.isValid("11010519000229123\(check)"))  // 1900 is not (century rule)
        }
    }

    @Test("a birth date after today is invalid even with a correct check character")
    func futureBirthDate() throws {
        let today = try #require(CalendarDate(year: 2024, month: 6, day: 1))
        let body = "11010520240602123"
        let number = body + String(try #require(PRCResidentID.checkCharacter(forFirst17: body)))
        #expect(!PRCResidentID.isValid(number, today: today))
        let later = try #require(CalendarDate(year: 2024, month: 6, day: 2))
        #expect(PRCResidentID.isValid(number, today: later))
    }

    @Test("a birth year before 1900 is invalid")
    func before1900() throws {
        let body = "11010518991231123"
        let number = body + String(try #require(PRCResidentID.checkCharacter(forFirst17: body)))
        #expect(!PRCResidentID.isValid(number))
    }

    @Test("an area code outside the real province codes is invalid despite a correct check character")
    func implausibleProvince() throws {
        for province in ["00", "10", "16", "20", "24", "38", "47", "55", "66", "72", "84", "90", "99"] {
            let body = province + "010519491231002"
            let number = body + String(try #require(PRCResidentID.checkCharacter(forFirst17: body)))
            #expect(!PRCResidentID.isValid(number), "province \(province)")
        }
        let hongKong = "810000" + "19491231002"
        #expect(
            PRCResidentID.isValid(hongKong + String(try #require(PRCResidentID.checkCharacter(forFirst17: hongKong)))))
    }

    @Test("separators written inside the number are ignored")
    func separators() {
        #expect(PRCResidentID.isValid("110105 19491231 002X"))
        #expect(PRCResidentID.isValid("110105-19491231-002X"))
    }

    @Test("legacy 15-digit numbers are valid when area and YYMMDD date are valid (no checksum exists)")
    func legacyFifteenDigits() {
        #expect(PRCResidentID.isValid("110105491231002"))
        #expect(!PRCResidentID.isValid("110105490231002"))  // 1949-02-31
        #expect(!PRCResidentID.isValid("110105990229002"))  // 1999 not leap
        #expect(PRCResidentID.isValid("110105960229002"))  // 1996 leap
        #expect(!PRCResidentID.isValid("990105491231002"))  // no province 99
    }

    @Test("wrong lengths and non-digits are invalid")
    func malformed() {
        #expect(!PRCResidentID.isValid(""))
        #expect(!PRCResidentID.isValid("11010519491231002"))
        #expect(!PRCResidentID.isValid("11010519491231002XX"))
        #expect(!PRCResidentID.isValid("1101051949123100X2"))
        #expect(!PRCResidentID.isValid("１１０１０５１９４９１２３１００２Ｘ"))
    }
}
