/// The version reported in `--version` and in SARIF's tool driver.
enum AssayVersion {
    static let current = "0.3.0"
}
