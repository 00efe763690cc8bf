import Foundation

/// Paths inside the repository, found from this file's location (top-level `rules/` and `fixtures/` are
/// not SwiftPM resources).
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var rules: String { root + "/rules" }
    static var fixtures: String { root + "/fixtures" }

    /// Files below a directory with one of the suffixes, sorted.
    static func files(under directory: String, suffix: String) -> [String] {
        let entries = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return entries.filter { $0.hasSuffix(suffix) }.sorted().map { directory + "/" + $0 }
    }
}
