/// Growable output of a normalisation pass: normalised bytes plus, unless the pass only needs the bytes,
/// one source-scalar index per byte.
///
/// Raw storage instead of two `Array`s so the hot loop does no uniqueness or capacity bookkeeping beyond
/// one comparison per emitted scalar. Owned by exactly one ``NormalizationPass`` and released by `finish()`.
struct OutputBuffer {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var sources: UnsafeMutablePointer<Int32>
    private var count = 0
    private var capacity: Int
    /// Whether source indexes are kept (false: `sources` is a one-element placeholder never written).
    private let tracksSources: Bool

    init(capacity: Int, tracksSources: Bool = true) {
        self.capacity = max(capacity, 16)
        self.tracksSources = tracksSources
        bytes = .allocate(capacity: self.capacity)
        sources = .allocate(capacity: tracksSources ? self.capacity : 1)
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
        if tracksSources {
            let newSources = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
            newSources.update(from: sources, count: count)
            sources.deallocate()
            sources = newSources
        }
        capacity = newCapacity
    }

    /// Appends one ASCII byte.
    @inline(__always)
    mutating func appendByte(_ b: UInt8, source: Int32) {
        reserve(1)
        bytes[count] = b
        if tracksSources { sources[count] = source }
        count += 1
    }

    /// Appends ASCII bytes lowercased; the first came from scalar `firstSource`, each next one from the next.
    @inline(__always)
    mutating func appendLowercasedASCII(_ run: UnsafeBufferPointer<UInt8>, firstSource: Int32) {
        reserve(run.count)
        var at = count
        for byte in run {
            bytes[at] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            at += 1
        }
        if tracksSources {
            for index in 0..<run.count { sources[count + index] = firstSource + Int32(index) }
        }
        count = at
    }

    /// Appends three bytes that already are the UTF-8 encoding of one scalar, into room made by `reserve`.
    @inline(__always)
    mutating func appendReservedThreeBytes(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, source: Int32) {
        bytes[count] = b0
        bytes[count + 1] = b1
        bytes[count + 2] = b2
        if tracksSources {
            sources[count] = source
            sources[count + 1] = source
            sources[count + 2] = source
        }
        count += 3
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
        bytes[count] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
        bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
        bytes[count + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
        if tracksSources {
            sources[count] = source
            sources[count + 1] = source
            sources[count + 2] = source
        }
        count += 3
    }

    /// Appends any scalar value as UTF-8.
    mutating func append(_ v: UInt32, source: Int32) {
        if v < 0x80 {
            appendByte(UInt8(v), source: source)
        } else if v < 0x800 {
            reserve(2)
            bytes[count] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
            bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            if tracksSources {
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
            if tracksSources { for k in 0..<4 { sources[count + k] = source } }
            count += 4
        }
    }

    /// The bytes written so far, valid until the buffer grows, finishes or is released.
    var writtenBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    /// Frees the storage without copying anything out; the buffer must not be used afterwards.
    mutating func release() {
        bytes.deallocate()
        sources.deallocate()
        capacity = 0
        count = 0
    }

    /// Copies the contents out as arrays and frees the storage; the buffer must not be used afterwards.
    /// Only for a buffer that tracks sources.
    mutating func finish() -> ([UInt8], [Int32]) {
        precondition(tracksSources, "finish() needs source indexes")
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
