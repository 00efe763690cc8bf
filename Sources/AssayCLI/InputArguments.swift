import Assay
import ArgumentParser
import Foundation

/// How inputs are read: format, field mapping and defaults (shared by `check` and `explain`).
struct InputArguments: ParsableArguments {
    @Option(name: .customLong("input-format"), help: "Input format: jsonl, json, csv, shopify, woocommerce, gmc (Google Merchant feed). Default: by extension, then by content.")
    var inputFormat: String?

    @Option(help: "A field mapping file for CSV or XML layouts Assay does not know (see README).")
    var mapping: String?

    @Option(name: .customLong("map"), help: "One mapping assignment, FIELD=SOURCE (repeatable), e.g. --map title=item_name --map market='\"US\"'.")
    var maps: [String] = []

    @Option(name: .customLong("default-market"), help: "Market for CSV/XML records that name none (ISO 3166, e.g. CN).")
    var defaultMarket: String?

    @Option(name: .customLong("default-currency"), help: "Currency for CSV/XML records that name none (ISO 4217, e.g. CNY).")
    var defaultCurrency: String?

    func validate() throws {
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format must be one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The input options the flags describe; a bad mapping is a usage error.
    func options() throws -> InputOptions {
        var fieldMapping: FieldMapping?
        do {
            if let mapping {
                guard let text = try? String(contentsOfFile: mapping, encoding: .utf8) else {
                    throw ValidationError("cannot read mapping file \(mapping)")
                }
                fieldMapping = try FieldMapping.parse(text, name: mapping)
            }
            for assignment in maps {
                var current = fieldMapping ?? FieldMapping()
                try current.add(assignment)
                fieldMapping = current
            }
        } catch let error as MappingError {
            throw ValidationError(error.message)
        }
        return InputOptions(
            format: inputFormat.flatMap(InputFormat.init(rawValue:)), mapping: fieldMapping,
            defaultMarket: defaultMarket, defaultCurrency: defaultCurrency)
    }
}
