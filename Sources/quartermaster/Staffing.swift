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
    @Option(help: ArgumentHelp("Daily census (date, unit, patient_days).", valueName: "path")) var census: String
    @Option(help: ArgumentHelp("Staffing targets (unit, job_code, target_hppd, budgeted_fte, ...).", valueName: "path")) var targets: String
    @Option(help: ArgumentHelp("Periods to plan.", valueName: "periods")) var horizon = 13
    @Option(help: ArgumentHelp("week or month.", valueName: "frequency")) var frequency = "week"
    @Option(help: ArgumentHelp("Plan for this census percentile (50 = mean).", valueName: "p")) var percentile = 50.0
    @Option(help: ArgumentHelp("Pay codes beyond the usual ones, or read otherwise: \"XTRA=overtime,CALL=regular\" (regular, overtime, agency, non_productive).", valueName: "map")) var payCodes: String?
    @OptionGroup var pipeline: CannedPipelineOptions

    func run() throws {
        var job = StaffingJob()
        guard (1...520).contains(horizon) else { throw UsageError("--horizon must be between 1 and 520") }
        guard let f = Frequency(rawValue: frequency), f == .week || f == .month || f == .day else { throw UsageError("--frequency must be day, week or month") }
        guard (1...99.9).contains(percentile) else { throw UsageError("--percentile must be between 1 and 99.9") }
        job.horizon = horizon
        job.frequency = f
        job.percentile = percentile
        if let payCodes {
            do { job.payCodes = try PayCodeMap().overriding(try ImportOptions.parseMap(payCodes, flag: "--pay-codes", example: "XTRA=overtime,CALL=regular")) } catch let e as PayCodeError { throw UsageError("--pay-codes: \(e.message)") }
        }
        try pipeline.run("staffing", [
            .init("timekeeping", try pipeline.importStage(timekeeping, "timekeeping", shardKey: ["unit"], main: true)),
            .init("census", try pipeline.importStage(census, "census", shardKey: ["unit"])),
            .init("targets", try pipeline.importStage(targets, "staffing_targets", shardKey: ["unit"])),
            .init("staffing", StaffingStage(timekeeping: "timekeeping", census: "census", targets: "targets", job: job)),
        ], writes: ["staffing_plan.csv", "staffing_plan.md"])
    }
}
