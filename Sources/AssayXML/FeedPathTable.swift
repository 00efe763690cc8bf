/// Interns element names and item-relative paths, so that building a field's
/// path costs two dictionary look-ups instead of string concatenation.
///
/// Names are keyed by the addresses of libxml2's dictionary-interned local
/// name and prefix (stable for the parser's lifetime) plus whether the element
/// is in the Google namespace.
struct FeedPathTable {
    /// The id of the (empty) path of the item element itself.
    static let root: Int32 = -1

    private struct NameKey: Hashable {
        let local: UInt
        let prefix: UInt
        let google: Bool
    }

    /// Parent path plus element name in one key: one hash per element.
    private struct ElementKey: Hashable {
        let parent: Int32
        let name: NameKey
    }

    private struct ChildKey: Hashable {
        let parent: Int32
        let name: Int32
    }

    private var nameIDs: [NameKey: Int32] = [:]
    private var names: [String] = []
    private var childIDs: [ChildKey: Int32] = [:]
    private var elementPaths: [ElementKey: Int32] = [:]
    private(set) var paths: [String] = []

    /// Beyond this many entries the tables are dropped (at an item boundary) so
    /// that a feed with endless distinct element names cannot grow memory.
    private static let capacityLimit = 50_000

    var isOversized: Bool { elementPaths.count > Self.capacityLimit || names.count > Self.capacityLimit }

    mutating func reset() {
        nameIDs.removeAll()
        names.removeAll()
        childIDs.removeAll()
        elementPaths.removeAll()
        paths.removeAll()
    }

    /// The id of the path of an element under `parent` (``root`` for a child
    /// of the item itself).
    mutating func path(
        parent: Int32,
        local: UnsafePointer<UInt8>,
        prefix: UnsafePointer<UInt8>?,
        google: Bool
    ) -> Int32 {
        let key = ElementKey(
            parent: parent,
            name: NameKey(
                local: UInt(bitPattern: local),
                prefix: prefix.map { UInt(bitPattern: $0) } ?? 0,
                google: google))
        if let id = elementPaths[key] { return id }
        let name = nameID(local: local, prefix: prefix, google: google)
        let id = childPath(parent: parent, name: name)
        elementPaths[key] = id
        return id
    }

    /// The id of the display name of an element (`g:price`, `atom:link`, `title`).
    private mutating func nameID(
        local: UnsafePointer<UInt8>,
        prefix: UnsafePointer<UInt8>?,
        google: Bool
    ) -> Int32 {
        let key = NameKey(
            local: UInt(bitPattern: local),
            prefix: prefix.map { UInt(bitPattern: $0) } ?? 0,
            google: google
        )
        if let id = nameIDs[key] { return id }
        let localName = String(cString: local)
        let display: String
        if google {
            display = "g:" + localName
        } else if let prefix {
            display = String(cString: prefix) + ":" + localName
        } else {
            display = localName
        }
        let id = Int32(names.count)
        names.append(display)
        nameIDs[key] = id
        return id
    }

    /// The id of `parent` + `.` + name (or just the name under ``root``).
    private mutating func childPath(parent: Int32, name: Int32) -> Int32 {
        let key = ChildKey(parent: parent, name: name)
        if let id = childIDs[key] { return id }
        let path = parent == Self.root ? names[Int(name)] : paths[Int(parent)] + "." + names[Int(name)]
        let id = Int32(paths.count)
        paths.append(path)
        childIDs[key] = id
        return id
    }
}
