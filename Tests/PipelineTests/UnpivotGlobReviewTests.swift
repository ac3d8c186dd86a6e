import Testing
@testable import Pipeline
import Tabular

/// A named glob that leaves out a header reading as a period, and one header given twice.
@Suite("Unpivot: periods a glob leaves out, headers given twice")
struct UnpivotGlobReviewTests {
    let months = Unpivot(columns: ["[A-Z][A-Z][A-Z][0-9][0-9]"], namesTo: ["date"], valuesTo: "quantity")
    let dates = DateParser()

    func period(_ text: String) -> Bool { Unpivot.readsAsPeriod(text, dates: dates, shorterPeriodsBeside: true) }

    @Test func aMonthTheGlobLeavesOutIsRefusedNamingIt() {
        #expect {
            _ = try months.plan(header: ["Item", "JUL24", "AUG24", "SEPT24", "OCT24"], mapped: [0], period: period)
        } throws: { error in
            let message = (error as? Unpivot.Problem)?.message ?? ""
            return message.contains("header 'SEPT24' (column 4) reads as a period") && message.contains("widen the glob")
        }
    }

    @Test func otherColumnsTheGlobLeavesOutAreListed() throws {
        let plan = try months.plan(header: ["Item", "Description", "JUL24", "AUG24", "2024", "Total"], mapped: [0], period: period)
        #expect(plan.columns == [2, 3])
        // `2024` beside months is their total, not a month lost; `Total` is a totals label.
        #expect(plan.notTaken == [1, 4, 5])
    }

    @Test func withoutADateRoleNothingIsAPeriodLost() throws {
        let plan = try months.plan(header: ["Item", "JUL24", "SEPT24"], mapped: [0])
        #expect(plan.columns == [1])
        #expect(plan.notTaken == [2])
    }

    @Test func oneHeaderTwiceIsRefusedNamingBothColumns() {
        let every = Unpivot(columns: ["*"], namesTo: ["date"], valuesTo: "quantity")
        #expect {
            _ = try every.plan(header: ["Item", "JAN25", "FEB25", "MAR25", "MAR25"], mapped: [0], fits: { dates.parse($0[0]) != nil })
        } throws: { error in
            ((error as? Unpivot.Problem)?.message ?? "").contains("'MAR25' twice (columns 4 and 5)")
        }
        // Empty headers (a row's trailing commas) are no such pair.
        #expect(throws: Never.self) {
            _ = try every.plan(header: ["Item", "JAN25", "FEB25", "", ""], mapped: [0], fits: { dates.parse($0[0]) != nil })
        }
    }
}
