import AssayJSON

/// A dotted field path such as `title`, `seller.name` or `variants.title`. Resolving it walks objects by
/// key; at an array it fans out over the elements (or takes one element when the component is an index),
/// so `variants.title` reads every variant's title and reports each as `variants.0.title`, `variants.1.title` ….
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's components.
    public let components: [String]

    /// Parses a dotted path.
    public init(_ dotted: String) {
        components = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The dotted form.
    public var description: String { components.joined(separator: ".") }

    /// The first component (the top-level field).
    public var root: String { components.first ?? "" }

    /// Every value the path reaches, with its concrete path. Nulls are included; missing keys are not.
    public func resolve(in object: JSONObject) -> [(path: String, value: JSONValue)] {
        var results: [(String, JSONValue)] = []
        walk(.object(object), depth: 0, prefix: "", buildingPaths: true) { results.append(($0, $1)) }
        return results
    }

    /// Visits every value ``resolve(in:)`` returns, in the same order, without building the concrete paths.
    func forEachValue(in object: JSONObject, _ body: (JSONValue) -> Void) {
        walk(.object(object), depth: 0, prefix: "", buildingPaths: false) { body($1) }
    }

    /// The one walk behind both: `prefix` is the concrete path so far (left empty unless `buildingPaths`).
    private func walk(
        _ value: JSONValue, depth: Int, prefix: String, buildingPaths: Bool, _ body: (String, JSONValue) -> Void
    ) {
        if depth == components.count {
            body(prefix, value)
            return
        }
        let component = components[depth]
        func extended(_ part: @autoclosure () -> String) -> String { buildingPaths ? join(prefix, part()) : prefix }
        switch value {
        case .object(let object):
            if let child = object[component] {
                walk(child, depth: depth + 1, prefix: extended(component), buildingPaths: buildingPaths, body)
            }
        case .array(let items):
            if let index = Int(component), items.indices.contains(index) {
                walk(items[index], depth: depth + 1, prefix: extended(component), buildingPaths: buildingPaths, body)
            } else {
                for (index, item) in items.enumerated() {
                    walk(item, depth: depth, prefix: extended(String(index)), buildingPaths: buildingPaths, body)
                }
            }
        default:
            return
        }
    }

    private func join(_ prefix: String, _ component: String) -> String {
        prefix.isEmpty ? component : prefix + "." + component
    }
}
