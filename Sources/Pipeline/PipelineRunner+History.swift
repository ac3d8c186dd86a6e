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

    /// Refuses, before anything runs, a run whose stage reads other rows than the runs of its
    /// name the history holds (`StageScope`): its actuals would be recorded as revisions of
    /// the other job's, and each job's forecasts scored against the other's figures.
    static func refuseAnotherScope(_ scopes: [String: StageScope], in history: RunHistory) throws {
        for (stage, scope) in scopes.sorted(by: { $0.key < $1.key }) where !scope.clauses.isEmpty {
            guard let held = try history.scope(of: stage), held.scope != scope.clauses else { continue }
            func read(_ files: String, _ clauses: String) -> String { (files.isEmpty ? "" : files + " ") + "(" + clauses + ")" }
            throw InputError(file: history.path, "the history's stage '\(stage)' was recorded by a run that read \(read(held.files, held.scope)) (run \(held.run)), and this run's stage '\(stage)' reads \(read(scope.files, scope.clauses)): another job's figures, which would be recorded as revisions of that one's and score its forecasts against other rows. Give this job a stage name of its own, or a history of its own (--history, history: in the pipeline); if it is the same job and what it reads changed on purpose, run again with --same-job. Nothing was run or written")
        }
    }
}
