/// A byte string as a dictionary key, hashed in one call over its bytes.
///
/// `[UInt8]`'s own `Hashable` feeds the hasher one byte at a time; loading a pack looks up every term's
/// normalised bytes (thousands of keys), where that per-byte hashing was most of the lookup's cost.
struct ByteKey: Hashable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }
}
