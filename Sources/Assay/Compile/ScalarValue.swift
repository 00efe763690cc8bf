import AssayJSON

/// A value as conditions compare it.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    /// The value of a JSON scalar; arrays and objects have none.
    init?(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let number): self = number.doubleValue.map { .number($0) } ?? .string(number.text)
        case .string(let text): self = .string(text)
        case .array, .object: return nil
        }
    }

    /// The number this value denotes: numbers, and strings written as plain numbers (`"5000000"`,
    /// `"5,000,000.00"`), so CSV-born records compare as numbers.
    var numericValue: Double? {
        switch self {
        case .number(let value): return value
        case .string(let text): return ScalarValue.parseNumber(text)
        default: return nil
        }
    }

    static func parseNumber(_ text: String) -> Double? {
        var digits: [UInt8] = []
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                digits.append(byte)
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                digits.append(byte)
            case UInt8(ascii: ","), UInt8(ascii: "_"):
                continue
            case UInt8(ascii: " ") where digits.isEmpty:
                continue
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    /// The value as text (for messages and evidence).
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return ScalarValue.format(value)
        case .string(let text): return text
        }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
