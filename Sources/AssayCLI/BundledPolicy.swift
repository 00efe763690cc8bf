import Assay
import AssayBundledPacks

/// The packs compiled into the binary (generated from `rules/` by `scripts/embed-packs.py`), so a built
/// or installed `assay` needs no files beside it.
enum BundledPolicy {
    static func load(threads: Int = 1) -> PolicyLoadResult {
        let files = Dictionary(BundledPacks.files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        let sources = BundledPacks.files.filter { $0.path.hasSuffix(".assay") }.map { PackSource(path: $0.path, text: $0.text) }
        return PolicyLoader.load(sources: sources, readFile: { files[$0] }, threads: threads)
    }
}
