import Testing

@testable import AssayValidators

@Suite("Mainland mobile")
struct MainlandMobileTests {
    @Test(
        "11-digit numbers starting 13–19 are valid however they are written",
        arguments: [
            "13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+8613800138000",
            "008613800138000", "86-138-0013-8000", "8613800138000", "19912345678",
        ])
    func valid(number: String) {
        #expect(MainlandMobile.isValid(number))
        #expect(Validator.cnMobile.isValid(number))
    }

    @Test(
        "other digit strings are not mainland mobiles",
        arguments: [
            "12345678901", "10086", "1380013800", "138001380001", "+85213800138000", "+1 13800138000",
            "010-12345678", "1380013800O", "",
        ])
    func invalid(number: String) {
        #expect(!MainlandMobile.isValid(number))
    }
}

@Suite("E-mail address")
struct EmailAddressTests {
    @Test(
        "ordinary, tagged, subdomain and IDN addresses are valid",
        arguments: [
            "user@example.com", "first.last+tag@mail.example.co.uk", "o'brien@example.ie", "a_b-c@x-y.io",
            "kefu@例子.中国", "service@example.xn--fiqs8s", "shop@店铺.com", "x@a.museum",
        ])
    func valid(address: String) {
        #expect(EmailAddress.isValid(address))
        #expect(Validator.email.isValid(address))
    }

    @Test(
        "malformed addresses are invalid",
        arguments: [
            "plainaddress", "@example.com", "user@", "user@@example.com", "a@b@example.com",
            ".user@example.com", "user.@example.com", "us..er@example.com", "user@example",
            "user@example.c", "user@-example.com", "user@example-.com", "user@example..com",
            "user@example.com.", "user name@example.com", " user@example.com", "user@example.c0m",
            "用户@example.com", "user@exa_mple.com",
        ])
    func invalid(address: String) {
        #expect(!EmailAddress.isValid(address))
    }

    @Test("a local part over 64 bytes is invalid")
    func longLocalPart() {
        #expect(EmailAddress.isValid(String(repeating: "a", count: 64) + "@example.com"))
        #expect(!EmailAddress.isValid(String(repeating: "a", count: 65) + "@example.com"))
    }
}

@Suite("Validator registry")
struct ValidatorRegistryTests {
    @Test("every validator has a unique snake-case name rules can refer to")
    func names() {
        let names = Validator.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names == ["prc_resident_id", "uscc", "bank_card", "iban", "us_ssn", "cn_mobile", "email"])
        #expect(Validator(rawValue: "uscc") == .unifiedSocialCreditCode)
    }

    @Test("each validator rejects the other kinds' valid examples")
    func noCrossTalk() {
        let examples: [Validator: String] = [
            .prcResidentID: "11010519491231002X", .unifiedSocialCreditCode: "91110000600037341L",
            .bankCard: "6222021234567894", .iban: "GB82 WEST 1234 5698 7654 32", .usSSN: "536-22-1234",
            .cnMobile: "13800138000", .email: "user@example.com",
        ]
        for validator in Validator.allCases {
            for (kind, example) in examples {
                #expect(validator.isValid(example) == (kind == validator), "\(validator) on \(example)")
            }
        }
    }
}
