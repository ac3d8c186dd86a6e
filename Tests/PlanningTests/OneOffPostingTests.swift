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
