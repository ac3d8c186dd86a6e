import Tabular

/// Item codes that differ from the item master's only in leading zeros (`900`, `0900` and
/// `000900`), read as the master writes them.
///
/// Spreadsheets strip the leading zeros of numeric codes, and other systems pad them: matched
/// byte for byte, an item used 20 a day was "no recent demand", flagged dead stock and never
/// ordered, while its usage was "without an inventory row". Only all-digit codes are read so,
/// only when the master has no such code itself, and only when one master code fits.
struct ItemCodeMatch {
    /// Master code by its digits without leading zeros, for the all-digit codes that are the
    /// only one of their value.
    private var byValue: [String: String] = [:]
    private let master: Set<String>
    /// "usage 900 -> 000900", for the run's note.
    private(set) var renamed: [String] = []

    init(master codes: [String]) {
        master = Set(codes)
        var seen: [String: Int] = [:]
        for code in master { if let value = ItemCodeMatch.value(code) { seen[value, default: 0] += 1; byValue[value] = code } }
        for (value, count) in seen where count > 1 { byValue[value] = nil }
    }

    /// The digits of an all-digit code without its leading zeros ("0" for zeros alone); nil
    /// for any other code.
    static func value(_ code: String) -> String? {
        guard !code.isEmpty, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let stripped = code.drop { $0 == "0" }
        return stripped.isEmpty ? "0" : String(stripped)
    }

    /// `table`'s item column with codes read as the master's; `what` names the input for the
    /// note. The column is rebuilt only when some code is read otherwise (a usage export holds
    /// millions of rows and few distinct codes).
    mutating func apply(to table: inout Table, _ what: String) {
        guard !byValue.isEmpty, let items = table.texts("item") else { return }
        var seen = Set<String>(), targets: [String: String] = [:]
        for code in items where seen.insert(code).inserted {
            if !master.contains(code), let value = ItemCodeMatch.value(code), let found = byValue[value] {
                targets[code] = found
                renamed.append("\(what) \(code) -> \(found)")
            }
        }
        guard !targets.isEmpty else { return }
        table.replace("item", with: .text(items.map { targets[$0] ?? $0 }))
    }

    /// The same for an input that may be absent.
    mutating func apply(to table: inout Table?, _ what: String) {
        guard var given = table else { return }
        apply(to: &given, what)
        table = given
    }
}
