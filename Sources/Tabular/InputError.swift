/// Bad data in a user's file, located as precisely as we can: file, line, column.
///
/// Every message ends with what to do about it, because the person reading it is a buyer
/// or an analyst with an export in hand, not the developer who wrote the parser.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var column: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ": column '\(column)'" }
        return "\(location): \(message)"
    }
}
