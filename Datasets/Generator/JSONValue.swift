import Tabular

/// A tiny JSON tree with keys kept in insertion order, printed the same way every time.
indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double, decimals: Int)
    case int(Int)
    case bool(Bool)
    case null

    static func money(_ cents: Int) -> JSONValue { .number(Double(cents) / 100, decimals: 2) }
    static func fixed(_ value: Double, _ decimals: Int = 2) -> JSONValue { .number(value, decimals: decimals) }

    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent), inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let body = members.map { "\(inner)\(JSONValue.quote($0.0)): \($0.1.rendered(indent: indent + 2))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(pad)}"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy({ $0.isScalar }) {
                return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { inner + $0.rendered(indent: indent + 2) }.joined(separator: ",\n") + "\n\(pad)]"
        case .string(let text): return JSONValue.quote(text)
        case .number(let value, let decimals): return value.isFinite ? NumberFormat.fixed(value, decimals: decimals) : "null"
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    static func quote(_ text: String) -> String { JSONText.quoted(text) }
}
