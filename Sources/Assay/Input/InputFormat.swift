import Foundation

/// The input formats Assay reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line.
    case jsonl
    /// A JSON array of records, or an object holding arrays of records.
    case json
    /// Any CSV layout, mapped onto canonical fields with a field mapping.
    case csv
    /// Shopify product CSV export (variant rows merged per Handle).
    case shopify
    /// WooCommerce product CSV export (variations merged into their parent).
    case woocommerce
    /// Google Merchant Center feed: RSS 2.0 or Atom with the `g:` namespace (also `.xml.gz`).
    case gmc

    /// The format a path's extension names, if it names one (`.csv` needs its header to say which CSV).
    public static func byExtension(_ path: String) -> InputFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl.gz") { return .jsonl }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".xml") || lower.hasSuffix(".xml.gz") || lower.hasSuffix(".rss") || lower.hasSuffix(".atom") {
            return .gmc
        }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        return nil
    }

    /// The format the first bytes of an input suggest.
    public static func sniff(_ sample: [UInt8]) -> InputFormat {
        var bytes = sample[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0x1F, 0x8B]) { return .gmc }  // gzip: only feeds are read compressed
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return .jsonl }
        switch first {
        case UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"): return .gmc
        case UInt8(ascii: "{"):
            // JSON Lines when the first line holds a complete object (or is longer than the sample — a
            // pretty-printed document breaks its first line early), else one pretty-printed document.
            guard bytes.contains(0x0A) else { return .jsonl }
            let firstLine = bytes.prefix { $0 != 0x0A }
            var depth = 0
            var inString = false
            var escaped = false
            for byte in firstLine {
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = true }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
            }
            return depth == 0 ? .jsonl : .json
        default:
            return .csv
        }
    }

    /// The CSV flavour a header row names.
    public static func csvFlavour(header: [String]) -> InputFormat {
        let columns = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        if columns.contains("handle"), columns.contains("variant price") || columns.contains("body (html)") { return .shopify }
        if columns.contains("regular price") || (columns.contains("short description") && columns.contains("type")) {
            return .woocommerce
        }
        return .csv
    }
}
