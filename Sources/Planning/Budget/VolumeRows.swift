import Tabular

/// The rows of a volumes file (patient days, visits: what flexes a department's budget), column
/// by column: each row's department and month, and its budgeted and actual volume where the
/// file gives them. `days` holds each row's day when the file is dated by the day, so that a
/// daily census is summed into months (`DailyVolumes`) rather than read as monthly figures.
public struct VolumeRows: Sendable {
    public var department: [String]
    public var month: [Int]
    public var days: [CalendarDay]?
    public var budget: [Double]?
    public var actual: [Double]?
    /// The file as notes and errors name it, ` (census.csv)`, or empty.
    public var file: String

    public init(department: [String], month: [Int], days: [CalendarDay]? = nil, budget: [Double]?, actual: [Double]?, file: String = "") {
        self.department = department
        self.month = month
        self.days = days
        self.budget = budget
        self.actual = actual
        self.file = file
    }
}
