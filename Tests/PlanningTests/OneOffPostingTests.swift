import Testing
@testable import Planning

/// One-off amounts in a ledger line's months (a finance review's cases).
@Suite struct OneOffPostingTests {
    static func months(_ values: [Double], from first: Int = 100) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { (first + $0.offset, $0.element) })
    }

    @Test func aLonePostingIsOneOffOnceThreeMonthsPassWithoutIt() {
        // 50,000 in month 101 (100 has a 0.00 row), nothing booked since through 104.
        let line = Self.months([0, 50_000, 0, 0, 0])
        #expect(OneOffPosting.find(line, posted: [101], ledgerStart: 100, asOf: 104) == .once(month: 101, amount: 50_000))
        #expect(OneOffPosting.once(month: 101, amount: 50_000).history(line) == nil)
        // Two months after it, a quarterly charge could still recur: named, still projected.
        #expect(OneOffPosting.find(line, posted: [101], ledgerStart: 100, asOf: 103) == .recent(month: 101, amount: 50_000))
        #expect(OneOffPosting.recent(month: 101, amount: 50_000).history(line) == line)
        // A ledger of two months: every line has posted once or twice, none is new.
        #expect(OneOffPosting.find(Self.months([50_000]), posted: [100], ledgerStart: 100, asOf: 101) == nil)
        // Posting twice is a pattern, not a one-off.
        #expect(OneOffPosting.find(Self.months([50_000, 0, 0, 50_000]), posted: [100, 103], ledgerStart: 100, asOf: 106) == nil)
    }

    @Test func oneMonthFiveTimesTheOthersIsForecastAtTheirMedian() {
        let repairs = Self.months([1_000, 51_000, 1_000, 1_200, 900])
        let found = OneOffPosting.find(repairs, posted: Set(repairs.keys), ledgerStart: 100, asOf: 104)
        #expect(found == .spike(month: 101, amount: 51_000, usual: 1_000))
        #expect(found?.history(repairs)?[101] == 1_000 && found?.history(repairs)?[102] == 1_000)
        // Credits (a line booked below zero) the same way, with their sign.
        let credits = repairs.mapValues { -$0 }
        #expect(OneOffPosting.find(credits, posted: Set(credits.keys), ledgerStart: 100, asOf: 104) == .spike(month: 101, amount: -51_000, usual: -1_000))
        // Four times is a busy month; three months are too few to tell; a month without
        // posting in the span is intermittent spending, not a run rate.
        #expect(OneOffPosting.find(Self.months([1_000, 4_000, 1_000, 1_000]), posted: [100, 101, 102, 103], ledgerStart: 100, asOf: 103) == nil)
        #expect(OneOffPosting.find(Self.months([1_000, 9_000, 1_000]), posted: [100, 101, 102], ledgerStart: 100, asOf: 102) == nil)
        #expect(OneOffPosting.find(Self.months([1_000, 9_000, 0, 1_000, 1_000]), posted: [100, 101, 103, 104], ledgerStart: 100, asOf: 104) == nil)
    }
}

/// One-off credits in a cost line (a finance review's case 02 and its smaller variant): a
/// rebate true-up credited to the drugs account is left out of the projection, like a spike.
@Suite struct OneOffCreditTests {
    static let month = VarianceLineProjectionTests.month
    /// 6200 Pharmaceuticals, July 2025 to March 2026, with November as `november`.
    static func drugs(november: Double) -> [Int: Double] {
        let values = [256_515.29, 263_705.13, 243_152.62, 257_101.93, november, 255_413.68, 248_788.35, 246_091.09, 256_392.68]
        return Dictionary(uniqueKeysWithValues: values.enumerated().map { (month(2025, 7) + $0.offset, $0.element) })
    }

    /// The nine months' median is 255,413.68 and their median absolute deviation 6,625.33
    /// (9,822.61 scaled): far is 5 x 9,822.61 = 49,113 below, or a quarter of the median,
    /// 63,853, whichever is more. November at -56,945.95 (a $310,000 rebate) is 312,360 below,
    /// and at 103,054.05 (a $150,000 one) 152,360 below: both credits, forecast at the other
    /// eight's median, 255,903.18. A month 40,000 under (215,413.68) is a quieter month, and
    /// the last month is no credit, even below zero (with no month after it, it may be a new
    /// level or the month's postings missing, an accrual reversed alone).
    @Test func aMonthFarBelowTheLinesUsualMonthIsAOneOffCredit() {
        let nov = Self.month(2025, 11), mar = Self.month(2026, 3)
        for november in [-56_945.95, 103_054.05] {
            let line = Self.drugs(november: november)
            let found = OneOffPosting.find(line, posted: LedgerMonths.postedMonths(line), ledgerStart: Self.month(2025, 7), asOf: mar)
            #expect(found == .credit(month: nov, amount: november, usual: (255_413.68 + 256_392.68) / 2), "\(String(describing: found))")
            #expect(found?.history(line)?[nov] == (255_413.68 + 256_392.68) / 2)
        }
        let quiet = Self.drugs(november: 215_413.68)
        #expect(OneOffPosting.find(quiet, posted: Set(quiet.keys), ledgerStart: Self.month(2025, 7), asOf: mar) == nil)
        var lowLast = Self.drugs(november: 250_000)
        lowLast[mar] = 103_054.05
        #expect(OneOffPosting.find(lowLast, posted: Set(lowLast.keys), ledgerStart: Self.month(2025, 7), asOf: mar) == nil)
        lowLast[mar] = -5_000
        #expect(OneOffPosting.find(lowLast, posted: LedgerMonths.postedMonths(lowLast), ledgerStart: Self.month(2025, 7), asOf: mar) == nil)
    }

    /// The case itself, the engine forecasting: budget 250,000 a month, Salaries beside it at
    /// 100,000. Each month April to June was 218,912.76, the mean of all nine months with the
    /// rebate (1,970,214.82 / 9), $103,447 short of the usual month over the three (253,395.10
    /// without it); now each is within the eight usual months' range (243,153 to 263,705). The
    /// notes name the credit and no longer call November "no posting ... a journal not yet posted".
    @Test func aRebateCreditIsNotProjectedIntoTheMonthsLeft() throws {
        let fy = VarianceLineProjectionTests.fiscalYear, mar = Self.month(2026, 3)
        let budget = VarianceLineProjectionTests.rows(fy.flatMap { m -> [(String, String, Int, Double)] in
            [("8400 Pharmacy", "6200 Pharmaceuticals", m, 250_000), ("8400 Pharmacy", "5010 Salaries", m, 100_000)]
        })
        let drugs = Self.drugs(november: -56_945.95)
        let actuals = VarianceLineProjectionTests.rows(fy.filter { $0 <= mar }.flatMap { m -> [(String, String, Int, Double)] in
            [("8400 Pharmacy", "6200 Pharmaceuticals", m, drugs[m]!), ("8400 Pharmacy", "5010 Salaries", m, 100_000)]
        })
        let variance = try BudgetVariance(budget: budget, actuals: actuals)
        #expect(!variance.notes.contains { $0.contains("no posting") }, "\(variance.notes)")
        let outcome = try variance.projected(forecast: VarianceLineProjectionTests.engine)
        let line = try VarianceLineProjectionTests.projection(outcome, "6200 Pharmaceuticals")
        for period in ["2026-04", "2026-05", "2026-06"] {
            let amount = line.months[period] ?? .nan
            #expect(amount >= 243_152 && amount <= 263_706, "\(period): \(amount)")
        }
        let note = try #require(outcome.notes.first { $0.contains("one-off credit") })
        #expect(note.contains("6200 Pharmaceuticals, -$56,946 in 2025-11") || note.contains("6200 Pharmaceuticals, -$56,945.95 in 2025-11"), "\(note)")
    }

    /// Surgical supplies of 60,000 a month from January 2025, 35,652 in December 2025 (surgeons'
    /// holidays), 60,000 in January and February 2026, as of February; the calendar-year budget
    /// plans 60,000 a month and 36,000 in December. December is about as low as its budget
    /// (60,000 x 36,000 / 60,000 = 36,000 expected, 348 off, under the 15,000 floor): no credit.
    /// It was read as one (24,348 below the usual 60,000), and next December projected at 59,561.
    /// Budgeted 60,000 in December too, the same month is a credit.
    @Test func aMonthItsBudgetPlansAsLowIsNoCredit() {
        let first = Self.month(2025, 1), dec = Self.month(2025, 12), asOf = Self.month(2026, 2)
        let amounts = Dictionary(uniqueKeysWithValues: (first...asOf).map { ($0, $0 == dec ? 35_652.0 : 60_000) })
        let seasonal = Dictionary(uniqueKeysWithValues: (Self.month(2026, 1)...Self.month(2026, 12)).map { ($0, $0 == dec + 12 ? 36_000.0 : 60_000) })
        let flat = seasonal.mapValues { _ in 60_000.0 }
        let posted = Set(amounts.keys)
        #expect(OneOffPosting.find(amounts, posted: posted, ledgerStart: first, asOf: asOf, budget: seasonal) == nil)
        #expect(OneOffPosting.find(amounts, posted: posted, ledgerStart: first, asOf: asOf, budget: flat) == .credit(month: dec, amount: 35_652, usual: 60_000))
        #expect(OneOffPosting.creditMonth(amounts, asOf: asOf, budget: seasonal) == nil)
    }
}
