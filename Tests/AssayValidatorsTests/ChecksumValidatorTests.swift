import Testing

@testable import AssayValidators

@Suite("Unified social credit code")
struct UnifiedSocialCreditCodeTests {
    /// `stdnum.cn.uscc.is_valid` → True (python-stdnum 2.2).
    static let stdnumValid = [
        "11789069ACXEJT6231", "92054483Y8J60PXE8Q", "13945811JP8M8MUC9J", "53314643KGKTP96373",
        "52868853077LRFD060", "93000467H0CK8F7BJM", "132950039J949BMNM3", "129444572514495E6D",
        "13621301F5PTQ85MDL", "93602729PKBT228D00", "93611993FEB97Q19QT", "52121922K57MR78L8W",
    ]
    /// The same codes with a wrong check character: `is_valid` → False.
    static let stdnumInvalid = [
        "11789069ACXEJT623T", "92054483Y8J60PXE83", "13945811JP8M8MUC9C", "53314643KGKTP9637G",
        "52868853077LRFD06W", "93000467H0CK8F7BJ6", "132950039J949BMNMU", "129444572514495E62",
        "13621301F5PTQ85MD6", "93602729PKBT228D0P",
    ]

    @Test("the DOMAIN.md example code is valid")
    func domainExample() {
        #expect(UnifiedSocialCreditCode.isValid("91110000600037341L"))
        #expect(UnifiedSocialCreditCode.isValid("91110000600037341l"))
        #expect(!UnifiedSocialCreditCode.isValid("91110000600037341M"))
    }

    @Test("codes python-stdnum accepts are valid", arguments: stdnumValid)
    func oracleValid(code: String) {
        #expect(Validator.unifiedSocialCreditCode.isValid(code))
    }

    @Test("codes python-stdnum rejects are invalid", arguments: stdnumInvalid)
    func oracleInvalid(code: String) {
        #expect(!UnifiedSocialCreditCode.isValid(code))
    }

    @Test("letters outside the alphabet (I O S V Z) and wrong lengths are invalid")
    func alphabet() {
        #expect(!UnifiedSocialCreditCode.isValid("91110000600037341"))
        #expect(!UnifiedSocialCreditCode.isValid("9111000060003734I0"))
        #expect(!UnifiedSocialCreditCode.isValid("91110000600O37341L"))
    }
}

@Suite("Bank cards and Luhn")
struct BankCardTests {
    /// `stdnum.luhn.is_valid` → True; 13–19 digits.
    static let stdnumValid = [
        "3717246802199", "371389573983804", "4503382816133058", "3743739192408283", "3737817059122755",
        "49280605208949432", "378674989145221262", "6257869681447505048", "3746929375993914612",
        "5124830333840759",
    ]
    /// The same numbers with a changed last digit: `is_valid` → False.
    static let stdnumInvalid = [
        "3717246802198", "371389573983806", "4503382816133054", "3743739192408281", "3737817059122752",
        "49280605208949434", "378674989145221260", "6257869681447505040", "3746929375993914614",
        "5124830333840753",
    ]

    @Test("the DOMAIN.md UnionPay example passes Luhn and its altered twin does not")
    func domainExamples() {
        #expect(BankCard.isValid("6222021234567894"))
        #expect(BankCard.isValid("6222 0212 3456 7894"))
        #expect(!BankCard.isValid("6222021234567890"))
    }

    @Test("numbers python-stdnum's Luhn accepts are valid cards", arguments: stdnumValid)
    func oracleValid(number: String) {
        #expect(Validator.bankCard.isValid(number))
        #expect(Luhn.isValid(number))
    }

    @Test("numbers python-stdnum's Luhn rejects are not cards", arguments: stdnumInvalid)
    func oracleInvalid(number: String) {
        #expect(!BankCard.isValid(number))
        #expect(!Luhn.isValid(number))
    }

    @Test("16-digit order number that fails Luhn is not a bank card")
    func orderNumber() {
        #expect(!Validator.bankCard.isValid("2024112512345678"))
    }

    @Test("a Luhn-valid number outside 13–19 digits is not a card")
    func cardLength() {
        #expect(Luhn.isValid("79927398713"))
        #expect(!BankCard.isValid("79927398713"))
        #expect(!BankCard.isValid("62220212345678940000"))  // 20 digits, Luhn-valid
        #expect(Luhn.isValid("62220212345678940000"))
    }
}

@Suite("IBAN")
struct IBANTests {
    /// `stdnum.iban.is_valid` → True (registry examples).
    static let stdnumValid = [
        "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300",
        "ES9121000418450200051332", "IT60X0542811101000000123456", "CH9300762011623852957",
        "AT611904300234573201", "PL61109010140000071219812874", "SE4550000000058398257466",
        "NO9386011117947", "DK5000400440116243", "FI2112345600000785", "IE29AIBK93115212345678",
        "PT50000201231234567890154", "SA0380000000608010167519", "AE070331234567890123456",
        "GB29NWBK60161331926819", "MT84MALT011000012345MTLCAST001S", "LC55HEMM000100010012001200023015",
    ]
    /// One BBAN digit changed: `is_valid` → False.
    static let stdnumInvalid = [
        "DE89380400440532013000", "FR1420041010050500014M02606", "NL91ABNA0427164300",
        "ES9121000418460200051332", "IT60X0552811101000000123456", "CH9300762011623852967",
        "AT611905300234573201", "PL61109010141000071219812874", "SE4550000100058398257466",
        "NO9386011117957", "DK5000400441116243", "FI2112345600010785",
    ]

    @Test("the DOMAIN.md example is valid written with spaces, and …33 is not")
    func domainExamples() {
        #expect(IBAN.isValid("GB82 WEST 1234 5698 7654 32"))
        #expect(IBAN.isValid("gb82 west 1234 5698 7654 32"))
        #expect(!IBAN.isValid("GB82 WEST 1234 5698 7654 33"))
    }

    @Test("IBANs python-stdnum accepts are valid", arguments: stdnumValid)
    func oracleValid(iban: String) {
        #expect(Validator.iban.isValid(iban))
    }

    @Test("IBANs python-stdnum rejects are invalid", arguments: stdnumInvalid)
    func oracleInvalid(iban: String) {
        #expect(!IBAN.isValid(iban))
    }

    @Test("a correct checksum with the wrong length for the country is invalid")
    func countryLength() {
        // DE is 22 long; these keep mod 97 = 1 but are 21/23 long or use an unknown country.
        #expect(!IBAN.isValid("DE8937040044053201300"))
        #expect(!IBAN.isValid("XX89370400440532013000"))
        #expect(IBAN.knownCountryCount == 89)
    }
}

@Suite("US social security number")
struct USSocialSecurityNumberTests {
    /// `stdnum.us.ssn.is_valid` → True.
    static let stdnumValid = [
        "419-56-2956", "669-27-0965", "649-57-1118", "806-98-0056", "139-18-0355", "835-52-5839",
        "451-05-9659", "031-93-7393", "100-64-3745", "575-16-4725", "257-79-3802", "402-51-4807",
    ]
    /// `is_valid` → False: reserved areas, zero group or serial, advertising samples.
    static let stdnumInvalid = [
        "000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "123-00-4567", "123-45-0000",
        "078-05-1120", "219-09-9999", "457-55-5462",
    ]

    @Test("the DOMAIN.md example is valid with or without hyphens")
    func domainExample() {
        #expect(USSocialSecurityNumber.isValid("536-22-1234"))
        #expect(USSocialSecurityNumber.isValid("536221234"))
        #expect(!USSocialSecurityNumber.isValid("536-22-12345"))
    }

    @Test("numbers python-stdnum accepts are valid", arguments: stdnumValid)
    func oracleValid(number: String) {
        #expect(Validator.usSSN.isValid(number))
    }

    @Test("numbers python-stdnum rejects are invalid", arguments: stdnumInvalid)
    func oracleInvalid(number: String) {
        #expect(!USSocialSecurityNumber.isValid(number))
    }
}
