/// Payment card numbers (UnionPay 62…, Visa, Mastercard, Amex …).
///
/// Valid means 13–19 digits after removing spaces and hyphens, passing
/// ``Luhn``. Issuer prefixes are not checked: a 16-digit order number that
/// happens to pass Luhn (1 in 10 do) is accepted, so rules should add context.
public enum BankCard {
    /// Whether `candidate` is 13–19 digits (spaces and hyphens ignored) passing Luhn.
    public static func isValid(_ candidate: String) -> Bool {
        let digits = ASCII.compacted(candidate)
        return (13...19).contains(digits.count) && ASCII.allDigits(digits) && Luhn.checksum(digits) == 0
    }
}
