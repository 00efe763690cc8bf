import Foundation
import Testing

/// The benchmark's deterministic corpus generator (`bench/gen_corpus.py`), run from tests.
enum BenchCorpus {
    /// Writes a corpus of about `mb` megabytes for `seed` to `path`; returns the generator's exit status.
    /// Cancels the calling test when python3 cannot be started.
    static func generate(mb: String, seed: Int, to path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", RepositoryPaths.root + "/bench/gen_corpus.py", "--mb", mb, "--seed", String(seed), "--out", path,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try Test.cancel("skipped: python3 is needed to run bench/gen_corpus.py (\(error))")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
