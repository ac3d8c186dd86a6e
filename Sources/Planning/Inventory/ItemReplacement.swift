import Tabular

/// One line of the item master's `replaced_by`: an item and the item that replaces it.
///
/// Reorder plans a successor on its own usage history: the replaced item's use is not carried
/// over, as a successor may come in other packs or serve part of the old item's uses. A
/// successor with a few weeks of history is then planned from those weeks alone, so the buyer
/// is told which items were replaced and what each successor was planned on (the column was
/// read by no one, and a new catheter was ordered from its 29 days of use without a word).
public struct ItemReplacement: Sendable, Equatable {
    /// The replaced item, as the master writes it.
    public var item: String
    /// Its successor, read as the master's code for it (`6010` for the master's `06010`).
    public var successor: String
    /// The successor's own successor, when the master replaces it in turn.
    public var next: String?

    public init(item: String, successor: String, next: String? = nil) {
        self.item = item
        self.successor = successor
        self.next = next
    }

    /// The master's replacements, in its row order. `items` and `successors` are its `item`
    /// and `replaced_by` columns; `masterCode` reads a code as the master's spelling of it.
    /// An item naming itself, as written or written otherwise (`6010` for `06010`), has no
    /// successor and is left out (it read "06010 replaces 06010"); a blank successor is none.
    public static func read(items: [String], successors: [String], masterCode: (String) -> String) -> [ItemReplacement] {
        var successorOf: [String: String] = [:]
        var lines: [(item: String, successor: String)] = []
        for (item, given) in zip(items, successors) {
            let successor = given.trimmed()
            guard !successor.isEmpty else { continue }
            let code = masterCode(successor)
            if successorOf[item] == nil { successorOf[item] = code }
            if code != item { lines.append((item, code)) }
        }
        return lines.map { line in
            ItemReplacement(item: line.item, successor: line.successor, next: successorOf[line.successor].flatMap { $0 != line.successor ? $0 : nil })
        }
    }

    /// `B1 replaces A1: planned on its own 30 days, and B1 is itself replaced (by C1)`, where
    /// `planned` says what the successor was planned on.
    public func described(planned: String) -> String {
        "\(successor) replaces \(item): \(planned)" + (next.map { ", and \(successor) is itself replaced (by \($0))" } ?? "")
    }

    /// The run's note on the replacements, each `described(planned:)`: the first ten named.
    public static func note(_ described: [String]) -> String {
        "the item master names \(NumberFormat.count(described.count, "item")) replaced by another (replaced_by): each successor is planned on its own usage history, "
            + "the replaced item's use is not carried over to it (" + described.prefix(10).joined(separator: "; ") + (described.count > 10 ? "; ..." : "")
            + "); a successor with a short history is planned from that alone, so check its order against the replaced item's use"
    }
}
