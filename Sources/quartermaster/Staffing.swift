import ArgumentParser
import Forecasting
import Pipeline
import Planning
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// A ready pipeline: import timekeeping, census and targets, then the staffing stage.
struct Staffing: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Census forecast, required hours, FTEs, overtime and agency by unit (staffing_plan.csv and .md).")

    @Option(help: ArgumentHelp("Timekeeping export (date, unit, hours, job_code, pay_type).", valueName: "path")) var timekeeping: String
    @Option(help: ArgumentHelp("Census (date, unit, patient_days): daily, or monthly totals (2025-07), read spread evenly over their days.", valueName: "path")) var census: String
    @Option(help: ArgumentHelp("Staffing targets (unit, job_code, target_hppd, budgeted_fte, ...).", valueName: "path")) var targets: String
    @Option(help: ArgumentHelp("Census by shift (date, shift, unit, patients, start, end): checks each shift's patient-to-staff ratio against the timekeeping spans (start, end).", valueName: "path")) var shifts: String?
    @Option(help: ArgumentHelp("Timekeeping with the start and end of each worked span, when --timekeeping has none (default: --timekeeping).", valueName: "path")) var spans: String?
    @Option(help: ArgumentHelp("First day of any two-week pay period, for productivity with --shifts.", valueName: "date")) var payPeriodStart = "2023-01-01"
    @Option(help: ArgumentHelp("Periods to plan.", valueName: "periods")) var horizon = 13
    @Option(help: ArgumentHelp("day, week or month: the periods the plan is made in.", valueName: "frequency")) var frequency = "week"
    @Option(help: ArgumentHelp("Plan for this census percentile (50 = mean).", valueName: "p")) var percentile = 50.0
    @Option(help: ArgumentHelp("Pay codes beyond the usual ones, or read otherwise: \"XTRA=overtime,CALL=regular\" (regular, overtime, agency, non_productive).", valueName: "map")) var payCodes: String?
    @Option(help: ArgumentHelp("Paid hours per FTE a year (1950 for 37.5-hour weeks).", valueName: "hours")) var paidHoursPerFte = 2_080.0
    @Option(help: ArgumentHelp("Share of paid hours worked (the rest is paid time off).", valueName: "share")) var productiveShare = 0.9
    @Option(help: ArgumentHelp("Largest share of required hours overtime covers before agency.", valueName: "share")) var overtimeShare = 0.1
    @OptionGroup var pipeline: CannedPipelineOptions

    func run() throws {
        var job = StaffingJob()
        guard (1...520).contains(horizon) else { throw UsageError("--horizon must be between 1 and 520") }
        guard let f = Frequency(rawValue: frequency), StaffingStage.plans(by: f) else { throw UsageError("--frequency must be day, week or month") }
        guard (1...99.9).contains(percentile) else { throw UsageError("--percentile must be between 1 and 99.9") }
        // The stage's own ranges (paid_hours_per_fte:, productive_share:, overtime_share:).
        guard (500...4_000).contains(paidHoursPerFte) else { throw UsageError("--paid-hours-per-fte must be between 500 and 4000 (paid hours per FTE a year)") }
        guard (0.1...1).contains(productiveShare) else { throw UsageError("--productive-share must be between 0.1 and 1 (the share of paid hours worked)") }
        guard (0...1).contains(overtimeShare) else { throw UsageError("--overtime-share must be between 0 and 1") }
        job.planner.paidHoursPerFTEYear = paidHoursPerFte
        job.planner.productiveShare = productiveShare
        job.planner.overtimeShare = overtimeShare
        job.horizon = horizon
        job.frequency = f
        job.percentile = percentile
        job.sharded = try pipeline.input.parsedShard() != nil
        if let payCodes {
            do { job.payCodes = try PayCodeMap().overriding(try ImportOptions.parseMap(payCodes, flag: "--pay-codes", example: "XTRA=overtime,CALL=regular")) } catch let e as PayCodeError { throw UsageError("--pay-codes: \(e.message)") }
        }
        var stage = StaffingStage(timekeeping: "timekeeping", census: "census", targets: "targets", job: job)
        var stages: [PipelineRunner.NamedStage] = [
            .init("timekeeping", try pipeline.importStage(timekeeping, "timekeeping", shardKey: ["unit"], main: true)),
            .init("census", try pipeline.importStage(census, "census", shardKey: ["unit"])),
            .init("targets", try pipeline.importStage(targets, "staffing_targets", shardKey: ["unit"])),
        ]
        var writes = ["staffing_plan.csv", "staffing_plan.md"]
        if spans != nil && shifts == nil { throw UsageError("--spans counts staff on duty per shift: give --shifts too") }
        if let shifts {
            guard let anchor = DateParser().parse(payPeriodStart) else { throw UsageError("--pay-period-start must be a date such as 2023-01-01, not '\(payPeriodStart)'") }
            stage.shifts = "shifts"
            stage.shiftJob.payPeriods = PayPeriod(anchor: anchor)
            stage.shiftJob.payCodes = job.payCodes
            stages.append(.init("shifts", try pipeline.importStage(shifts, "shifts", shardKey: ["unit"])))
            if let spans {
                stage.spans = "spans"
                stages.append(.init("spans", try pipeline.importStage(spans, "timekeeping", shardKey: ["unit"])))
            }
            writes += ["staffing_shifts.csv", "staffing_grid.csv", "staffing_productivity.csv", "staffing_shift_outlook.csv"]
        }
        stages.append(.init("staffing", stage))
        try pipeline.run("staffing", stages, writes: writes, settings: ["frequency": frequency], optional: ["shifts": "--shifts"])
    }
}
