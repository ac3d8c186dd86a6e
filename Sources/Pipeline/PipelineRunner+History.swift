import Foundation
import History
import Tabular

extension PipelineRunner {
    /// Appends a finished run to its history, after its outputs are in place (a run that
    /// failed never gets here, so it appends nothing); returns the note saying so.
    public static func append(to history: RunHistory, command: String, started: Date, pipelineHash: String, output: String,
                       records: [StageRecord]) throws -> String {
        var record = RunRecord(command: command, startedAt: started, pipelineSHA256: pipelineHash, output: output)
        record.stages = records
        let id: Int
        let started = Progress.now()
        do {
            id = try history.append(record)
        } catch var error as InputError {
            error.message += " (the run's outputs are in place in \(output); only the history misses this run)"
            throw error
        }
        let forecasts = records.reduce(0) { $0 + $1.forecastCount }
        // (A stage that saw no rows is not recorded, nor counted.)
        let stages = records.filter { !$0.isEmpty }.count
        var note = "history: run \(id) appended to \(history.path) (\(forecasts) forecasts from \(stages) stage\(stages == 1 ? "" : "s")) in \(NumberFormat.fixed(Progress.now() - started, decimals: 3)) s"
        // A 90% interval written to forecasts.csv has no column in the history: track then
        // reported its coverage as n/a without a word why.
        let unkept = Set(records.flatMap(\.levelsNotKept)).sorted()
        if !unkept.isEmpty {
            note += "; it keeps the 80% and 95% intervals only, so the \(unkept.map { NumberFormat.fixed($0) + "%" }.joined(separator: " and ")) intervals are not archived and track scores no coverage for them (levels 80,95 are)"
        }
        return note
    }
}
