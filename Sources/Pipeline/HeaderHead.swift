/// The noun a header names, from its words in order: in English the last word is the head
/// (`Price Unit` is a unit, `Unit Price` a price), except that a phrase after a preposition
/// only qualifies what comes before it (`Cost per Unit` is a cost, `Qty On Hand` a quantity,
/// `Unit of Measure` a unit) and one before the rest only qualifies what follows (`On Order
/// Qty` is a quantity). A trailing `Each` is an adverb (`Cost Each`). A trailing preposition
/// names the quantity a price is for (SAP's `Price Per`): its head is `unit`.
///
/// Compared only between measures (`measures`): `Qty Received` and `Received Qty` (heads
/// `received` and `quantity`) stay one header, as do `Hours Worked` and `Worked Hours`.
struct HeaderHead: Sendable {
    let noun: String?

    /// Words that head a prepositional phrase.
    static let prepositions: Set<String> = ["on", "of", "per", "in", "at", "for", "by"]

    /// The nouns whose order decides what a header measures.
    static let measures: Set<String> = ["price", "cost", "amount", "value", "unit", "quantity", "count", "rate", "dollar"]

    init(_ words: [String]) {
        var words = words.filter { $0 != "the" && $0 != "a" }
        while let last = words.last, last == "each" || last == "ea", words.count > 1 { words.removeLast() }
        guard let last = words.last else { noun = nil; return }
        if HeaderHead.prepositions.contains(last) {
            noun = words.count > 1 ? "unit" : nil
        } else if HeaderHead.prepositions.contains(words[0]) {
            noun = last
        } else if let cut = words.firstIndex(where: HeaderHead.prepositions.contains) {
            noun = words[cut - 1]
        } else {
            noun = last
        }
    }
}
