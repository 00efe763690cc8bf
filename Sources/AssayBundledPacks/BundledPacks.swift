public enum BundledPacks { public static let files: [(path: String, text: String)] = [] }
