/// The checksum and format validators that rules can name (by raw value) to
/// confirm a pattern match before reporting it.
public enum Validator: String, CaseIterable, Sendable {
    /// PRC resident identity card number (18-digit GB 11643-1999, or 15-digit legacy); see ``PRCResidentID``.
    case prcResidentID = "prc_resident_id"
    /// Unified social credit code of a PRC organisation; see ``UnifiedSocialCreditCode``.
    case unifiedSocialCreditCode = "uscc"
    /// Payment card number of 13–19 digits passing Luhn; see ``BankCard``.
    case bankCard = "bank_card"
    /// International bank account number; see ``IBAN``.
    case iban
    /// US social security number; see ``USSocialSecurityNumber``.
    case usSSN = "us_ssn"
    /// Mainland China mobile phone number; see ``MainlandMobile``.
    case cnMobile = "cn_mobile"
    /// E-mail address (pragmatic, not full RFC 5322); see ``EmailAddress``.
    case email

    /// Validates a candidate as written in text: the validator strips the separators that kind of
    /// value is written with (spaces, hyphens; +86/0086 prefix for phones; IBAN spaces) first.
    public func isValid(_ candidate: String) -> Bool {
        switch self {
        case .prcResidentID: PRCResidentID.isValid(candidate)
        case .unifiedSocialCreditCode: UnifiedSocialCreditCode.isValid(candidate)
        case .bankCard: BankCard.isValid(candidate)
        case .iban: IBAN.isValid(candidate)
        case .usSSN: USSocialSecurityNumber.isValid(candidate)
        case .cnMobile: MainlandMobile.isValid(candidate)
        case .email: EmailAddress.isValid(candidate)
        }
    }
}
