import ArgumentParser
import Tabular

/// How much bad input a command tolerates, shared by every command that imports files.
struct RejectLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("fail: stop when more than --reject-threshold of an input's rows are rejected; skip: import the rest (an input with no row left still fails).", valueName: "fail|skip"))
    var onError: String = "fail"

    @Option(help: ArgumentHelp("Largest share of rejected rows per input before failing, in percent.", valueName: "percent"))
    var rejectThreshold: Double = 1

    @OptionGroup var fieldLimits: FieldLimitOptions

    /// Checks the flags and sets them on `options`.
    func apply(to options: inout ImportOptions) throws {
        guard let policy = RejectPolicy(rawValue: onError) else {
            throw UsageError("--on-error must be fail or skip, not '\(onError)'")
        }
        guard rejectThreshold >= 0, rejectThreshold <= 100 else {
            throw UsageError("--reject-threshold is a percentage between 0 and 100")
        }
        let limits = try fieldLimits.limits()
        options.onError = policy
        options.rejectThreshold = rejectThreshold / 100
        options.limits = limits
    }
}
