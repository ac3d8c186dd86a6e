import Forecasting
import Planning
import Reports
import Tabular

/// `staffing`: census forecast, required hours and FTEs by unit and job code, overtime and
/// agency exposure; writes staffing_plan.csv and staffing_plan.md.
public struct StaffingStage: Stage {
    public static let kind = "staffing"
    public static let summary = "Staffing plan from census forecasts and HPPD targets (staffing_plan.csv, .md)."
    public static let outputs = ["plan"]
    public static let parameters: [ParameterSpec] = [
        ParameterSpec("timekeeping", .reference, required: true, "timekeeping table"),
        ParameterSpec("census", .reference, required: true, "census table: daily, or monthly totals spread evenly over their days"),
        ParameterSpec("targets", .reference, required: true, "staffing targets table"),
        ParameterSpec("horizon", .integer, default: "13", "periods to plan"),
        ParameterSpec("frequency", .string, "day, week or month (default: the pipeline calendar's, else week)"),
        ParameterSpec("percentile", .number, default: "50", "plan for this percentile of census (50 = mean)"),
        ParameterSpec("paid_hours_per_fte", .number, default: "2080", "paid hours per FTE per year"),
        ParameterSpec("productive_share", .number, default: "0.9", "share of paid hours that are worked"),
        ParameterSpec("overtime_share", .number, default: "0.1", "largest share of required hours covered by overtime before agency"),
        ParameterSpec("pay_codes", .map, "pay code: category (\(PayCategory.names)), added to or replacing the usual codes, e.g. {XTRA: overtime}"),
        ParameterSpec("shifts", .reference, "census by shift (date, shift, unit, patients): checks each shift's ratio against timekeeping spans (staffing_shifts.csv, staffing_grid.csv, staffing_productivity.csv, staffing_shift_outlook.csv)"),
        ParameterSpec("spans", .reference, "timekeeping with start and end of each worked span, for staff on duty per shift (default: the timekeeping table)"),
        ParameterSpec("pay_period_start", .string, default: "2023-01-01", "first day of any two-week pay period, for productivity (with shifts)"),
        ParameterSpec("file", .outputFile, default: "staffing_plan", "base name of the .csv and .md written"),
    ]

    public var timekeeping: String, census: String, targets: String
    public var job: StaffingJob
    public var file: String
    /// The shifts table, when the plan checks ratios per shift.
    public var shifts: String?
    /// Timekeeping with spans, when not `timekeeping` itself.
    public var spans: String?
    public var shiftJob = ShiftStaffingJob()
    /// Whether the plan's periods are the pipeline calendar's (its `frequency` when the stage
    /// names none, week when neither does) rather than `job.frequency`.
    public var followsCalendar = false
    public var inputs: [String] { [timekeeping, census, targets] + [shifts, spans].compactMap { $0 } }

    public init(timekeeping: String, census: String, targets: String, job: StaffingJob = StaffingJob(), file: String = "staffing_plan") {
        self.timekeeping = timekeeping
        self.census = census
        self.targets = targets
        self.job = job
        self.file = file
    }

    public init(parameters p: StageParameters) throws {
        var job = StaffingJob()
        job.horizon = try p.integer("horizon") ?? 13
        guard (1...520).contains(job.horizon) else { throw p.error("horizon", "horizon must be between 1 and 520") }
        let named = try p.string("frequency")
        if let named {
            guard let f = Frequency(rawValue: named), StaffingStage.plans(by: f) else { throw p.error("frequency", "frequency must be day, week or month") }
            job.frequency = f
        }
        job.percentile = try p.number("percentile") ?? 50
        guard (1...99.9).contains(job.percentile) else { throw p.error("percentile", "percentile must be between 1 and 99.9") }
        job.planner.paidHoursPerFTEYear = try p.number("paid_hours_per_fte", in: 500...4_000, "paid hours per FTE a year") ?? 2_080
        job.planner.productiveShare = try p.number("productive_share", in: 0.1...1, "the share of paid hours worked") ?? 0.9
        job.planner.overtimeShare = try p.number("overtime_share", in: 0...1, "the largest share of required hours covered by overtime before agency") ?? 0.1
        do { job.payCodes = try PayCodeMap().overriding(try p.map("pay_codes")) } catch let e as PayCodeError { throw p.error("pay_codes", e.message) }
        let file = try p.string("file") ?? "staffing_plan"
        guard ExportStage.isSafeName(file) else { throw p.error("file", "'\(file)' must be a plain file name") }
        self.init(timekeeping: try p.requiredString("timekeeping"), census: try p.requiredString("census"),
                  targets: try p.requiredString("targets"), job: job, file: file)
        followsCalendar = named == nil
        shifts = try p.string("shifts")
        spans = try p.string("spans")
        if spans != nil && shifts == nil { throw p.error("spans", "spans count staff on duty per shift: give shifts too") }
        let anchor = try p.string("pay_period_start") ?? "2023-01-01"
        guard let day = DateParser().parse(anchor) else { throw p.error("pay_period_start", "pay_period_start must be a date such as 2023-01-01, not '\(anchor)'") }
        shiftJob.payPeriods = PayPeriod(anchor: day)
        shiftJob.payCodes = job.payCodes
    }

    /// The periods a staffing plan is made in: day, week or month.
    public static func plans(by frequency: Frequency) -> Bool { frequency == .day || frequency == .week || frequency == .month }

    /// The periods the plan is made in: `job.frequency`, or the pipeline calendar's when the
    /// stage follows it (nil when that is a quarter or a year, which no staffing plan is by).
    func frequency(in calendar: PipelineCalendar) -> Frequency? {
        guard followsCalendar, let given = calendar.frequency else { return job.frequency }
        return StaffingStage.plans(by: given) ? given : nil
    }

    func calendarProblem(_ calendar: PipelineCalendar, stage: String) -> String? {
        guard frequency(in: calendar) == nil, let given = calendar.frequency else { return nil }
        return "stage '\(stage)': the pipeline's calendar is by \(given.rawValue), and staffing plans by day, week or month; give this stage frequency: week (or day, or month)"
    }

    public func check(_ context: ValidationContext) -> [PipelineError] {
        calendarProblem(context.calendar, stage: context.stage).map { [PipelineError(location: context.location, $0)] } ?? []
    }

    public var outputFiles: [String] {
        // The by-shift files only with shifts: two staffing stages without them write none.
        [file + ".csv"] + (shifts == nil ? [] : ["staffing_shifts.csv", "staffing_grid.csv", "staffing_productivity.csv", "staffing_shift_outlook.csv"])
            + Self.reportFiles(file, charts: ["fte", "census_*"] + (shifts == nil ? [] : ["productivity"]))
    }

    public func run(_ context: StageContext) throws -> [String: Table] {
        var job = self.job
        if let problem = calendarProblem(context.calendar, stage: context.stage) { throw PipelineError(location: nil, problem) }
        job.frequency = frequency(in: context.calendar) ?? job.frequency
        job.threads = context.threads
        job.quiet = context.quiet
        job.historyStage = context.history.map { _ in context.stage }
        let timekeepingTable = try context.table(timekeeping), censusTable = try context.table(census), targetsTable = try context.table(targets)
        // The ratio minimum counts the hours the shifts staff, when the shifts file gives them.
        if let shifts { job.staffedHours = ShiftStaffingJob.staffedHours(shifts: try context.table(shifts)) }
        let result = try job.run(timekeeping: timekeepingTable, census: censusTable, targets: targetsTable)
        if let record = result.history { context.record(record) }
        let table = StaffingJob.table(result)
        try table.write(to: context.output(file + ".csv"))
        var byShift: ShiftStaffingJob.Result?
        var shiftSheets: [ReportSheet] = []
        if let shifts {
            let shiftResult = try shiftJob.run(shifts: try context.table(shifts), spans: try spans.map { try context.table($0) } ?? timekeepingTable,
                                               timekeeping: timekeepingTable, targets: targetsTable,
                                               census: StaffingJob.censusByDay(censusTable), plan: result, frequency: job.frequency)
            let shiftTables = [ShiftStaffingJob.shiftsTable(shiftResult), ShiftStaffingJob.gridTable(shiftResult),
                               ShiftStaffingJob.productivityTable(shiftResult), ShiftStaffingJob.outlookTable(shiftResult)]
            for (table, name) in zip(shiftTables, ["staffing_shifts", "staffing_grid", "staffing_productivity", "staffing_shift_outlook"]) {
                try table.write(to: context.output(name + ".csv"))
            }
            shiftSheets = zip(shiftTables, [WorkbookSheets.shifts, WorkbookSheets.grid, WorkbookSheets.productivity, WorkbookSheets.shiftOutlook]).map { $1($0) }
            byShift = shiftResult
        }
        var document = StaffingJob.report(result, numbers: context.reports.numbers, moreSummary: byShift.map(ShiftStaffingJob.summary) ?? [], file: file)
        if let byShift { ShiftStaffingJob.addSections(byShift, to: &document, numbers: context.reports.numbers) }
        document.sheet(WorkbookSheets.staffing(table))
        for sheet in shiftSheets { document.sheet(sheet) }
        let report = try context.write(document, name: file)
        for item in StaffingJob.costReductions(result, report: report, numbers: context.reports.numbers) {
            context.costReduction(item)
        }
        context.summary(StaffingJob.note(result))
        if let byShift { context.summary(ShiftStaffingJob.note(byShift)) }
        return ["plan": table]
    }
}
