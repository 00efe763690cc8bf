import CPCRE2

/// Reusable PCRE2 match data for the whole match only (group 0), usable with any ``CompiledRegex``.
/// Scanning many fields with many regexes allocates it once instead of once per scan.
///
/// Not thread-safe: one per thread (or per record being checked).
public final class RegexMatchData {
    let pointer: OpaquePointer

    /// Allocates match data for one offset pair.
    public init() {
        guard let data = pcre2_match_data_create_8(1, nil) else { fatalError("out of memory allocating PCRE2 match data") }
        pointer = data
    }

    deinit { pcre2_match_data_free_8(pointer) }
}
