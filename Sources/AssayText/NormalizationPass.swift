/// One run of the normalisation pipeline over a UTF-8 buffer (see ``TextNormalizer`` for the steps).
///
/// Works on bytes and decoded scalar values only: no `Character`, no regex. ASCII and CJK ideographs take
/// fast paths; everything else goes through the per-scalar slow path.
@usableFromInline
struct NormalizationPass {
    private let input: UnsafeBufferPointer<UInt8>
    /// Output being built: normalised bytes and, per byte, its source scalar.
    private var output: OutputBuffer
    /// Byte offset of the next unread input scalar.
    private var p = 0
    /// Scalar index of the next unread input scalar.
    private var scalarIndex: Int32 = 0
    /// Whether the last emitted scalar was a CJK ideograph (separators after it may be skipped).
    private var lastWasCJK = false
    /// End (byte offset) of the last digit run examined, and whether its Chinese numerals fold.
    private var numeralRunEnd = -1
    private var numeralRunFolds = false
    /// Slow-path results for this run, keyed by scalar value.
    private var foldCache: [UInt32: [UInt32]] = [:]
    /// Whether runs of ASCII and three-byte ideographs take the fast paths (false only for the reference
    /// run the tests compare them against).
    private let usesFastPaths: Bool

    private init(input: UnsafeBufferPointer<UInt8>, tracksSources: Bool, usesFastPaths: Bool = true) {
        precondition(input.count < Int(Int32.max), "text too large to normalise in one piece")
        self.input = input
        self.usesFastPaths = usesFastPaths
        output = OutputBuffer(capacity: input.count + input.count / 8 + 16, tracksSources: tracksSources)
    }

    /// ``run(_:)`` without the fast paths: one scalar at a time through the general code (for tests).
    static func runReference(_ input: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var pass = NormalizationPass(input: input, tracksSources: true, usesFastPaths: false)
        pass.run()
        let (bytes, sources) = pass.output.finish()
        return NormalizedText(bytes: bytes, sourceScalar: sources, originalScalarCount: Int(pass.scalarIndex))
    }

    /// Normalises `input`, which must be UTF-8 (malformed bytes become U+FFFD).
    static func run(_ input: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var pass = NormalizationPass(input: input, tracksSources: true)
        pass.run()
        let (bytes, sources) = pass.output.finish()
        return NormalizedText(bytes: bytes, sourceScalar: sources, originalScalarCount: Int(pass.scalarIndex))
    }

    /// Normalises `input` and hands the normalised bytes to `body` without keeping the map back to the
    /// original (for scans that only ask whether something occurs); the bytes are freed afterwards.
    @inlinable
    static func withBytes<R>(_ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let normalized = bytesOnly(input)
        defer { normalized.baseAddress?.deallocate() }
        return try body(normalized)
    }

    /// Normalises `input` without the map back to the original: bytes the caller frees. Not generic, so
    /// that ``withBytes(_:_:)`` can be specialised in the caller's module for the caller's result type
    /// (a generic result crossing the module boundary is copied and destroyed through value witnesses).
    @usableFromInline
    static func bytesOnly(_ input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var pass = NormalizationPass(input: input, tracksSources: false)
        pass.run()
        return pass.output.writtenBytes
    }

    private mutating func run() {
        TraditionalToSimplified.table.withUnsafeBufferPointer { simplified in
            DigitStyles.numeralBitmap.withUnsafeBufferPointer { numerals in
                Self.ideographTable.withUnsafeBufferPointer { ideographs in
                    loop(simplified: simplified, numerals: numerals, ideographs: ideographs)
                }
            }
        }
    }

    /// Marks a Chinese numeral in ``ideographTable`` (no scalar this small is a Simplified target).
    static let numeralMark: UInt16 = 1

    /// Per scalar of U+3400–U+9FFF, for the run-of-ideographs loop: ``numeralMark`` for a Chinese numeral
    /// (whose folding depends on its neighbours), else its `TraditionalToSimplified.table` entry (0: itself).
    /// One load per ideograph instead of a numeral bitmap test and a table load.
    static let ideographTable: [UInt16] = {
        var table = TraditionalToSimplified.table
        for offset in table.indices {
            precondition(table[offset] == 0 || table[offset] > numeralMark, "a Simplified target below U+0002")
            if DigitStyles.numeralBitmap[offset >> 6] >> UInt64(offset & 63) & 1 != 0 { table[offset] = numeralMark }
        }
        return table
    }()

    private mutating func loop(
        simplified: UnsafeBufferPointer<UInt16>, numerals: UnsafeBufferPointer<UInt64>, ideographs: UnsafeBufferPointer<UInt16>
    ) {
        let n = input.count
        while p < n {
            let b0 = input[p]
            if b0 < 0x80 {
                if lastWasCJK && ScalarClasses.isASCIISeparator(b0), let next = skippableSeparatorRun() {
                    skip(to: next)
                    continue
                }
                if usesFastPaths {
                    // A run of ASCII: after its first byte no separator can follow an ideograph, so the whole
                    // run is only lowercased.
                    var end = p + 1
                    let raw = UnsafeRawPointer(input.baseAddress!)
                    while end &+ 8 <= n && raw.loadUnaligned(fromByteOffset: end, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        end &+= 8
                    }
                    while end < n && input[end] < 0x80 { end += 1 }
                    output.appendLowercasedASCII(UnsafeBufferPointer(rebasing: input[p..<end]), firstSource: scalarIndex)
                    scalarIndex += Int32(end - p)
                    p = end
                    lastWasCJK = false
                    continue
                }
                output.appendByte(b0 >= 0x41 && b0 <= 0x5A ? b0 + 0x20 : b0, source: scalarIndex)
                lastWasCJK = false
                p += 1
                scalarIndex += 1
                continue
            }
            if usesFastPaths && b0 >= 0xE3 && b0 <= 0xE9 {
                // A run of ideographs in U+3400–U+9FFF that are no Chinese numerals, decoded inline (no
                // overlong or surrogate forms start with these bytes) in a loop of its own that writes
                // through local pointers. Each becomes its simplified form, or its own three bytes.
                let (out, sources) = output.tail(reserving: n - p)  // an ideograph never grows
                let text = input.baseAddress!
                let lowerBound = TraditionalToSimplified.lowerBound
                let end = n &- 2  // an ideograph starting before here is whole
                var q = p
                var w = 0
                var index = scalarIndex
                // Offsets stay below `n` (< Int32.max), so the wrapping arithmetic never wraps.
                while q < end {
                    let c0 = text[q], c1 = text[q &+ 1], c2 = text[q &+ 2]
                    guard c0 &- 0xE3 <= 6 && c1 & 0xC0 == 0x80 && c2 & 0xC0 == 0x80 else { break }
                    let v = UInt32(c0 & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                    guard v >= lowerBound else { break }
                    let t = ideographs[Int(v &- lowerBound)]
                    guard t != Self.numeralMark else { break }
                    let (b0, b1, b2) = t == 0 ? (c0, c1, c2) : OutputBuffer.threeByteEncoding(UInt32(t))
                    OutputBuffer.writeThreeBytes(b0, b1, b2, source: index, at: out + w, sources.map { $0 + w })
                    w &+= 3
                    q &+= 3
                    index &+= 1
                }
                output.commit(w)
                if q > p {
                    p = q
                    scalarIndex = index
                    lastWasCJK = true
                    continue
                }
            }
            let (v, length) = UTF8Scalars.decode(input, at: p)
            if v >= TraditionalToSimplified.lowerBound && v <= TraditionalToSimplified.upperBound {
                let offset = Int(v - TraditionalToSimplified.lowerBound)
                if numerals[offset >> 6] >> UInt64(offset & 63) & 1 != 0 && numeralFolds() {
                    emitASCII(UInt8(0x30 + DigitStyles.chineseNumeralValue(v)))
                } else {
                    let t = simplified[offset]
                    output.appendThreeByte(t == 0 ? v : UInt32(t), source: scalarIndex)
                    lastWasCJK = true
                }
                p += length
                scalarIndex += 1
                continue
            }
            if lastWasCJK && ScalarClasses.isSeparator(v), let next = skippableSeparatorRun() {
                skip(to: next)
                continue
            }
            if usesFastPaths {
                // Full-width ASCII and the punctuation of Chinese text (。、「」《》…): what `slowPath` would
                // do, decided without its chain of checks.
                if v >= 0xFF01 && v <= 0xFF5E {
                    let a = UInt8(v - 0xFEE0)
                    emitASCII(a &- 0x41 < 26 ? a | 0x20 : a)
                    p += length
                    scalarIndex += 1
                    continue
                }
                if v >= Self.plainSymbols.lowerBound && v < Self.plainSymbols.upperBound {
                    let offset = Int(v - Self.plainSymbols.lowerBound)
                    if Self.plainSymbolBits[offset >> 6] >> UInt64(offset & 63) & 1 != 0 {
                        output.append(v, source: scalarIndex)
                        lastWasCJK = false
                        p += length
                        scalarIndex += 1
                        continue
                    }
                }
            }
            slowPath(v, length: length)
        }
    }

    /// Scalars for which `plainSymbolBits` is tabulated: general punctuation through CJK symbols and
    /// punctuation.
    static let plainSymbols: Range<UInt32> = 0x2000..<0x3400

    /// One bit per `plainSymbols` scalar that `slowPath` copies unchanged and that is neither a separator
    /// nor an ideograph (so it only ends a run of ideographs): computed once per process from the same
    /// checks `slowPath` makes.
    static let plainSymbolBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (plainSymbols.count + 63) / 64)
        for v in plainSymbols {
            let plain = !ScalarClasses.isInvisible(v) && DigitStyles.styledValue(v) < 0 && v != 0x3007 && v != 0x3000
                && Homoglyphs.latin(for: v) == 0 && !CompatibilityFolding.mayChange(v)
                && !ScalarClasses.isSeparator(v) && !ScalarClasses.isCJKIdeograph(v)
            guard plain else { continue }
            let offset = Int(v - plainSymbols.lowerBound)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bits
    }()

    /// Everything that is neither ASCII nor in U+3400–U+9FFF.
    private mutating func slowPath(_ v: UInt32, length: Int) {
        defer {
            p += length
            scalarIndex += 1
        }
        if ScalarClasses.isInvisible(v) { return }
        let styled = DigitStyles.styledValue(v)
        if styled >= 0 {
            if styled >= 10 { emitASCII(UInt8(0x30 + styled / 10)) }
            emitASCII(UInt8(0x30 + styled % 10))
            return
        }
        if v == 0x3007 {  // 〇
            if numeralFolds() {
                emitASCII(0x30)
            } else {
                output.append(v, source: scalarIndex)
                lastWasCJK = true
            }
            return
        }
        if v >= 0xFF01 && v <= 0xFF5E {  // full-width ASCII
            let a = UInt8(v - 0xFEE0)
            emitASCII(a >= 0x41 && a <= 0x5A ? a + 0x20 : a)
            return
        }
        if v == 0x3000 {
            emitASCII(0x20)
            return
        }
        let latin = Homoglyphs.latin(for: v)
        if latin != 0 {
            emitASCII(latin)
            return
        }
        if !CompatibilityFolding.mayChange(v) {
            output.append(v, source: scalarIndex)
            lastWasCJK = ScalarClasses.isCJKIdeograph(v)
            return
        }
        let folded: [UInt32]
        if let cached = foldCache[v] {
            folded = cached
        } else {
            folded = CompatibilityFolding.fold(v)
            foldCache[v] = folded
        }
        for u in folded {
            output.append(u, source: scalarIndex)
            lastWasCJK = ScalarClasses.isCJKIdeograph(u)
        }
    }

    @inline(__always)
    private mutating func emitASCII(_ b: UInt8) {
        output.appendByte(b, source: scalarIndex)
        lastWasCJK = false
    }

    /// Whether the Chinese numeral at `p` sits in a digit run long enough to fold (decided once per run).
    private mutating func numeralFolds() -> Bool {
        if p >= numeralRunEnd {
            let run = DigitStyles.run(around: p, in: input)
            numeralRunEnd = run.end
            numeralRunFolds = run.count >= DigitStyles.minimumNumeralRun
        }
        return numeralRunFolds
    }

    /// Maximum number of separators skipped between two CJK ideographs.
    static let maximumSkippedSeparators = 3

    /// If the separator at `p` starts a run of at most three separators (zero-width characters not
    /// counted) that ends right before a CJK ideograph, the byte offset of that ideograph.
    private func skippableSeparatorRun() -> Int? {
        var q = p
        var count = 0
        while q < input.count {
            let (v, length) = UTF8Scalars.decode(input, at: q)
            if ScalarClasses.isInvisible(v) {
                q += length
            } else if ScalarClasses.isSeparator(v) {
                count += 1
                if count > Self.maximumSkippedSeparators { return nil }
                q += length
            } else {
                return ScalarClasses.isCJKIdeograph(v) ? q : nil
            }
        }
        return nil
    }

    /// Consumes input scalars up to byte offset `next` without emitting anything.
    private mutating func skip(to next: Int) {
        while p < next {
            p += UTF8Scalars.decode(input, at: p).length
            scalarIndex += 1
        }
    }
}
