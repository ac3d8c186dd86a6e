/// Why a budget, a ledger or a volumes file cannot be set against the others as it stands,
/// with what to do about it. The message names no command: the job that read the files puts
/// its own name (`variance:`) before it.
public struct BudgetVarianceError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
