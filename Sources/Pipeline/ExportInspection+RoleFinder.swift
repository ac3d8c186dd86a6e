import Tabular

extension ExportInspection {
    /// The import's `ImportOptions.roleFinder` for a kind: the columns `inspect` maps by a
    /// role's other names (`columnsNaming`), so that what `inspect` suggests is what the import
    /// reads without a map. With two matchers, `inspect` found `Supplier Name`, `PO Date` and
    /// `Order Qty` while the purchasing import stopped at "missing required columns", and
    /// staffing read a shift split over two pay-code lines as two nurses, its `Emp ID` and `Pay
    /// Code` only suggested in a note (41 shifts called short where 81 were).
    ///
    /// Only a column of the role's own kind is read (`Fit.own`): one `inspect` maps as the last
    /// fit (`On Hand $` for on_hand, `Home Unit` for unit) is for a person to confirm, and stays
    /// in the import's note on unread lookalikes. A header written twice is left to the map, as
    /// which of the two is meant cannot be told. `rolesRead`, when given, limits the optional
    /// roles to those the reader uses (purchasing reads an item master's cost and lead time alone).
    static func roleFinder(kind: String, rolesRead: Set<String>? = nil) -> @Sendable ([String], Set<Int>, [String]) -> [String: Int] {
        { header, taken, wanted in
            guard let schema = InputSchema.all[kind] else { return [:] }
            let roles = schema.roles.filter { wanted.contains($0.name) && ($0.required || rolesRead?.contains($0.name) ?? true) }
            var seen: [String: Int] = [:]
            for name in header { seen[name.matchKey(), default: 0] += 1 }
            var used = taken.union(header.indices.filter { seen[header[$0].matchKey(), default: 0] > 1 })
            let found = columnsNaming(roles, of: kind, in: header, used: &used).filter { Fit(HeaderWords(header[$0.column]), role: $0.role) == .own }
            return Dictionary(found.map { ($0.role, $0.column) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
