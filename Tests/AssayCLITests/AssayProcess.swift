import Foundation

/// Runs the built `assay` binary the way a user does.
struct AssayProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `assay` executable beside the test bundle (SwiftPM builds it because the tests depend on it).
    static let executable: String = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("assay").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        let argumentDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return argumentDirectory.appendingPathComponent("assay").path
    }()

    /// Runs `assay ARGS…` in `directory` (the repository root by default) with optional standard input.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Drain both pipes concurrently so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a pack file `demo.assay` (a five-line `pack demo` header citing `law`, then `rules`) into a
    /// fresh temporary directory and returns the file's path.
    static func writeDemoPack(_ rules: String) throws -> String {
        let header = """
            pack demo {
              title "Demo"
              version "1"
              reference law { title "A law" checked 2026-11-20 }
            }

            """
        let path = try temporaryDirectory() + "/demo.assay"
        try (header + rules).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "assay-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
