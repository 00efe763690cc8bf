@testable import AssayCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// All events of reading `text` (from memory) with `delimiter`.
func events(_ text: String, delimiter: UInt8 = 0x2C) -> [CSVEvent] {
    var reader = CSVReader(bytes: Array(text.utf8))
    reader.delimiter = delimiter
    return Array(reader)
}

/// `L: a|b|c` for a row, `error L:C message` for an error: easy to compare in tests.
func summary(_ events: [CSVEvent]) -> [String] {
    events.map { event in
        switch event {
        case .row(let row): "\(row.line): " + row.fields.joined(separator: "|")
        case .error(let error): "error \(error.line):\(error.column.map(String.init) ?? "-") \(error.message)"
        }
    }
}

/// The rows only, dropping errors.
func rows(_ events: [CSVEvent]) -> [CSVRow] {
    events.compactMap { if case .row(let row) = $0 { row } else { nil } }
}

/// The errors only.
func errors(_ events: [CSVEvent]) -> [CSVError] {
    events.compactMap { if case .error(let error) = $0 { error } else { nil } }
}

/// A fresh directory under /tmp, removed (with its files) when the test drops it.
final class TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/assay-csv-tests-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Writes `bytes` to `name` in the directory and returns the file's path.
    func file(_ name: String, containing bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(descriptor >= 0, "open failed")
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            precondition(written > 0, "write failed")
            offset += written
        }
        close(descriptor)
        return file
    }

    deinit {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
