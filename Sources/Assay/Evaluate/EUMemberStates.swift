/// The 27 EU member states (ISO 3166 alpha-2; Greece as GR). A rule for market `EU` judges them all.
enum EUMemberStates {
    static let codes: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]
}
