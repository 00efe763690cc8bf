internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#else
    internal import Darwin
#endif

/// Where feed bytes come from: a file or standard input read through libxml2's
/// I/O layer (which decompresses gzip transparently), or bytes in memory.
enum FeedSource {
    case input(xmlParserInputBufferPtr)
    case bytes([UInt8], offset: Int)

    /// Opens `path` (`-` = standard input), checking first that it is a
    /// readable file so that the error says why not.
    static func opening(path: String) throws(FeedError) -> FeedSource {
        var target = path
        if path != "-" {
            try checkReadable(path)
            // libxml2 treats `scheme://…` names as URLs (HTTP, FTP); a leading
            // `./` keeps every relative name a plain file name.
            if !path.hasPrefix("/") { target = "./" + path }
        }
        let input = LibXML2Runtime.silenced {
            xmlParserInputBufferCreateFilename(target, XML_CHAR_ENCODING_NONE)
        }
        guard let input else {
            throw FeedError(line: 0, column: nil, message: "cannot open '\(path)'")
        }
        return .input(input)
    }

    private static func checkReadable(_ path: String) throws(FeedError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw FeedError(line: 0, column: nil, message: "cannot open '\(path)': \(reason)")
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw FeedError(line: 0, column: nil, message: "cannot read '\(path)': it is a directory")
        }
    }

    /// Copies up to `capacity` bytes into `buffer`: the count, `0` at the end,
    /// or `-1` on a read error.
    mutating func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        switch self {
        case .input(let input):
            return Int(assay_input_read(input, buffer, Int32(capacity)))
        case .bytes(let bytes, let offset):
            let count = min(capacity, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
            }
            self = .bytes(bytes, offset: offset + count)
            return count
        }
    }

    /// Releases the file or stream.
    func release() {
        if case .input(let input) = self { xmlFreeParserInputBuffer(input) }
    }
}
