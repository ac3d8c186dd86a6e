import Foundation
import Testing

/// `quartermaster inspect FILE` (issue 17).
@Suite struct InspectCommandTests {
    @Test func inspectPrintsColumnsAndASuggestedMap() throws {
        let dir = try CLIRunner.workspace(with: [])
        try "Trans Date,Item #,Qty\n1/5/2026,A100,\"1,234\"\n1/6/2026,B200,2\n".write(to: dir.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["inspect", "export.csv", "--kind", "usage"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("file: export.csv"))
        #expect(result.stdout.contains("rows: 2 data rows"))
        #expect(result.stdout.contains("Trans Date: date (mdy)"))
        #expect(result.stdout.contains("--columns 'date=\"Trans Date\",item=\"Item #\",quantity=Qty'"), "\(result.stdout)")
    }

    @Test func aMissingFileExits1NamingIt() throws {
        let dir = try CLIRunner.workspace(with: [])
        let result = try CLIRunner.run(["inspect", "missing.csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.csv: file not found"), "\(result.stderr)")
    }

    @Test func anUnknownKindExits2ListingTheKinds() throws {
        let dir = try CLIRunner.workspace(with: ["usage_windows1252.csv"])
        let result = try CLIRunner.run(["inspect", "usage_windows1252.csv", "--kind", "stock"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown kind 'stock'; use one of usage, items, inventory, timekeeping, census, staffing_targets, budget, actuals, volumes"), "\(result.stderr)")
    }
}
