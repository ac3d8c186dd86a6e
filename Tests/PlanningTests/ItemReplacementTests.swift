import Testing
@testable import Planning

/// How the item master's `replaced_by` is read (`ItemReplacement.read`).
@Suite struct ItemReplacementTests {
    /// Codes as a master matching `6010` to its `06010` would read them.
    static func masterCode(_ code: String) -> String { code == "6010" ? "06010" : code }

    @Test func aChainNamesTheSuccessorsOwnSuccessor() {
        let read = ItemReplacement.read(items: ["A1", "B1", "C1"], successors: ["B1", " C1 ", ""], masterCode: Self.masterCode)
        #expect(read == [ItemReplacement(item: "A1", successor: "B1", next: "C1"), ItemReplacement(item: "B1", successor: "C1")])
        #expect(read[0].described(planned: "planned on its own 30 days") == "B1 replaces A1: planned on its own 30 days, and B1 is itself replaced (by C1)")
    }

    @Test func anItemNamingItselfUnderAnotherSpellingHasNoSuccessor() {
        let read = ItemReplacement.read(items: ["06010", "OLD"], successors: ["6010", "06010"], masterCode: Self.masterCode)
        // `06010` names itself (as `6010`): it is no successor of itself, and no chain's next.
        #expect(read == [ItemReplacement(item: "OLD", successor: "06010")])
    }

    @Test func theNoteNamesTenAndSaysThereAreMore() {
        let described = (1...12).map { "N\($0) replaces O\($0): no use of its own yet" }
        let note = ItemReplacement.note(described)
        #expect(note.hasPrefix("the item master names 12 items replaced by another"))
        #expect(note.contains("N10 replaces O10") && !note.contains("N11 replaces") && note.contains("; ..."))
    }
}
