import Foundation
import History
import Tabular

extension PipelineRunner {
    /// Appends a finished run to its history, after its outputs are in place (a run that
    /// failed never gets here, so it appends nothing); returns the note saying so.
    ///
    /// `committing` puts a pipeline's outputs in place once the history's checks passed,
    /// inside its transaction: a run the figures refuse then writes nothing at all. Without it
    /// (a canned command, whose outputs are written already) a refusal says they are in place.
    /// `sameJob` records the figures the checks would refuse; `adopted` are the stages whose
    /// scope `--same-job` let through (`refuseAnotherScope`), named in the note with them.
    public static func append(to history: RunHistory, command: String, started: Date, pipelineHash: String, output: String,
                              records: [StageRecord], sameJob: Bool = false, adopted: [(stage: String, change: String)] = [],
                              committing: (() throws -> Void)? = nil) throws -> String {
        var record = RunRecord(command: command, startedAt: started, pipelineSHA256: pipelineHash, output: output)
        record.stages = records
        let appended: RunHistory.Appended
        let started = Progress.now()
        do {
            appended = try history.append(record, sameJob: sameJob, beforeCommit: committing ?? {})
        } catch var error as InputError where error.file == history.path {
            error.message += committing == nil
                ? " (the run's outputs are in place in \(output); only the history misses this run)"
                : " (nothing was written: the output folder \(output) and the history are as they were)"
            throw error
        }
        let id = appended.id
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
        note += appended.notes.map { "\nhistory: " + $0 }.joined()
        if sameJob {
            // `--same-job` covered every stage at once without a word: a change to another
            // stage's scope (demand_icu reading Med-Surg for ICU, 0.54x) was adopted unseen.
            var applied: [String: [String]] = [:]
            for (stage, change) in adopted { applied[stage, default: []].append(change) }
            for (stage, change) in appended.restated { applied[stage, default: []].append("its figures as this run has them (\(change))") }
            note += applied.isEmpty
                ? "\n--same-job: no stage needed it (every stage's scope and figures agree with the history)"
                : "\n--same-job applied to " + applied.keys.sorted().map { "stage '\($0)' (\(applied[$0]!.joined(separator: "; ")))" }.joined(separator: ", ")
                    + ": recorded as the stage's from this run on"
        }
        return note
    }

    /// Refuses, before anything runs, a run whose stage reads other rows than the runs of its
    /// name the history holds (`StageScope`): its actuals would be recorded as revisions of
    /// the other job's, and each job's forecasts scored against the other's figures.
    /// Under `sameJob`, returns the stages whose scope changed instead, with the old and the
    /// new one, for the run's note.
    @discardableResult
    static func refuseAnotherScope(_ scopes: [String: StageScope], in history: RunHistory, sameJob: Bool = false) throws -> [(stage: String, change: String)] {
        var adopted: [(stage: String, change: String)] = []
        for (stage, scope) in scopes.sorted(by: { $0.key < $1.key }) where !scope.clauses.isEmpty {
            guard let held = try history.scope(of: stage), held.scope != scope.clauses else { continue }
            func read(_ files: String, _ clauses: String) -> String { (files.isEmpty ? "" : files + " ") + "(" + clauses + ")" }
            if sameJob {
                adopted.append((stage, "its scope, from \(read(held.files, held.scope)) in run \(held.run) to \(read(scope.files, scope.clauses))"))
                continue
            }
            throw InputError(file: history.path, "the history's stage '\(stage)' was recorded by a run that read \(read(held.files, held.scope)) (run \(held.run)), and this run's stage '\(stage)' reads \(read(scope.files, scope.clauses)). If this is another job, its figures would be recorded as revisions of that one's and score its forecasts against other rows: give this job a stage name of its own, or a history of its own (--history, history: in the pipeline); if it is the same job and what it reads changed on purpose, run again with --same-job. Nothing was run or written")
        }
        return adopted
    }
}
