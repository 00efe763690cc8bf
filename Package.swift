// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Assay",
    products: [
        .library(name: "Assay", targets: ["Assay"]),
        // The building blocks, for embedding and for the fuzz targets in fuzz/ (a separate package).
        .library(name: "AssayDSL", targets: ["AssayDSL"]),
        .library(name: "AssayText", targets: ["AssayText"]),
        .library(name: "AssayRegex", targets: ["AssayRegex"]),
        .library(name: "AssayJSON", targets: ["AssayJSON"]),
        .library(name: "AssayCSV", targets: ["AssayCSV"]),
        .library(name: "AssayXML", targets: ["AssayXML"]),
        .executable(name: "assay", targets: ["AssayCLI"]),
        // Benchmark peers and probes (bench/README.md); not installed, not used by the tests.
        .executable(name: "assay-bench", targets: ["AssayBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C is fenced inside one wrapper module per library.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "AssayRegex", dependencies: ["CPCRE2", "AssayText"]),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "AssayXML", dependencies: ["CLibXML2"]),
        .target(name: "AssayCSV"),
        .target(name: "AssayText"),
        .target(name: "AssayValidators"),
        .target(name: "AssayJSON"),
        .target(name: "AssayDSL", dependencies: ["AssayJSON"]),
        .target(
            name: "Assay",
            dependencies: [
                "AssayDSL", "AssayJSON", "AssayText", "AssayRegex", "AssayValidators", "AssayXML", "AssayCSV",
            ]
        ),
        .target(name: "AssayBundledPacks"),
        .executableTarget(
            name: "AssayCLI",
            dependencies: [
                "Assay", "AssayBundledPacks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "AssayBench", dependencies: ["Assay", "AssayJSON", "AssayText", "CPCRE2"]),
        .testTarget(name: "AssayRegexTests", dependencies: ["AssayRegex"]),
        .testTarget(name: "AssayTextTests", dependencies: ["AssayText"]),
        .testTarget(name: "AssayValidatorsTests", dependencies: ["AssayValidators"]),
        .testTarget(name: "AssayJSONTests", dependencies: ["AssayJSON"]),
        .testTarget(name: "AssayXMLTests", dependencies: ["AssayXML"]),
        .testTarget(name: "AssayCSVTests", dependencies: ["AssayCSV"]),
        .testTarget(name: "AssayDSLTests", dependencies: ["AssayDSL"]),
        .testTarget(name: "AssayTests", dependencies: ["Assay", "AssayBundledPacks"]),
        .testTarget(name: "AssayCLITests", dependencies: ["AssayCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
