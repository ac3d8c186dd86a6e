/// One row of budget_variance.csv: a line (or a department `TOTAL`) over a month, a fiscal
/// quarter or year to date, booked or forecast.
///
/// A forecast row keeps its projected amount in `line.actual`, so variance, percentage,
/// favorable and flag read the same as on a booked row (variance = forecast - budget); the
/// CSV leaves its actual empty and writes the amount as `forecast`.
public struct VarianceRow: Sendable {
    /// `actual` for periods booked through as-of, `forecast` for periods with any month after it.
    public enum Basis: String, Sendable { case actual, forecast }

    public var line: VarianceLine
    public var basis: Basis
    /// The period's projection with its error: forecast rows, and on year-to-date rows the
    /// projected fiscal year.
    public var forecast: Projection?
    public var ytdBudget: Double?
    public var ytdActual: Double?
    public var forecastRemaining: Double?
    public var projectedFY: Double?
    public var projectedVariance: Double?
    public var flag: String
    /// The period's volume is forecast too (driver-based), or the line is fixed (flexed budget
    /// = budget), so a forecast row's flexed budget and volume / rate split mean what they
    /// mean on a booked row.
    public var volumeForecast = false
    /// Whether the row's flexed budget and volume / rate split are known: a booked row, or a
    /// forecast row with its volume forecast. budget_variance.csv, its workbook sheet and the
    /// report's tables all show the split by this one rule: the report once summed a
    /// department's lines into a split the CSV left blank, so the two disagreed.
    /// A row whose months all lack the actual volume their department reports elsewhere
    /// (`MonthsWithoutVolume`) has none either: its month could not be flexed.
    public var splitKnown: Bool { budgeted && (basis == .actual || volumeForecast) && line.hasVolumeSplit }
    /// False for a forecast row any of whose forecast months has no known budget (a horizon
    /// past the budgeted year, `RollingForecast.budgetKnown`): its budget is unknown, not $0, so its
    /// budget, variance, percentage, favorable and flexed split are blank wherever the row is
    /// shown, and it is not flagged. Set against $0, cases/07's FY2027 read $2,011,148 of
    /// expense "rate variance" and each revenue quarter $770,595 favorable.
    public var budgeted = true
    /// For a row whose budget is unknown (`budgeted` false): some of its months, or of its
    /// department's lines, are budgeted, the others not (a budget loaded for part of a quarter
    /// or for some lines of next year). Blank all the same: the budgeted part set against the
    /// whole forecast compared unlike periods (cases/01: 52.2% over, 1.4% like for like).
    public var partlyBudgeted = false
    /// On year-to-date rows: the projected variance split into volume and rate, over the
    /// booked months and the forecast rest of the fiscal year.
    public var projectedVolumeVariance: Double?
    public var projectedRateVariance: Double?

    public init(line: VarianceLine, basis: Basis = .actual, forecast: Projection? = nil, ytdBudget: Double? = nil, ytdActual: Double? = nil,
                forecastRemaining: Double? = nil, projectedFY: Double? = nil, projectedVariance: Double? = nil, flag: String) {
        self.line = line
        self.basis = basis
        self.forecast = forecast
        self.ytdBudget = ytdBudget
        self.ytdActual = ytdActual
        self.forecastRemaining = forecastRemaining
        self.projectedFY = projectedFY
        self.projectedVariance = projectedVariance
        self.flag = flag
    }

    /// The booked months of the lines flagged unfavorable among `rows`: not their quarters,
    /// years to date and department totals, which count the same overspend again.
    public static func unfavorableMonths(in rows: [VarianceRow]) -> [VarianceRow] {
        rows.filter {
            $0.flag == "unfavorable" && $0.basis == .actual && $0.line.account != "TOTAL" && !$0.line.period.contains("Q") && !$0.line.period.hasSuffix("YTD")
        }
    }
}
