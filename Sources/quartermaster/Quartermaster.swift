import ArgumentParser
import CBuildInfo
import Forecasting
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes are part of DESIGN.md's contract: 0 ok, 1 data or validation error,
/// 2 usage error, 3 internal error.
@main
struct Quartermaster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quartermaster",
        abstract: "Forecasts, reorder lists, staffing plans and budget variance from hospital CSV exports.",
        version: QuartermasterVersion.full,
        subcommands: [Aggregate.self, Forecast.self, Reorder.self, Variance.self, Staffing.self, Purchasing.self, Track.self, Run.self, Validate.self, Stages.self, Inspect.self]
    )

    static func main() {
        GSL.prepare()
        // A reader that stops early (`--out - | head -2`) killed the process with SIGPIPE
        // (exit 141) mid-write, so the failed run never rolled back: a history it had just
        // created stayed behind, empty. Ignored, the write fails with EPIPE instead, which
        // fails the run as any write error does (exit 1, the history removed).
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail("error: \(error)", code: 1)
        } catch let error as UsageError {
            fail("error: \(error)\n\(helpHint)", code: 2)
        } catch let error as PipelineValidationError {
            fail("error: \(error)", code: 1)
        } catch let error as PipelineError {
            fail("error: \(error)", code: 1)
        } catch let error as GSLError {
            fail("internal error: \(error)", code: 3)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            if code == .validationFailure {
                fail(fullMessage(for: error), code: 2)
            }
            fail("internal error: \(error)", code: 3)
        }
    }

    static let helpHint = "See 'quartermaster help' for usage."

    static func fail(_ message: String, code: Int32) -> Never {
        Diagnostics.error(message)
        Glibc.exit(code)
    }
}

/// The release and the git commit it was built from; `--version`, manifest.json and every
/// workbook's About sheet say both, so a report can be traced to the code that made it.
enum QuartermasterVersion {
    static let current = "0.1.0"
    static let commit = String(cString: qm_build_commit())
    static let full = "\(current) (commit \(commit))"
}
