import Testing
import Tabular

@Suite struct ShortListTests {
    @Test func aFewOfManyEndWithAnEllipsis() {
        #expect(["A", "B", "C"].listed(upTo: 5) == "A, B, C")
        #expect(["A", "B", "C"].listed(upTo: 3) == "A, B, C")
        #expect(["A", "B", "C"].listed(upTo: 2) == "A, B, ...")
        #expect([String]().listed(upTo: 2) == "")
        // Examples of a larger count.
        #expect(["A", "B"].listed(of: 2) == "A, B")
        #expect(["A", "B"].listed(of: 7) == "A, B, ...")
    }
}
