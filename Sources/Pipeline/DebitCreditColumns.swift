import Tabular

/// A ledger exported with separate debit and credit columns (a common ERP layout) and its
/// amount mapped to one of them: the other column's amounts are never read.
///
/// Mapped to `Debit`, a GL's credit rows (an accrual reversed, a credit memo) had an empty
/// amount and were rejected, and the error advised `--on-error skip`, which kept the debits
/// alone: every reversal and credit gone, an ICU's salaries $12,000 and its supplies $3,000
/// over (a finance review). The import refuses such a map before reading a row, and says to
/// give one signed amount, which the ledger's own net column (or debit - credit) is.
enum DebitCreditColumns {
    static let debitHeaders: Set<String> = ["debit", "debits", "debit amount", "debit amt", "dr", "dr amount"]
    static let creditHeaders: Set<String> = ["credit", "credits", "credit amount", "credit amt", "cr", "cr amount"]

    /// Why the import of `header`, whose `amount` role reads column `amount`, cannot go on,
    /// or nil when the amount is no debit or credit column beside the other.
    static func problem(header: [String], amount: Int?) -> String? {
        guard let amount, amount < header.count else { return nil }
        func key(_ text: String) -> String { text.trimmed().lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "." }).joined(separator: " ") }
        let mapped = key(header[amount])
        let (own, other): (Set<String>, Set<String>) = debitHeaders.contains(mapped) ? (debitHeaders, creditHeaders)
            : creditHeaders.contains(mapped) ? (creditHeaders, debitHeaders) : ([], [])
        guard !own.isEmpty, let twin = header.indices.first(where: { $0 != amount && other.contains(key(header[$0])) }) else { return nil }
        return "column '\(header[amount].clipped(40))' is mapped as amount, but the file also has a '\(header[twin].clipped(40))' column (debits and credits in columns of their own): "
            + "read alone, every amount of the other column (reversals, credit memos, refunds) would be lost, and skipping the rows it leaves empty drops them too; "
            + "export the ledger with one signed amount column (debit - credit, as a GL's Net Amount or Amount) and map amount to it"
    }
}
