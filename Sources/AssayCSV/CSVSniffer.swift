/// Guesses a CSV file's delimiter from the start of its content.
public enum CSVSniffer {
    /// The candidates, in order of preference when the evidence is tied.
    private static let candidates: [UInt8] = [CSVByte.comma, CSVByte.tab, CSVByte.semicolon]
    /// How many rows of the sample are looked at.
    private static let rowsExamined = 20

    /// `,`, `;` or tab: the candidate that occurs the same, non-zero number of
    /// times outside quotes on each of the sample's first rows (up to 20; blank
    /// lines and a last row cut off by the end of the sample are ignored).
    ///
    /// Among consistent candidates the one with the most occurrences per row
    /// wins (so `1,50` decimal commas in a `;` file do not confuse it). If none
    /// is consistent, the candidate whose count on the most rows equals its
    /// count on the first row wins; with no candidate at all, `,`.
    /// A leading UTF-8 BOM is ignored. Quotes spanning lines are followed, so
    /// delimiters inside quoted fields do not count.
    public static func delimiter(forSample sample: [UInt8]) -> UInt8 {
        var rows: [[Int]] = []
        var counts = [0, 0, 0]
        var inQuotes = false
        var rowHasContent = false
        var index = sample.starts(with: CSVByte.byteOrderMark) ? 3 : 0
        while index < sample.count && rows.count < rowsExamined {
            let byte = sample[index]
            index += 1
            if byte == CSVByte.quote {
                inQuotes.toggle()  // a doubled quote toggles twice
                rowHasContent = true
                continue
            }
            if inQuotes { continue }
            if byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn {
                if rowHasContent { rows.append(counts) }
                counts = [0, 0, 0]
                rowHasContent = false
                continue
            }
            rowHasContent = true
            for (slot, candidate) in candidates.enumerated() where byte == candidate {
                counts[slot] += 1
            }
        }
        // A last row without its newline is only used when it is the only row.
        if rows.isEmpty && rowHasContent && !inQuotes { rows.append(counts) }
        guard !rows.isEmpty else { return CSVByte.comma }

        var best: (slot: Int, consistent: Bool, agreeing: Int, perRow: Int)? = nil
        for slot in candidates.indices {
            let first = rows[0][slot]
            guard first > 0 else { continue }
            let agreeing = rows.filter { $0[slot] == first }.count
            let score = (slot: slot, consistent: agreeing == rows.count, agreeing: agreeing, perRow: first)
            guard let current = best else {
                best = score
                continue
            }
            let better: Bool
            if score.consistent != current.consistent {
                better = score.consistent
            } else if !score.consistent && score.agreeing != current.agreeing {
                better = score.agreeing > current.agreeing
            } else {
                better = score.perRow > current.perRow
            }
            if better { best = score }
        }
        return best.map { candidates[$0.slot] } ?? CSVByte.comma
    }
}
