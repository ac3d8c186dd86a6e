import Forecasting
import Tabular

extension BudgetLedger {
    /// A ledger booking revenue as credits (the usual GL and trial-balance sign) against a
    /// budget that plans it positive: when every revenue line the budget types and the ledger
    /// books is booked, in total, with the opposite sign of its budget, the ledger's revenue
    /// lines are read with their sign turned, and the note says so. The same for expense, when
    /// every expense line is so (a ledger exported with expense as negative amounts).
    ///
    /// Only named before ("give the ledger and the budget the same sign"), such a ledger read
    /// every month of revenue as a shortfall of twice the revenue: $13.4M below budget for a
    /// year $373,219 above, 13 months flagged, and a census scenario of +10% losing $473,405
    /// where it earns $169,338 (a finance review). Contractual allowances, budgeted negative and
    /// booked as debits in such a ledger, are opposite too, and turn with the revenue. Where
    /// some lines of a type agree with their budget and others do not, nothing tells which
    /// sign is meant: they are read as written and named (`oppositeSignsNote`).
    mutating func turnLedgerSigns(ledger file: String) -> String? {
        var turned: [(type: VarianceLine.AccountType, lines: [LedgerLine])] = []
        for type in [VarianceLine.AccountType.revenue, .expense] {
            let all = lines.filter { (accountTypes[$0] ?? .expense) == type }
            var compared: [LedgerLine] = [], opposite = true
            for line in all where !inferredTypes.contains(line) {
                let planned = (budget[line] ?? [:]).values.reduce(0, +), booked = (actual[line] ?? [:]).values.reduce(0, +)
                guard abs(planned) >= 0.005 && abs(booked) >= 0.005 else { continue }
                compared.append(line)
                if (planned > 0) == (booked > 0) { opposite = false; break }
            }
            // The budget in the natural sign (its lines of the type positive in sum): a budget
            // written as credits beside a positive ledger is not the ledger's to turn. Expense
            // asks two lines or more: one credit line against a positive budget may be a refund.
            let plannedTotal = compared.reduce(0) { $0 + (budget[$1] ?? [:]).values.reduce(0, +) }
            guard opposite, compared.count >= (type == .revenue ? 1 : 2), plannedTotal > 0 else { continue }
            for line in all { actual[line] = actual[line]?.mapValues { -$0 } }
            turned.append((type, compared))
        }
        guard !turned.isEmpty else { return nil }
        let named = turned.map { type, lines in
            let kind = type == .revenue ? "revenue" : "expense"
            return lines.count == 1 ? "the \(kind) line (\(lines[0].label))" : "all \(lines.count) \(kind) lines (\(lines.prefix(3).map(\.label).listed(of: lines.count)))"
        }
        let what = turned.map { $0.type == .revenue ? "revenue" : "expense" }.joined(separator: " and ")
        return "the actuals\(file) book \(named.joined(separator: " and ")) with the opposite sign of the budget (\(turned.contains { $0.type == .revenue } ? "revenue as credits, the usual ledger sign" : "expense as negative amounts")): the ledger's \(what) read with \(turned.count == 1 ? "its" : "their") sign turned, in the budget's sign, so that more revenue and less expense are favorable; if a line truly ran the other way, check it"
    }
}
