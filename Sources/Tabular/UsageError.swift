/// A mistake in how the tool was called (a flag, a format string), as opposed to bad data.
/// The CLI maps it to exit code 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
