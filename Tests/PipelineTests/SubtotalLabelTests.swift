import Testing
@testable import Pipeline

/// Which labels with a total word read as an item's name (`SubtotalCheck.namesAnItem`): those
/// are weighed against their whole date, a subtotal's label against its date's rows so far.
@Suite struct SubtotalLabelTests {
    @Test func totalThenANounIsAnItemsName() {
        #expect(SubtotalCheck.namesAnItem("Total Hip Kit") && SubtotalCheck.namesAnItem(" total protein supplement"))
        #expect(!SubtotalCheck.namesAnItem("Total - ICU") && !SubtotalCheck.namesAnItem("TOTAL: ICU") && !SubtotalCheck.namesAnItem("Total for 2025-01"))
        #expect(!SubtotalCheck.namesAnItem("ICU Total") && !SubtotalCheck.namesAnItem("Subtotal - 6010 ICU") && !SubtotalCheck.namesAnItem("Total"))
    }
}
