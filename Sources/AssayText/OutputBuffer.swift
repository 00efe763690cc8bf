/// Growable output of a normalisation pass: normalised bytes plus, unless the pass only needs the bytes,
/// one source-scalar index per byte.
///
/// Raw storage instead of two `Array`s so the hot loop does no uniqueness or capacity bookkeeping beyond
/// one comparison per emitted scalar. Owned by exactly one ``NormalizationPass`` and released by `finish()`.
struct OutputBuffer {
    private var bytes: UnsafeMutablePointer<UInt8>
    /// One source index per byte, or nil when sources are not tracked.
    private var sources: UnsafeMutablePointer<Int32>?
    private var count = 0
    private var capacity: Int

    init(capacity: Int, tracksSources: Bool = true) {
        self.capacity = max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
        sources = tracksSources ? .allocate(capacity: self.capacity) : nil
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBytes.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = newBytes
        if let old = sources {
            let newSources = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
            newSources.update(from: old, count: count)
            old.deallocate()
            sources = newSources
        }
        capacity = newCapacity
    }

    /// Appends one ASCII byte.
    @inline(__always)
    mutating func appendByte(_ b: UInt8, source: Int32) {
        reserve(1)
        bytes[count] = b
        if let sources { sources[count] = source }
        count += 1
    }

    /// Appends ASCII bytes lowercased; the first came from scalar `firstSource`, each next one from the next.
    @inline(__always)
    mutating func appendLowercasedASCII(_ run: UnsafeBufferPointer<UInt8>, firstSource: Int32) {
        reserve(run.count)
        var at = count
        var i = 0
        if let source = run.baseAddress {
            // Eight bytes at a time, then byte by byte.
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(bytes)
            while i &+ 8 <= run.count {
                to.storeBytes(of: Self.lowercasedASCII(from.loadUnaligned(fromByteOffset: i, as: UInt64.self)), toByteOffset: at, as: UInt64.self)
                i &+= 8
                at &+= 8
            }
        }
        while i < run.count {
            let byte = run[i]
            bytes[at] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            i &+= 1
            at &+= 1
        }
        if let sources {
            for index in 0..<run.count { sources[count + index] = firstSource + Int32(index) }
        }
        count = at
    }

    /// Eight ASCII bytes (each below 0x80) with `A`–`Z` lowercased, all at once: adding 0x3F, or 0x25, to
    /// a byte sets its high bit exactly when it is at least `A`, or past `Z`, and carries into no other
    /// byte; an uppercase letter then gets its 0x20 bit.
    @inline(__always)
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let atLeastA = word &+ ones &* 0x3F
        let pastZ = word &+ ones &* 0x25
        return word | (atLeastA & ~pastZ & high) >> 2
    }

    /// Makes room for `extra` more bytes and returns where the next byte goes and, when sources are tracked,
    /// where its source index goes: for loops that write many bytes through local pointers and then call
    /// ``commit(_:)`` once.
    @inline(__always)
    mutating func tail(reserving extra: Int) -> (bytes: UnsafeMutablePointer<UInt8>, sources: UnsafeMutablePointer<Int32>?) {
        reserve(extra)
        return (bytes + count, sources.map { $0 + count })
    }

    /// Counts `written` bytes (and their sources) written through ``tail(reserving:)`` as appended.
    @inline(__always)
    mutating func commit(_ written: Int) {
        count += written
    }

    /// Appends a scalar in U+0800–U+FFFF (three UTF-8 bytes).
    @inline(__always)
    mutating func appendThreeByte(_ v: UInt32, source: Int32) {
        reserve(3)
        appendReservedThreeByteScalar(v, source: source)
    }

    /// Appends a scalar in U+0800–U+FFFF (three UTF-8 bytes) into room made by `reserve`.
    @inline(__always)
    mutating func appendReservedThreeByteScalar(_ v: UInt32, source: Int32) {
        let (b0, b1, b2) = Self.threeByteEncoding(v)
        Self.writeThreeBytes(b0, b1, b2, source: source, at: bytes + count, sources.map { $0 + count })
        count += 3
    }

    /// The UTF-8 encoding of a scalar in U+0800–U+FFFF.
    @inline(__always)
    static func threeByteEncoding(_ v: UInt32) -> (UInt8, UInt8, UInt8) {
        (UInt8(truncatingIfNeeded: 0xE0 | v >> 12), UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F), UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
    }

    /// Writes the three bytes of one scalar at `bytes` and, when `sources` is given, `source` once per byte
    /// there (for loops writing through ``tail(reserving:)``).
    @inline(__always)
    static func writeThreeBytes(
        _ b0: UInt8, _ b1: UInt8, _ b2: UInt8, source: Int32, at bytes: UnsafeMutablePointer<UInt8>,
        _ sources: UnsafeMutablePointer<Int32>?
    ) {
        bytes[0] = b0
        bytes[1] = b1
        bytes[2] = b2
        if let sources {
            sources[0] = source
            sources[1] = source
            sources[2] = source
        }
    }

    /// Appends any scalar value as UTF-8.
    mutating func append(_ v: UInt32, source: Int32) {
        if v < 0x80 {
            appendByte(UInt8(v), source: source)
        } else if v < 0x800 {
            reserve(2)
            bytes[count] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
            bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            if let sources {
                sources[count] = source
                sources[count + 1] = source
            }
            count += 2
        } else if v < 0x10000 {
            appendThreeByte(v, source: source)
        } else {
            reserve(4)
            bytes[count] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
            bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 12) & 0x3F)
            bytes[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
            bytes[count + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            if let sources { for k in 0..<4 { sources[count + k] = source } }
            count += 4
        }
    }

    /// The bytes written so far, valid until the buffer grows or finishes. A buffer that tracks no sources
    /// is handed over this way: the caller then owns the bytes and deallocates them.
    var writtenBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    /// Copies the contents out as arrays and frees the storage; the buffer must not be used afterwards.
    /// Only for a buffer that tracks sources.
    mutating func finish() -> ([UInt8], [Int32]) {
        guard let sources else { preconditionFailure("finish() needs source indexes") }
        let result = (
            Array(UnsafeBufferPointer(start: bytes, count: count)),
            Array(UnsafeBufferPointer(start: sources, count: count))
        )
        bytes.deallocate()
        sources.deallocate()
        capacity = 0
        count = 0
        return result
    }
}
