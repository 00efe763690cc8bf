// swift-tools-version: 6.0
// libFuzzer targets for Assay. A separate package so that the main package's `swift build` never builds
// these main-less executables. Build and run with fuzz/run.sh (see fuzz/README.md).
import PackageDescription

let assay = "Assay"

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: assay) }
    )
}

let targets: [Target] = [
    fuzzTarget("FuzzRuleFile", ["Assay", "AssayDSL"]),
    fuzzTarget("FuzzJSONLines", ["Assay", "AssayJSON"]),
    fuzzTarget("FuzzCSV", ["Assay", "AssayCSV"]),
    fuzzTarget("FuzzFeed", ["AssayXML"]),
    fuzzTarget("FuzzHTML", ["AssayXML"]),
    fuzzTarget("FuzzNormalizer", ["AssayText"]),
    fuzzTarget("FuzzRegex", ["AssayRegex", "AssayText"]),
    fuzzTarget("FuzzCheck", ["Assay", "AssayJSON", "AssayText"]),
]

let package = Package(
    name: "AssayFuzz",
    products: targets.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(name: assay, path: "..")
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
